/**
 * The lägesbild's risk picture in the browser: the heat map is a real table whose every cell
 * holds the count of the register's risks and the matrix's level; it switches between before and
 * after measures with a pressed-state button and says so in a live region; axe finds nothing in
 * the light, dark and high-contrast themes; and it fits 400 px by scrolling only itself.
 */
import type { Browser } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { axe, contextFor, launch, main, open, pageErrors, startServer } from './browser';

jest.setTimeout(120000);

let browser: Browser;
let server: DevServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Counts straight from the emulator's list (stored choice values), independent of the app's code. */
function stored(likelihood: string, consequence: string, residual = false): number {
  const p = residual ? 'Residual' : '';
  return [...server.store.list('risks').items.values()].filter((i) => {
    const f = i.fields;
    const l = residual && !f.ResidualLikelihood ? f.Likelihood : f[`${p}Likelihood`];
    const c = residual && !f.ResidualConsequence ? f.Consequence : f[`${p}Consequence`];
    return f.RiskStatus !== 'Avslutad' && l === likelihood && c === consequence;
  }).length;
}

const THEMES = ['', '?host=teams&theme=dark', '?host=teams&theme=contrast'];

it.each(THEMES)('shows the heat map as a table with counts and levels, before and after measures, without axe violations (%s)', async (query) => {
  const context = await contextFor(browser, server, 'maria', { width: 1280, height: 900 });
  const page = await open(context, server, `/${query}#/lagesbild`);
  const table = main(page).getByRole('table', { name: /Antal risker per sannolikhet och konsekvens, före åtgärder/ });
  await table.waitFor();
  // Row "3 Stor", column "4 Katastrofal": the count the list holds and the default matrix's level (3 × 4 = 12, Mycket hög).
  const cell = table.getByRole('row', { name: /^3 Stor/ }).getByRole('cell').nth(3);
  expect(await cell.innerText()).toBe(`${stored('Stor', 'Katastrofal')}\nMycket hög`);
  expect(stored('Stor', 'Katastrofal')).toBeGreaterThan(0);
  expect(await axe(page)).toEqual([]);

  const after = main(page).getByRole('button', { name: 'Efter åtgärder' });
  await after.click();
  expect(await after.getAttribute('aria-pressed')).toBe('true');
  await main(page).getByRole('status').filter({ hasText: 'Riskbilden visas efter åtgärder.' }).waitFor();
  const afterTable = main(page).getByRole('table', { name: /efter åtgärder/ });
  const afterCell = afterTable.getByRole('row', { name: /^1 Mycket liten/ }).getByRole('cell').nth(2);
  expect(await afterCell.innerText()).toBe(`${stored('Mycket liten', 'Betydande', true)}\nMåttlig`);
  expect(await axe(page)).toEqual([]);
  expect(pageErrors(page)).toEqual([]);
  await context.close();
});

it('lists the risks due for review and the late risk measures of an area, and fits 400 px', async () => {
  const context = await contextFor(browser, server, 'erik', { width: 400, height: 900 });
  const page = await open(context, server, `/#/lagesbild/${new Date().getFullYear()}/patientsakerhet`);
  // At 400 px the tables are lists of cards.
  const due = main(page).getByRole('list', { name: 'Risker att se över' });
  // Sample: 'Fördröjd bedömning …' was to be reviewed 5 days ago; its triage measure is 10 days late.
  await due.getByText('Fördröjd bedömning på akuten vid hög belastning').waitFor();
  await main(page).getByRole('list', { name: 'Riskåtgärder som är sena' }).getByText('Bemanna reservtriage vid väntetid över 30 minuter').waitFor();
  // The page never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(pageErrors(page)).toEqual([]);
  await context.close();
});
