/**
 * The installation check in the browser (issue 9 point 7): a site owner on the site the package
 * creates finds it from the start page, reads every difference in plain Swedish or English, repairs
 * them with one button and is told what is left to do by hand; axe-core finds nothing in the light,
 * dark and high-contrast themes. Staff, area owners and visitors are not offered it, and reaching
 * its address they are told it is for the site's owners.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { axe, contextFor, launch, main, open, pageErrors, startServer, User } from './browser';

jest.setTimeout(120000);

const NOW = new Date('2026-06-15T10:00:00Z');
let browser: Browser;
let fresh: DevServer;
let sample: DevServer;

beforeAll(async () => {
  [browser, fresh, sample] = await Promise.all([launch(), startServer({ now: NOW, site: 'new' }), startServer({ now: NOW })]);
});
afterAll(async () => {
  await browser?.close();
  await fresh?.close();
  await sample?.close();
});

async function signedIn(server: DevServer, user: User): Promise<BrowserContext> {
  const context = await contextFor(browser, server, user);
  await context.clock.setFixedTime(NOW);
  return context;
}

async function checkPage(query: string): Promise<Page> {
  const page = await open(await signedIn(fresh, 'maria'), fresh, `/${query}#/installationskontroll`);
  await main(page).getByRole('heading', { name: /Kan rättas här|Can be repaired here/ }).waitFor();
  return page;
}

describe('a site owner on the site the package creates', () => {
  it('finds the check from the start page and reads every difference in plain Swedish', async () => {
    const page = await open(await signedIn(fresh, 'maria'), fresh, '/#/');
    const m = main(page);
    await m.getByText('Webbplatsen har inga säkerhetsområden ännu. Webbplatsens ägare lägger till dem med installationskontrollen.').waitFor();
    await m.getByRole('link', { name: 'Installationskontroll' }).click();
    await m.getByRole('heading', { name: 'Installationskontroll' }).waitFor();
    await m.getByRole('heading', { name: 'Kan rättas här' }).waitFor();
    const auto = m.getByRole('list', { name: 'Kan rättas här' });
    await auto.getByText('I Händelser kan medlemmar läsa eller ändra andras objekt: behörighet på objektnivå är inte inställd.').waitFor();
    await auto.getByText('Behörighetsnivån Säkerhetsområdesansvarig finns inte.').waitFor();
    await auto.getByText('Uppslagskolumnen Rapport i Åtgärder hindrar inte att det den pekar på tas bort.').waitFor();
    await auto.getByText('Kolumnen Skapad av i Händelser saknar index.').waitFor();
    await auto.getByText(/^14 av de 14 säkerhetsområdena saknas i Säkerhetsområden: Arbetsmiljö, Beredskap/).waitFor();
    expect(await page.title()).toMatch(/^Installationskontroll/);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['SharePoint (light)', ''],
    ['Teams dark', '?host=teams&theme=dark'],
    ['Teams high contrast', '?host=teams&theme=contrast']
  ])('shows the differences without WCAG 2.1 A/AA violations in %s', async (_name, query) => {
    const page = await checkPage(query);
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('says the same in English', async () => {
    const page = await checkPage('?lang=en-us');
    const m = main(page);
    await m.getByRole('heading', { name: 'Installation check' }).waitFor();
    await m.getByText('In Händelser members can read or change other people’s items: item-level permissions are not set.').waitFor();
    await m.getByText('The permission level Säkerhetsområdesansvarig does not exist.').waitFor();
    await m.getByRole('button', { name: /^Repair \d+ differences$/ }).waitFor();
    await page.context().close();
  });

  it('repairs with one button, says how many, and leaves what must be done by hand with how to do it', async () => {
    const page = await checkPage('');
    const m = main(page);
    const button = m.getByRole('button', { name: /^Rätta \d+ skillnader$/ });
    const count = Number(/\d+/.exec((await button.textContent()) ?? '')![0]);
    expect(count).toBeGreaterThan(20);
    await button.click();
    await m.getByRole('status').filter({ hasText: `${count} skillnader rättades.` }).waitFor({ timeout: 60000 });
    const manual = m.getByRole('list', { name: 'Måste göras för hand' });
    await manual.getByText('Gruppen Säkerhetsområdesansvariga har inga medlemmar.').waitFor();
    await manual.getByText(/Lägg till de områdesansvariga i gruppen Säkerhetsområdesansvariga \(Inställningar → Webbplatsbehörigheter\)/).waitFor();
    expect(await m.getByRole('heading', { name: 'Kan rättas här' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(fresh.store.list('incidents').schema.readSecurity).toBe('own');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('everyone else', () => {
  it.each(['anna', 'erik', 'nils'] as const)('is not offered the check (%s), and its address says it is for the site\'s owners', async (user) => {
    const context = await signedIn(sample, user);
    const start = await open(context, sample, '/#/');
    await main(start).getByRole('heading', { name: 'Säkerhetsområden' }).waitFor();
    expect(await main(start).getByText('Installationskontroll').count()).toBe(0);
    const page = await open(context, sample, '/#/installationskontroll');
    await main(page).getByText('Installationskontrollen är till för webbplatsens ägare.').waitFor();
    expect(await main(page).getByRole('button', { name: /^Rätta/ }).count()).toBe(0);
    await context.close();
  });

  it('on the sample site, which the check itself set up, the site owner is told all is well', async () => {
    const page = await open(await signedIn(sample, 'maria'), sample, '/#/installationskontroll');
    await main(page).getByText('Webbplatsen är som Säkerhet behöver den.').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });
});
