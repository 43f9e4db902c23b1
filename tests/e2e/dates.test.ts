/**
 * Dates, texts and links in the browser when the browser is somewhere else than the site: the
 * site is in Stockholm (the emulator's regional settings), the browser in Los Angeles or on
 * Kiritimati (UTC+14), and its clock is set (Playwright's clock), so every test passes on any day
 * of any year. Also: the clock-change times in the report form, a file named with # and % opened
 * from the documents view, and the owners' line breaks in the säkerhetsberättelse, on screen and in print.
 */
import { randomUUID } from 'crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { applyWrite } from '../../dev/emulator/validation';
import type { ListKey } from '../../src/model/schema';
import { launch, main, open, pageErrors, startServer } from './browser';

let browser: Browser;
let server: DevServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
}, 120000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A browser in `timezoneId` whose clock reads `now`, signed in as `user`. */
async function browserAt(timezoneId: string, now: string, user: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId });
  await context.clock.setFixedTime(new Date(now));
  await context.addCookies([{ name: 'sakerhet-user', value: user, url: server.url }]);
  return context;
}

function userId(key: string): number {
  return [...server.store.users.values()].find((u) => u.key === key)!.id;
}

/** Adds an item through the emulator's own write checks. */
async function add(list: ListKey, values: Record<string, unknown>, author: string): Promise<number> {
  const data = server.store.list(list);
  const fields = applyWrite(server.store, data, undefined, values);
  const id = server.store.allocateId(list);
  const now = new Date().toISOString();
  await server.store.putItem(list, { id, version: 1, guid: randomUUID(), fields: { ...fields, Created: now, Modified: now, AuthorId: userId(author), EditorId: userId(author) }, attachments: [] });
  return id;
}

function areaId(key: string): number {
  return [...server.store.list('areas').items.values()].find((a) => a.fields.AreaKey === key)!.id;
}

async function deadlineState(page: Page, title: string): Promise<string> {
  const row = main(page).getByRole('row').filter({ hasText: title });
  return (await row.getByRole('cell').last().innerText()).trim();
}

describe('the site\'s calendar in a browser elsewhere', () => {
  beforeAll(async () => {
    // Lex Maria event on 30 September 2026 at 10:00 Stockholm time: due 30 November.
    await add(
      'incidents',
      {
        Title: 'Datumprov lex Maria',
        ReportId: randomUUID(),
        AreaId: areaId('patientsakerhet'),
        EventType: 'Avvikelse',
        OccurredAt: '2026-09-30T08:00:00Z',
        Location: 'Avdelning 12',
        Description: 'Provrapport för datumtestet.',
        Severity: 'Allvarlig',
        Status: 'Under utredning',
        LexMaria: true
      },
      'anna'
    );
  });

  it('shows "last day today" on the deadline in Stockholm at 19:47, though it is already 1 December on Kiritimati', async () => {
    // 18:47 UTC: 19:47 on 30 November in Stockholm, 08:47 on 1 December in UTC+14.
    const context = await browserAt('Pacific/Kiritimati', '2026-11-30T18:47:00Z', 'maria');
    const page = await open(context, server, '/#/lagesbild/2026');
    await main(page).getByRole('heading', { name: 'Öppna händelser med myndighetsfrister' }).waitFor().catch(async (e) => {
      throw new Error(`${e}\n${pageErrors(page).join('\n')}\n${await page.locator('body').innerText()}`);
    });
    expect(await deadlineState(page, 'Datumprov lex Maria')).toBe('Sista dagen i dag');
    const row = main(page).getByRole('row').filter({ hasText: 'Datumprov lex Maria' });
    await expect(row.locator('time').nth(1).getAttribute('datetime')).resolves.toBe('2026-11-30');
    expect(await row.locator('time').nth(1).innerText()).toBe('30 nov. 2026');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60000);

  it('shows "1 day left" the day before at noon, in Los Angeles', async () => {
    const context = await browserAt('America/Los_Angeles', '2026-11-29T11:00:00Z', 'maria');
    const page = await open(context, server, '/#/lagesbild/2026');
    await main(page).getByRole('heading', { name: 'Öppna händelser med myndighetsfrister' }).waitFor();
    expect(await deadlineState(page, 'Datumprov lex Maria')).toBe('1 dag kvar');
    await context.close();
  }, 60000);

  it('takes "this year" and "now" from the site at New Year: 00:30 on 1 January in Stockholm is still 31 December in Los Angeles', async () => {
    const context = await browserAt('America/Los_Angeles', '2026-12-31T23:30:00Z', 'maria');
    const page = await open(context, server, '/#/lagesbild');
    const year = main(page).getByLabel('År', { exact: true });
    await year.waitFor();
    expect(await year.inputValue()).toBe('2027');
    const report = await open(context, server, '/#/rapportera/patientsakerhet');
    await main(report).getByLabel(/^Datum/).waitFor();
    expect(await main(report).getByLabel(/^Datum/).inputValue()).toBe('2027-01-01');
    expect(await main(report).getByLabel(/^Klockslag/).inputValue()).toBe('00:30');
    await context.close();
  }, 60000);
});

describe('the report form on the nights the clocks change', () => {
  it('says 02:30 did not exist in spring, and asks which 02:30 in autumn – then stores the one chosen', async () => {
    const context = await browserAt('UTC', '2026-11-30T12:00:00Z', 'anna');
    const page = await open(context, server, '/#/rapportera/patientsakerhet');
    const form = main(page);
    await form.getByLabel(/^Rubrik/).waitFor();
    await form.getByRole('radio', { name: /Avvikelse/ }).check();
    await form.getByLabel(/^Rubrik/).fill('Nattens klockomställning');
    await form.getByLabel(/^Plats/).fill('Avdelning 3');
    await form.getByLabel(/^Vad hände/).fill('Läkemedel gavs under natten då klockan ställdes om.');
    await form.getByRole('radio', { name: /^Låg/ }).check();
    await form.getByLabel(/^Datum/).fill('2026-03-29');
    await form.getByLabel(/^Klockslag/).fill('02:30');
    await form.getByRole('button', { name: 'Skicka rapporten' }).click();
    // The error summary: a named group that takes focus once per submit.
    const summary = form.getByRole('group', { name: 'Rapporten kunde inte skickas. Rätta följande:' });
    await expect(summary.innerText()).resolves.toContain('Klockan 02:30 fanns inte 29 mars 2026');

    await form.getByLabel(/^Datum/).fill('2026-10-25');
    await form.getByLabel(/^Klockslag/).fill('02:30');
    const which = form.getByRole('radiogroup', { name: 'Klockan ställdes tillbaka: vilken gång var det?' });
    await which.waitFor();
    await form.getByRole('button', { name: 'Skicka rapporten' }).click();
    await expect(summary.innerText()).resolves.toContain('Klockan 02:30 fanns två gånger 25 okt. 2026');
    await which.getByRole('radio', { name: /Andra gången/ }).check();
    await form.getByRole('button', { name: 'Skicka rapporten' }).click();
    await main(page).getByRole('heading', { name: 'Tack! Din rapport är registrerad' }).waitFor({ timeout: 30000 });
    const stored = [...server.store.list('incidents').items.values()].find((i) => i.fields.Title === 'Nattens klockomställning')!;
    // The second 02:30, in standard time (UTC+1).
    expect(stored.fields.OccurredAt).toBe('2026-10-25T01:30:00Z');
    await context.close();
  }, 90000);
});

describe('texts and links', () => {
  it('opens a governing document whose file name holds # and % from the documents view', async () => {
    const name = 'Rutin #7 – 100% & mer.pdf';
    const docs = server.store.list('documents');
    const item = [...docs.items.values()].find((i) => i.fields.DocStatus === 'Fastställd')!;
    await server.store.putItem('documents', { ...item, version: item.version + 1, file: { ...item.file!, name } });
    const context = await browserAt('Europe/Stockholm', '2026-06-15T10:00:00Z', 'anna');
    const page = await open(context, server, '/#/dokument');
    const link = main(page).getByRole('link', { name: `Öppna ${String(item.fields.Title)} (öppnas i nytt fönster)` });
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe('/sites/sakerhet/StyrandeDokument/Rutin%20%237%20%E2%80%93%20100%25%20%26%20mer.pdf');
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
    const response = await context.request.get(new URL(href, server.url).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await popup.close();
    await context.close();
  }, 60000);

  it('keeps the line breaks of a goal\'s follow-up in the säkerhetsberättelse, on screen and in print', async () => {
    const goals = server.store.list('goals');
    const goal = [...goals.items.values()].find((g) => g.fields.Period === 2026)!;
    const fields = applyWrite(server.store, goals, goal, { FollowUp: 'Rad 1\r\nRad 2\r\n\r\nStycke 2' });
    await server.store.putItem('goals', { ...goal, version: goal.version + 1, fields: { ...goal.fields, ...fields } });
    const context = await browserAt('America/Los_Angeles', '2026-11-30T12:00:00Z', 'maria');
    const page = await open(context, server, '/#/sakerhetsberattelse/2026');
    const item = main(page).getByRole('listitem').filter({ hasText: 'Rad 1' });
    await item.first().waitFor();
    expect(await item.first().innerText()).toContain('Rad 1\nRad 2\n\nStycke 2');
    await page.emulateMedia({ media: 'print' });
    expect(await item.first().innerText()).toContain('Rad 1\nRad 2\n\nStycke 2');
    await context.close();
  }, 60000);
});
