/**
 * An area owner's risk work in the browser, on the file's pinned clock (contextFor installs it as
 * Playwright's clock): Erik records a risk from his area's page, assesses it, re-assesses it (the
 * earlier assessment stays in the history), and links one of his area's reports to it from its
 * case handling – checked against the emulator's lists, with axe at each step and at 400 px.
 */
import type { Browser } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { axe, contextFor, launch, main, open, pageErrors, startServer } from './browser';

jest.setTimeout(240000);

let browser: Browser;
let server: DevServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const TITLE = 'Syrgas tar slut under transport';

it('records, assesses, re-assesses and links a report to a risk, keeping the history, without axe violations', async () => {
  const context = await contextFor(browser, server, 'erik');
  const page = await open(context, server, '/#/omrade/patientsakerhet');
  const m = main(page);
  await m.getByRole('table', { name: 'Områdets risker, högsta risknivå först' }).waitFor();
  expect(await axe(page)).toEqual([]);

  await m.getByRole('link', { name: 'Ny risk' }).click();
  await m.getByRole('heading', { name: 'Ny risk' }).waitFor();
  // Nothing filled in: each required field says so, and nothing is stored.
  const before = server.store.list('risks').items.size;
  await m.getByRole('button', { name: 'Spara risken' }).click();
  await m.getByText('Hot och orsak måste fyllas i.').waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('sakerhet-risk-title');
  expect(server.store.list('risks').items.size).toBe(before);
  await page.locator('#sakerhet-risk-title').fill(TITLE);
  await page.locator('#sakerhet-risk-threat').fill('Flaskan räcker inte när transporten till röntgen dröjer.');
  await page.locator('#sakerhet-risk-harm').fill('Patienter med syrgasbehov.');
  await page.locator('#sakerhet-risk-nextReview').fill('2027-05-31');
  await m.getByRole('button', { name: 'Spara risken' }).click();
  await m.getByRole('heading', { name: TITLE }).waitFor();
  const id = Number(/#\/risk\/(\d+)/.exec(page.url())![1]);
  expect(server.store.list('risks').items.get(id)!.fields).toMatchObject({ Title: TITLE, RiskStatus: 'Identifierad', NextReview: '2027-05-30T22:00:00Z' });
  expect(await page.title()).toContain(`Risk ${id}`);
  expect(await axe(page)).toEqual([]);

  // First assessment: Stor (3) × Katastrofal (4) = 12, Mycket hög.
  const assess = async (summary: string, likelihood: string, consequence: string): Promise<void> => {
    await m.getByRole('button', { name: 'Bedöm risken' }).click();
    await page.locator('#sakerhet-assess-title').fill(summary);
    await m.getByRole('radiogroup', { name: /^Före åtgärder: Sannolikhet/ }).getByLabel(likelihood, { exact: true }).check();
    await m.getByRole('radiogroup', { name: /^Före åtgärder: Konsekvens/ }).getByLabel(consequence, { exact: true }).check();
    await m.getByRole('button', { name: 'Spara bedömningen' }).click();
    await m.getByRole('status').filter({ hasText: 'Bedömningen är fastställd.' }).waitFor();
  };
  await assess('Första bedömning', '3 Stor', '4 Katastrofal');
  await m.getByText('Mycket hög (12)').first().waitFor();
  expect(await axe(page)).toEqual([]);
  // Re-assessed: Liten (2) × Katastrofal (4) = 8, Hög; the first stays in the history below it.
  await assess('Omprövning med reservflaska', '2 Liten', '4 Katastrofal');
  const rows = m.getByRole('region', { name: 'Bedömningar' }).getByRole('row');
  await rows.nth(2).waitFor();
  expect(await rows.nth(1).innerText()).toContain('Omprövning med reservflaska');
  expect(await rows.nth(1).innerText()).toContain('Hög (8)');
  expect(await rows.nth(2).innerText()).toContain('Första bedömning');
  expect(await rows.nth(2).innerText()).toContain('Mycket hög (12)');
  const stored = [...server.store.list('riskAssessments').items.values()].filter((i) => i.fields.RiskId === id).map((i) => [i.fields.Title, i.fields.AssessmentStatus, i.fields.RiskValue]);
  expect(stored).toEqual(expect.arrayContaining([['Första bedömning', 'Fastställd', 12], ['Omprövning med reservflaska', 'Fastställd', 8]]));
  expect(server.store.list('risks').items.get(id)!.fields).toMatchObject({ RiskValue: 8, RiskLevel: 'Hög', RiskStatus: 'Bedömd' });
  expect(await axe(page)).toEqual([]);

  // Report 30 (patientsäkerhet, open): linked to the risk from its case handling.
  await page.goto(`${server.url}/#/rapport/30`);
  const risk = m.getByLabel('Risk som händelsen förverkligade');
  await risk.selectOption({ label: TITLE });
  await m.getByRole('button', { name: 'Spara handläggningen' }).click();
  await m.getByRole('status').filter({ hasText: 'sparad' }).waitFor();
  expect(server.store.list('incidents').items.get(30)!.fields.RiskId).toBe(id);
  expect(await axe(page)).toEqual([]);
  await m.getByRole('link', { name: `Öppna risken: ${TITLE}` }).click();
  await m.getByRole('heading', { name: 'Kopplade rapporter' }).waitFor();
  await m.getByRole('link', { name: server.store.list('incidents').items.get(30)!.fields.Title as string }).waitFor();
  expect(pageErrors(page)).toEqual([]);
  await context.close();
});

it.each(['?host=teams&theme=dark', '?host=teams&theme=contrast'])("shows a risk's page at 400 px without sideways scrolling and without axe violations (%s)", async (query) => {
  const context = await contextFor(browser, server, 'erik', { width: 400, height: 900 });
  const id = [...server.store.list('risks').items.values()].find((i) => i.fields.Title === 'Fördröjd bedömning på akuten vid hög belastning')!.id;
  const page = await open(context, server, `/${query}#/risk/${id}`);
  await main(page).getByRole('heading', { name: 'Bedömningar' }).waitFor();
  // Its review was 5 days ago (sample): flagged.
  await main(page).getByText('Att se över').first().waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await axe(page)).toEqual([]);
  expect(pageErrors(page)).toEqual([]);
  await context.close();
});
