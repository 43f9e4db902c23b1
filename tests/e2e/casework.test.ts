/**
 * An area owner's case work in Chromium (issue 13 part 2): nothing typed is lost – another view,
 * Back and closing the tab ask first, and a closed report is read-only until it is reopened.
 * The browser's clock is pinned; the sample content is relative to it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import type { ListKey } from '../../src/model/schema';
import { axe, contextFor, launch, main, open, pageErrors, startServer, User } from './browser';
import { pinClock } from '../helpers/clock';

jest.setTimeout(120000);

/** 10:30 in Stockholm on an ordinary autumn Wednesday. */
const NOW = new Date('2025-10-08T08:30:00.000Z');
// The product's, the emulator's and (through contextFor) the browser's clock start at NOW.
pinClock(NOW);

let browser: Browser;
let server: DevServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer({ now: NOW })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pinned(user: User): Promise<BrowserContext> {
  // contextFor gives the browser this file's pinned clock (tests/helpers/clock.ts).
  return contextFor(browser, server, user);
}

type Item = { id: number; fields: Record<string, unknown> };
const items = (list: ListKey): Item[] => [...server.store.list(list).items.values()];
const areaId = (key: string): number => items('areas').find((a) => a.fields.AreaKey === key)!.id;
/** An open report of patientsäkerhet (erik's area) that has no actions. */
function openReport(): Item {
  const withActions = new Set(items('actions').map((a) => a.fields.IncidentId));
  return items('incidents').find((i) => i.fields.AreaId === areaId('patientsakerhet') && i.fields.Status !== 'Avslutad' && !withActions.has(i.id))!;
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}`);
}

describe('nothing typed is lost', () => {
  it('asks before another view, Back or closing the tab takes unsaved analysis away', async () => {
    const report = openReport();
    const page = await open(await pinned('erik'), server, '/#/');
    await main(page).getByText(/områden visas/).waitFor();
    // To the report as if by a link typed in, so that Back has somewhere to go.
    await page.evaluate((id) => (window.location.hash = `#/rapport/${id}`), report.id);
    const analysis = main(page).getByLabel(/^Analys/);
    await analysis.click();
    await page.keyboard.type('Utkast som inte får försvinna.');

    // Another view from the navigation: the question, with focus on "Stanna kvar"; Escape stays,
    // and focus goes back to the link the user pressed.
    const queueLink = page.getByRole('navigation', { name: 'Säkerhet' }).getByRole('link', { name: 'Att hantera' });
    await queueLink.click();
    const dialog = page.getByRole('alertdialog', { name: 'Du har ändringar som inte är sparade' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stanna kvar');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await queueLink.evaluate((a) => a === document.activeElement)).toBe(true);
    expect(await analysis.inputValue()).toBe('Utkast som inte får försvinna.');
    expect(page.url()).toContain(`#/rapport/${report.id}`);

    // Back while typing: the address returns to the report while the question is asked; Enter on
    // "Stanna kvar" keeps everything, and focus is back in the analysis.
    await analysis.focus();
    await page.goBack();
    await dialog.waitFor();
    expect(page.url()).toContain(`#/rapport/${report.id}`);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('TEXTAREA#sakerhet-case-analysis');
    expect(await analysis.inputValue()).toBe('Utkast som inte får försvinna.');

    // Closing the tab: the browser's own question; dismissing it keeps the page and the text.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        d.dismiss().then(
          () => resolve(d.type()),
          () => resolve('not dismissed')
        );
      })
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
    expect(await analysis.inputValue()).toBe('Utkast som inte får försvinna.');

    // Back once more, and this time leave: the overview, and the report's analysis unsaved.
    await page.goBack();
    await dialog.getByRole('button', { name: 'Lämna utan att spara' }).click();
    await main(page).getByText(/områden visas/).waitFor();
    expect(new URL(page.url()).hash).toBe('#/');
    expect(server.store.list('incidents').items.get(report.id)!.fields.Analysis ?? '').toBe(report.fields.Analysis ?? '');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a closed report read-only until reopened, and the question passes axe', async () => {
    const closed = items('incidents').find((i) => i.fields.AreaId === areaId('patientsakerhet') && i.fields.Status === 'Avslutad')!;
    const page = await open(await pinned('erik'), server, `/#/rapport/${closed.id}`);
    await main(page).getByText(/^Rapporten är avslutad\./).waitFor();
    expect(await main(page).getByLabel(/^Analys/).count()).toBe(0);
    expect(await main(page).getByRole('button', { name: 'Spara handläggningen' }).count()).toBe(0);
    await main(page).getByRole('button', { name: 'Öppna rapporten igen' }).click();
    expect(await main(page).getByLabel('Status').inputValue()).toBe('investigating');
    expect(await focused(page)).toBe('SELECT#sakerhet-case-status');
    // Reopening is an unsaved change: leaving asks, and the question has no axe violations.
    await page.getByRole('navigation', { name: 'Säkerhet' }).getByRole('link', { name: 'Att hantera' }).click();
    await page.getByRole('alertdialog').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await main(page).getByRole('button', { name: 'Avbryt' }).click();
    await main(page).getByRole('button', { name: 'Öppna rapporten igen' }).waitFor();
    expect(await focused(page)).toBe('BUTTON#');
    expect(server.store.list('incidents').items.get(closed.id)!.fields.Status).toBe('Avslutad');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
