/**
 * A shared ward computer: two users, one browser profile. Anna starts a report and closes the tab;
 * Johan signs in on the same browser. Nothing Anna typed can be read from the browser's storage –
 * by the app or by anyone looking into it – and Johan's form is empty. Anna comes back: her draft
 * is there, under its ReportId, and is sent once; then it is gone from the device.
 */
import { webcrypto } from 'crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { contextFor, launch, main, open, pageErrors, startServer } from './browser';
import { pinClock } from '../helpers/clock';

jest.setTimeout(120000);

const NOW = new Date('2026-06-15T10:00:00+02:00');
pinClock(NOW);
const TITLE = 'Min chef tog tag i min arm';
const STORY = 'Det hände i korridoren utanför personalrummet.';

let browser: Browser;
let server: DevServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer({ now: NOW })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything the browser profile holds for the site: localStorage, sessionStorage and cookies' values. */
async function deviceContents(context: BrowserContext): Promise<string> {
  const state = await context.storageState();
  return JSON.stringify(state);
}

/** Waits (real time, up to 20 s on a loaded machine) until `check` holds; fails if it never does. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await check()); waited += 100) {
    if (waited > 20000) {
      throw new Error('The browser never got there.');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens the report form as a user, on the same browser profile (the dev host's user switch sets the sign-in cookie). */
async function formAs(context: BrowserContext, user: string): Promise<Page> {
  const page = await open(context, server, `/?user=${user}#/rapportera/arbetsmiljo`);
  await main(page).getByLabel('Rubrik').waitFor();
  return page;
}

function userId(key: string): number {
  return [...server.store.users.values()].find((u) => u.key === key)!.id;
}

/** Opens Anna's stored draft with her key, as only her browser session can get it (from SharePoint). */
async function openWithKeyOf(user: string, context: BrowserContext): Promise<{ reportId: string; title: string }> {
  const id = userId(user);
  const secret = [...server.store.list('draftKeys').items.values()].find((i) => i.fields.AuthorId === id)!.fields.Title as string;
  const origin = (await context.storageState()).origins.find((o) => server.url.startsWith(o.origin))!;
  const slot = `sakerhet:report-draft:${id}`;
  const blob = JSON.parse(origin.localStorage.find((e) => e.name === slot)!.value) as { iv: string; data: string };
  const key = await webcrypto.subtle.importKey('raw', Buffer.from(secret, 'base64'), 'AES-GCM', false, ['decrypt']);
  const plain = await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv: Buffer.from(blob.iv, 'base64'), additionalData: new TextEncoder().encode(slot) }, key, Buffer.from(blob.data, 'base64'));
  return JSON.parse(Buffer.from(plain).toString('utf8')).draft;
}

it('Anna’s half-written report: unreadable to Johan on the same browser, back for Anna under its ReportId, gone once sent', async () => {
  // The browser's clock starts at NOW, this file's clock (contextFor).
  const context = await contextFor(browser, server, 'anna');

  // Anna starts a report and closes the tab.
  const anna = await formAs(context, 'anna');
  await main(anna).getByLabel('Rubrik').fill(TITLE);
  await main(anna).getByLabel('Vad hände?').fill(STORY);
  await until(async () => (await deviceContents(context)).includes(`sakerhet:report-draft:${userId('anna')}`));
  const written = await openWithKeyOf('anna', context);
  expect(written.title).toBe(TITLE);
  await anna.close();
  const afterAnna = await deviceContents(context);
  for (const secret of [TITLE, 'chef', 'korridoren', written.reportId]) {
    expect(afterAnna).not.toContain(secret);
  }

  // Johan signs in on the same browser: an empty form, nothing restored, nothing readable.
  const johan = await formAs(context, 'johan');
  expect(await main(johan).getByLabel('Rubrik').inputValue()).toBe('');
  expect(await main(johan).getByText(/har återställts/).count()).toBe(0);
  const inJohansSession = await johan.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'));
  expect(inJohansSession).not.toContain('chef');
  expect(pageErrors(johan)).toEqual([]);
  await johan.close();

  // Anna again: her draft, sent once under the ReportId it was written with, then gone from the device.
  const back = await formAs(context, 'anna');
  const m = main(back);
  await m.getByText(/Ditt utkast från .* har återställts/).waitFor();
  expect(await m.getByLabel('Rubrik').inputValue()).toBe(TITLE);
  await m.getByLabel('Olycka', { exact: true }).check();
  await m.getByLabel('Plats').fill('Avdelning 12');
  await m.getByLabel('Måttlig').check();
  await m.getByRole('button', { name: 'Skicka rapporten' }).click();
  await m.getByRole('heading', { name: 'Tack! Din rapport är registrerad' }).waitFor({ timeout: 60000 });
  const stored = [...server.store.list('incidents').items.values()].filter((i) => i.fields.Title === TITLE);
  expect(stored.map((i) => i.fields.ReportId)).toEqual([written.reportId]);
  await until(async () => !(await deviceContents(context)).includes('sakerhet:report-draft:'));
  expect(pageErrors(back)).toEqual([]);
  await context.close();
});
