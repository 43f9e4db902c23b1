/**
 * Feedback to the reporter in Chromium (issue 13): the reporter sees in Mina rapporter what changed
 * since her last visit, and on her report the status, since when, the closing day and the owner's
 * message; she adds information from her phone; the owner sees it as added later, and an anonymous
 * report's addition names no one. axe on each view; a phone's width. With SCREENSHOTS=<folder>
 * the views are also saved as pictures at 400 and 1280 px, to be looked at.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { axe, contextFor, launch, main, open, pageErrors, startServer, User } from './browser';
import { pinClock } from '../helpers/clock';

jest.setTimeout(120000);

/** Friday 20 November 2026, 13:00 in Stockholm; the sample content is relative to it. */
const NOW = new Date('2026-11-20T12:00:00Z');
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

const idOf = (title: string): number => [...server.store.list('incidents').items.values()].find((i) => i.fields.Title === title)!.id;

async function as(user: User, width = 1280): Promise<BrowserContext> {
  return contextFor(browser, server, user, { width, height: 900 });
}

/** Saves the page as a picture when SCREENSHOTS names a folder (for a person to look at). */
async function picture(page: Page, name: string): Promise<void> {
  const folder = process.env.SCREENSHOTS;
  if (folder) {
    mkdirSync(folder, { recursive: true });
    await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
  }
}

describe('the reporter', () => {
  it('sees in Mina rapporter what changed since her last visit on this device', async () => {
    const context = await as('anna');
    const page = await open(context, server, '/#/mina-rapporter');
    await main(page).getByText('Det här är ditt första besök i Mina rapporter på den här enheten.').waitFor();
    // The owner closes one of her reports while she is away.
    const erik = await as('erik');
    const owner = await open(erik, server, `/#/rapport/${idOf('Patient föll vid toalettbesök')}`);
    await main(owner).getByRole('heading', { name: 'Handläggning' }).waitFor();
    await main(owner).getByLabel('Status').selectOption({ label: 'Avslutad' });
    await main(owner).getByLabel(/^Återkoppling till rapportören/).fill('Tack! Larmknappen sitter nu inom räckhåll vid toaletten.');
    await main(owner).getByRole('button', { name: 'Spara handläggningen' }).click();
    await main(owner).getByText('Handläggningen är sparad.').waitFor();
    await erik.close();
    // Her next visit, a minute later.
    await page.clock.fastForward(60 * 1000);
    await page.reload();
    await main(page).getByText(/^1 av dina rapporter har ändrats sedan ditt förra besök/).waitFor();
    const row = main(page).getByRole('row').filter({ has: page.getByRole('link', { name: 'Patient föll vid toalettbesök' }) });
    await row.getByText('Ändrad sedan ditt förra besök').waitFor();
    // Once in the table (its phone cards are hidden at this width).
    expect(await main(page).getByText('Ändrad sedan ditt förra besök').filter({ visible: true }).count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    await picture(page, 'mina-rapporter-1280');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('reads the owner\'s closing message on her closed report, never the analysis', async () => {
    const context = await as('anna');
    const id = idOf('Risk för förväxling av likadana patientband');
    const page = await open(context, server, `/#/rapport/${id}`);
    const feedback = main(page).getByRole('region', { name: 'Återkoppling' });
    await feedback.getByText(/^Tack för din rapport\. Patientbanden skrivs nu ut med större text/).waitFor();
    expect(await feedback.innerText()).toMatch(/Avslutad sedan \d+ \w+\.? \d{4} \d\d:\d\d/);
    expect(await feedback.innerText()).toMatch(/Rapporten avslutades \d+ \w+\.? \d{4}\./);
    expect(await main(page).getByRole('heading', { name: 'Handläggning' }).count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    await picture(page, 'rapport-avslutad-1280');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('adds information on a phone; the owner sees that it came later, and when', async () => {
    const context = await as('anna', 400);
    const id = idOf('Patient föll vid toalettbesök');
    const page = await open(context, server, `/#/rapport/${id}`);
    const field = main(page).getByLabel(/^Det du vill lägga till/);
    await field.fill('Golvet var nyss våttorkat.');
    await main(page).getByRole('button', { name: 'Lägg till' }).click();
    await main(page).getByRole('status').getByText('Informationen är tillagd i rapporten.').waitFor();
    expect(await field.inputValue()).toBe('');
    // No sideways scrolling at a phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axe(page)).toEqual([]);
    await picture(page, 'rapport-komplettering-400');
    expect(pageErrors(page)).toEqual([]);
    await context.close();

    const erik = await as('erik');
    const owner = await open(erik, server, `/#/rapport/${id}`);
    const added = main(owner).getByRole('definition').filter({ hasText: 'Golvet var nyss våttorkat.' });
    await added.waitFor();
    // The sample's earlier addition, then hers, each under its moment; then when she last added.
    expect(await added.innerText()).toMatch(/\[\d{4}-\d\d-\d\d \d\d:\d\d\]\nSängens broms[\s\S]*\[2026-11-20 13:\d\d\]\nGolvet var nyss våttorkat\.\nSenast tillagt 20 nov\. 2026 13:\d\d/);
    expect(await axe(owner)).toEqual([]);
    await picture(owner, 'rapport-agare-1280');
    await owner.setViewportSize({ width: 400, height: 900 });
    await picture(owner, 'rapport-agare-400');
    expect(pageErrors(owner)).toEqual([]);
    await erik.close();
  });
});

describe('an anonymous report', () => {
  it('shows the handler the addition and no one behind it', async () => {
    const context = await as('maria');
    const page = await open(context, server, `/#/rapport/${idOf('Hot från anhörig i väntrummet')}`);
    await main(page).getByText(/Personen hade varit i väntrummet även kvällen innan/).waitFor();
    const text = await main(page).innerText();
    expect(text).toContain('Anonym');
    expect(text).not.toMatch(/Johan/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
