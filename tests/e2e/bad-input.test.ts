/**
 * Bad input in the browser gets a clear message in the user's language and changes nothing:
 * over-long and empty fields, times in the future or the absurd past, invisible characters,
 * disallowed and oversized attachments. Text people really write – Swedish letters, emoji (also
 * joined ones), right-to-left scripts – is stored exactly and shown back as written.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { contextFor, launch, main, open, pageErrors, startServer, writesDuring } from './browser';

jest.setTimeout(60000);

let browser: Browser;
let server: DevServer;
const dir = mkdtempSync(join(tmpdir(), 'sakerhet-bad-'));

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function reportCount(): number {
  return server.store.list('incidents').items.size;
}

interface ILabels {
  type: string;
  title: string;
  location: string;
  description: string;
  severity: string;
  date: string;
  attachments: string;
  submit: string;
  summary: string;
}

const SV: ILabels = { type: 'Avvikelse', title: 'Rubrik', location: 'Plats', description: 'Vad hände?', severity: 'Måttlig', date: 'Datum', attachments: 'Bilagor (frivilligt)', submit: 'Skicka rapporten', summary: 'Rapporten kunde inte skickas. Rätta följande:' };
const EN: ILabels = { type: 'Deviation', title: 'Title', location: 'Location', description: 'What happened?', severity: 'Moderate', date: 'Date', attachments: 'Attachments (optional)', submit: 'Send the report', summary: 'The report could not be sent. Please correct the following:' };

async function form(query = '', labels: ILabels = SV): Promise<Page> {
  const context = await contextFor(browser, server, 'johan');
  const page = await open(context, server, `/${query}#/rapportera/vardhygien`);
  const m = main(page);
  await m.getByLabel(labels.type, { exact: true }).check();
  await m.getByLabel(labels.title).fill('Handsprit saknas');
  await m.getByLabel(labels.location).fill('Mottagning 2');
  await m.getByLabel(labels.description).fill('Flaskorna var tomma hela förmiddagen.');
  await m.getByLabel(labels.severity).check();
  return page;
}

/** Sends and returns the error summary's text; nothing may have been stored. */
async function refused(page: Page, labels: ILabels = SV): Promise<string> {
  const before = reportCount();
  // The summary is a named group that takes focus once per submit (not a live region).
  const summary = main(page).getByRole('group', { name: labels.summary });
  const writes = await writesDuring(page, server, async () => {
    await main(page).getByRole('button', { name: labels.submit }).click();
    await summary.waitFor();
  });
  expect(writes).toEqual([]);
  expect(reportCount()).toBe(before);
  return summary.innerText();
}

describe('bad input is refused with a clear message and nothing is stored', () => {
  it('over-long, empty and invisible-character text', async () => {
    const page = await form();
    const m = main(page);
    await m.getByLabel('Rubrik').fill('R'.repeat(121));
    await m.getByLabel('Plats').fill('   ');
    await m.getByLabel('Vad hände?').fill('Doseringen\u202e tfel\u200b var fel.');
    const text = await refused(page);
    expect(text).toContain('Rubrik får vara högst 120 tecken.');
    expect(text).toContain('Plats måste fyllas i.');
    expect(text).toContain('Vad hände? innehåller osynliga styrtecken. Ta bort dem och försök igen.');
    // What the user typed is still there to fix.
    expect(await m.getByLabel('Rubrik').inputValue()).toBe('R'.repeat(121));
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('a time in the future and one in the absurd past', async () => {
    const page = await form();
    const m = main(page);
    await m.getByLabel('Datum').fill(`${new Date().getFullYear() + 1}-01-01`);
    expect(await refused(page)).toContain('Tidpunkten kan inte ligga i framtiden.');
    await m.getByLabel('Datum').fill('1901-01-01');
    expect(await refused(page)).toContain('Tidpunkten ligger mer än fem år bakåt. Kontrollera året.');
    await page.context().close();
  });

  it('a program and a photo over 10 MB as attachments', async () => {
    const exe = join(dir, 'verktyg.exe');
    writeFileSync(exe, Buffer.from('4d5a900003', 'hex'));
    const big = join(dir, 'stor.jpg');
    writeFileSync(big, Buffer.alloc(11 * 1024 * 1024, 0xff));
    const page = await form();
    await main(page).getByLabel('Bilagor (frivilligt)').setInputFiles(exe);
    expect(await refused(page)).toContain('verktyg.exe kan inte bifogas. Bifoga foton (JPG, PNG, HEIC, WEBP) eller PDF.');
    await main(page).getByRole('button', { name: 'Ta bort verktyg.exe' }).click();
    await main(page).getByLabel('Bilagor (frivilligt)').setInputFiles(big);
    expect(await refused(page)).toContain('stor.jpg är för stor. Högsta storlek är 10 MB.');
    await page.context().close();
  });

  it('in English, the messages are English', async () => {
    const page = await form('?lang=en-us', EN);
    await main(page).getByLabel('Title').fill('T'.repeat(121));
    await main(page).getByLabel('Date').fill(`${new Date().getFullYear() + 1}-01-01`);
    const text = await refused(page, EN);
    expect(text).toContain('Title can be at most 120 characters.');
    expect(text).toContain('The time cannot be in the future.');
    await page.context().close();
  });
});

describe('real-world text is kept exactly', () => {
  it('stores Swedish letters, joined emoji and right-to-left scripts, composed, and shows them back', async () => {
    const page = await form();
    const m = main(page);
    // Å typed as A + combining ring; a nurse emoji (zero-width joiner); Arabic; Persian with its non-joiner.
    const typed = 'A\u030asa i Örebro 👩\u200d⚕️ خطأ في الجرعة';
    const composed = '\u00c5sa i Örebro 👩\u200d⚕️ خطأ في الجرعة';
    await m.getByLabel('Rubrik').fill(typed);
    await m.getByLabel('Plats').fill('بخش می\u200cخواهم');
    // The same watch as refused() uses sees this report go out and arrive, so its silence there means something.
    const writes = await writesDuring(page, server, async () => {
      await m.getByRole('button', { name: 'Skicka rapporten' }).click();
      await m.getByRole('heading', { name: 'Tack! Din rapport är registrerad' }).waitFor();
    });
    expect(writes).toEqual(expect.arrayContaining([expect.stringMatching(/^sent POST .*\/items$|^sent POST .*\$batch$/), expect.stringMatching(/^arrived POST /)]));
    const stored = [...server.store.list('incidents').items.values()].find((i) => i.fields.Title === composed)!;
    expect(stored.fields.Location).toBe('بخش می\u200cخواهم');
    await m.getByRole('button', { name: 'Gå till Mina rapporter' }).click();
    await m.getByRole('link', { name: composed }).click();
    await m.getByRole('heading', { name: composed }).waitFor();
    await m.getByText('بخش می\u200cخواهم', { exact: true }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
