/**
 * No report is lost, in Chromium against the emulator with faults switched on: throttling with
 * Retry-After, 503, a slow SharePoint, a connection dropped before or after the report was stored,
 * a double submit, and an attachment that fails after the report was saved. Every case ends with
 * exactly one report in Händelser (a copy the browser itself stored twice goes to the recycle bin).
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import type { FaultRule } from '../../dev/emulator/faults';
import type { StoredItem } from '../../dev/emulator/store';
import { contextFor, launch, main, open, pageErrors, startServer } from './browser';
import { expectEvery } from '../helpers/every';

jest.setTimeout(90000);

let browser: Browser;
let server: DevServer;
let n = 0;

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(() => server.faults.clear());

/** The report's POST to Händelser (a fault rule's plain path end, dev/emulator/faults.ts). */
const ADD_REPORT = "Handelser')/items";
/** The same POST in the request log. */
const ADD_REPORT_PATTERN = /getList\('[^']*Handelser'\)\/items$/i;

function stored(title: string): StoredItem[] {
  return [...server.store.list('incidents').items.values()].filter((i) => i.fields.Title === title);
}

/** Opens the form as Anna and fills in a valid report. */
async function fillReport(title: string): Promise<Page> {
  const context = await contextFor(browser, server, 'anna');
  const page = await open(context, server, '/#/rapportera/lakemedel');
  const m = main(page);
  await m.getByLabel('Avvikelse', { exact: true }).check();
  await m.getByLabel('Rubrik').fill(title);
  await m.getByLabel('Plats').fill('Avdelning 7, läkemedelsrummet');
  await m.getByLabel('Vad hände?').fill('Fel styrka av insulin låg i facket för den ordinerade.');
  await m.getByLabel('Måttlig').check();
  return page;
}

async function send(page: Page): Promise<void> {
  await main(page).getByRole('button', { name: 'Skicka rapporten' }).click();
}

async function receipt(page: Page): Promise<void> {
  await main(page).getByRole('heading', { name: 'Tack! Din rapport är registrerad' }).waitFor({ timeout: 60000 });
}

/** Failed requests the browser itself logs are expected here; anything else is not. */
function unexpectedErrors(page: Page): string[] {
  return pageErrors(page).filter((e) => !/Failed to load resource|net::ERR_/.test(e));
}

async function withFaults(rules: FaultRule[], title: string, during?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await fillReport(title);
  server.faults.set(rules);
  await send(page);
  await during?.(page);
  await receipt(page);
  expect(stored(title)).toHaveLength(1);
  expect(unexpectedErrors(page)).toEqual([]);
  return page;
}

describe('a report survives', () => {
  it('throttling: PnPjs honours Retry-After, the user sees that it is retrying, and one report is stored', async () => {
    const title = `Throttlad ${++n}`;
    const page = await withFaults([{ kind: 'throttle', count: 2, retryAfter: 2, method: 'POST', pathEnd: ADD_REPORT }], title, async (p) => {
      await main(p).getByText(/SharePoint är belastat\. Försöker igen \(försök \d\)/).waitFor();
    });
    const [first, second] = server.faults.describe()[0].hitTimes;
    expect(server.faults.describe()[0].hits).toBe(2);
    // The second attempt came after the two seconds SharePoint asked for.
    expect(second - first).toBeGreaterThanOrEqual(1900);
    await page.context().close();
  });

  it('503 Service Unavailable twice', async () => {
    const title = `Otillgänglig ${++n}`;
    const page = await withFaults([{ kind: 'unavailable', count: 2, method: 'POST', pathEnd: ADD_REPORT }], title);
    const [first, second] = server.faults.describe()[0].hitTimes;
    expect(server.faults.describe()[0].hits).toBe(2);
    // Without Retry-After, PnPjs backs off before trying again.
    expect(second - first).toBeGreaterThanOrEqual(150);
    await page.context().close();
  });

  it('a slow SharePoint: the user is told it is saving until it is', async () => {
    const title = `Långsam ${++n}`;
    const page = await withFaults([{ kind: 'latency', ms: 2500, method: 'POST', pathEnd: ADD_REPORT }], title, async (p) => {
      await main(p).getByText('Sparar rapporten i SharePoint…').waitFor();
      expect(await main(p).getByRole('button', { name: 'Skickar…' }).isDisabled()).toBe(true);
    });
    await page.context().close();
  });

  it('a connection dropped before SharePoint got the report: PnPjs sends it again at once', async () => {
    const title = `Avbruten ${++n}`;
    const page = await withFaults([{ kind: 'drop', count: 1, method: 'POST', pathEnd: ADD_REPORT }], title);
    expect(server.faults.describe()[0].hits).toBe(1);
    await page.context().close();
  });

  it('connections dropped again and again: the form counts down, tries again by itself, and the user can hurry it', async () => {
    const title = `Avbruten igen ${++n}`;
    // PnPjs (and Chromium, on a reused connection) send again at once; when that fails too, the
    // form waits and tries again.
    const page = await withFaults([{ kind: 'drop', method: 'POST', pathEnd: ADD_REPORT }], title, async (p) => {
      await main(p).getByText(/SharePoint gick inte att nå\. Ditt utkast finns kvar\. Nytt försök om \d+ sekunder\./).waitFor();
      expect(stored(title)).toHaveLength(0);
      server.faults.clear();
      await main(p).getByRole('button', { name: 'Försök nu' }).click();
    });
    await page.context().close();
  });

  it('a connection dropped after the report was stored: a resent POST is stored too, and the reporter still gets one report', async () => {
    // Chromium resends a request whose reused keep-alive connection closed before any answer
    // (RFC 9110 §9.2.2: "automatically retrying a POST request if the underlying transport
    // connection closed before any part of a response is received"); both POSTs carry the same
    // PnPjs request id, so the resend is the browser's, not the product's. No product can prevent
    // that, and ReportId cannot be unique under item-level security, so what the product promises
    // is: one report in Händelser (the lowest ID), any other copy in the recycle bin.
    const title = `Tappat svar ${++n}`;
    const page = await fillReport(title);
    const since = server.requests.length === 0 ? 0 : server.requests[server.requests.length - 1].seq;
    server.faults.set([{ kind: 'dropAfterCommit', count: 1, method: 'POST', pathEnd: ADD_REPORT }]);
    await send(page);
    await receipt(page);
    expect(server.faults.describe()[0].hits).toBe(1);
    const adds = server.requests.filter((r) => r.seq > since && r.method === 'POST' && ADD_REPORT_PATTERN.test(r.path.split('?')[0]));
    const kept = stored(title);
    const recycled = server.store.recycleBin.filter((r) => r.item.fields.Title === title);
    expect(kept).toHaveLength(1);
    // Every copy that reached SharePoint is accounted for: the one kept, the rest recycled.
    expect(recycled).toHaveLength(adds.length - 1);
    expectEvery(recycled, (r) => r.item.id > kept[0].id && r.item.fields.ReportId === kept[0].fields.ReportId);
    expect(unexpectedErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('an outage longer than the user wants to wait: cancel keeps the draft, and it is sent once later', async () => {
    const title = `Avbrott ${++n}`;
    const page = await fillReport(title);
    server.faults.set([{ kind: 'unavailable', method: 'POST', pathEnd: ADD_REPORT }]);
    await send(page);
    await main(page).getByRole('button', { name: 'Avbryt' }).click();
    await main(page).getByRole('alert').filter({ hasText: 'Ditt utkast finns kvar' }).waitFor();
    expect(stored(title)).toHaveLength(0);
    // The user closes the tab and comes back when SharePoint answers again.
    const context = page.context();
    await page.close();
    server.faults.clear();
    const again = await open(context, server, '/#/rapportera');
    await main(again).getByText(/Ditt utkast från .* har återställts/).waitFor();
    expect(await main(again).getByLabel('Rubrik').inputValue()).toBe(title);
    await send(again);
    await receipt(again);
    expect(stored(title)).toHaveLength(1);
    await context.close();
  });

  it('a double submit in the same instant: one report', async () => {
    const title = `Dubbelklick ${++n}`;
    const page = await fillReport(title);
    server.faults.set([{ kind: 'latency', ms: 800, method: 'POST', pathEnd: ADD_REPORT }]);
    await page.evaluate(() => {
      const form = document.querySelector('main form') as HTMLFormElement;
      form.requestSubmit();
      form.requestSubmit();
    });
    await main(page).getByRole('button', { name: 'Skickar…' }).waitFor();
    await page.keyboard.press('Enter');
    await receipt(page);
    expect(stored(title)).toHaveLength(1);
    expect(server.faults.describe()[0].hits).toBe(1);
    await page.context().close();
  });

  it('an attachment that fails after the report was saved: the user is told and retries the attachment alone', async () => {
    const title = `Bilaga ${++n}`;
    const page = await fillReport(title);
    const dir = mkdtempSync(join(tmpdir(), 'sakerhet-'));
    const photo = join(dir, 'fack.png');
    writeFileSync(photo, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    await main(page).getByLabel('Bilagor (frivilligt)').setInputFiles(photo);
    server.faults.set([{ kind: 'unavailable', method: 'POST', path: 'AttachmentFiles' }]);
    await send(page);
    await receipt(page);
    await main(page).getByText('Bilagan fack.png kunde inte laddas upp. Rapporten är sparad; försök igen med bilagan.').waitFor();
    expect(stored(title)).toHaveLength(1);
    expect(stored(title)[0].attachments).toHaveLength(0);
    server.faults.clear();
    await main(page).getByRole('button', { name: 'Försök igen med fack.png' }).click();
    await main(page).getByText('1 bilaga sparades.').waitFor();
    expect(stored(title)).toHaveLength(1);
    expect(stored(title)[0].attachments.map((a) => a.name)).toEqual(['fack.png']);
    await page.context().close();
  });
});
