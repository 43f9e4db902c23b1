/**
 * The same app in its hosts: the Teams tab follows Teams' theme while open and opens deep links;
 * English is one parameter away in any host; the single-view web parts show their one view.
 */
import type { Browser, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { contextFor, launch, main, open, pageErrors, startServer } from './browser';

jest.setTimeout(60000);

let browser: Browser;
let server: DevServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The background colour the app is drawn on. */
function appBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.querySelector('[data-theme]')!).backgroundColor);
}

describe('Teams tab', () => {
  it('follows Teams from default to dark to high contrast without reloading', async () => {
    const context = await contextFor(browser, server, 'anna');
    const page = await open(context, server, '/?host=teams&theme=default');
    await main(page).getByText('14 av 14 områden visas').waitFor();
    expect(await appBackground(page)).toBe('rgb(255, 255, 255)');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.getByLabel('Tema').selectOption('dark');
    await page.waitForFunction(() => document.querySelector('[data-theme]')?.getAttribute('data-theme') === 'dark');
    expect(await appBackground(page)).toBe('rgb(31, 31, 31)');
    await page.getByLabel('Tema').selectOption('contrast');
    await page.waitForFunction(() => document.querySelector('[data-theme]')?.getAttribute('data-theme') === 'contrast');
    expect(await appBackground(page)).toBe('rgb(0, 0, 0)');
    // Same page, no reload: the marker set before is still there.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('opens a deep link (subEntityId) at the area it names', async () => {
    const context = await contextFor(browser, server, 'anna');
    const page = await open(context, server, '/?host=teams&subEntityId=omrade/stralsakerhet');
    await main(page).getByRole('heading', { name: 'Strålsäkerhet', level: 1 }).waitFor();
    await context.close();
  });

  it('says a deep link names no place (as text, never markup), and offers the start page', async () => {
    const context = await contextFor(browser, server, 'anna');
    const page = await open(context, server, `/?host=teams&subEntityId=${encodeURIComponent("omrade/<img src=x onerror=alert(1)>")}`);
    await main(page).getByRole('heading', { name: 'Sidan finns inte' }).waitFor();
    await main(page).getByText('Sidan ”omrade/<img src=x onerror=alert(1)>” finns inte i Säkerhet.', { exact: false }).waitFor();
    expect(await main(page).locator('img').count()).toBe(0);
    await main(page).getByRole('link', { name: 'Tillbaka till översikten' }).click();
    await main(page).getByText('14 av 14 områden visas').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('uses the Teams user locale and is a main landmark of its own', async () => {
    const context = await contextFor(browser, server, 'erik');
    const page = await open(context, server, '/?host=teams&lang=en-us');
    await main(page).getByRole('heading', { name: 'Security areas' }).waitFor();
    await main(page).getByRole('link', { name: 'Report an event' }).waitFor();
    // The language variant Teams hands over, as a BCP 47 tag (dates and numbers follow it too).
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(await page.getByRole('main').count()).toBe(1);
    await context.close();
  });
});

describe('English in the SharePoint host', () => {
  it('shows every view in English, list content staying as written', async () => {
    const context = await contextFor(browser, server, 'anna');
    const page = await open(context, server, '/?lang=en-us#/omrade/patientsakerhet');
    const m = main(page);
    await m.getByRole('heading', { name: /Goals and indicators \d{4}/ }).waitFor();
    await m.getByText('Patientsäkerhetslagen (2010:659)').waitFor();
    await m.getByRole('link', { name: 'Report an event' }).click();
    await m.getByText('What do you want to report?').waitFor();
    await m.getByRole('button', { name: 'Send the report' }).click();
    await m.getByText('The report could not be sent. Please correct the following:').waitFor();
    await m.getByRole('link', { name: 'Governing documents' }).click();
    await m.getByText(/\d+ of \d+ documents shown/).waitFor();
    await m.getByRole('link', { name: 'My reports' }).click();
    await m.getByText('Reports you have sent and where they are in handling.').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('single-view web parts', () => {
  it('the area web part shows its area and opens the report form within itself', async () => {
    const context = await contextFor(browser, server, 'anna');
    const page = await open(context, server, '/?webpart=area&area=miljosakerhet');
    const m = main(page);
    await m.getByRole('heading', { name: 'Miljösäkerhet', level: 2 }).waitFor();
    expect(await m.getByRole('navigation', { name: 'Säkerhet' }).count()).toBe(0);
    await m.getByRole('link', { name: 'Rapportera händelse' }).click();
    await m.getByText('Vad vill du rapportera?').waitFor();
    expect(await m.getByRole('combobox', { name: 'Säkerhetsområde' }).inputValue()).toBe('miljosakerhet');
    // A web part keeps its place in itself, not in the page address.
    expect(new URL(page.url()).hash).toBe('');
    await m.getByRole('link', { name: 'Tillbaka' }).click();
    await m.getByRole('heading', { name: 'Miljösäkerhet', level: 2 }).waitFor();
    await context.close();
  });

  it('the report web part asks only the authority question its area has', async () => {
    const context = await contextFor(browser, server, 'anna');
    const page = await open(context, server, '/?webpart=report&area=arbetsmiljo');
    const m = main(page);
    await m.getByText('Allvarlig olycka eller allvarligt tillbud i arbetet (AML 3 kap. 3 a §)').waitFor();
    expect(await m.getByText(/lex Maria/).count()).toBe(0);
    expect(await m.getByText(/polisanmäld/).count()).toBe(0);
    await context.close();
  });

  it('the documents web part starts filtered to its area', async () => {
    const context = await contextFor(browser, server, 'anna');
    const page = await open(context, server, '/?webpart=documents&area=beredskap');
    const m = main(page);
    await m.getByText(/\d+ av 25 dokument visas/).waitFor();
    expect(await m.getByRole('combobox', { name: 'Säkerhetsområde' }).inputValue()).toBe('beredskap');
    const titles = await m.getByRole('article').locator('h3').allTextContents();
    expect(titles.some((t) => t.includes('Regional plan för krisberedskap'))).toBe(true);
    expect(titles.some((t) => t.includes('Strålsäkerhetsplan'))).toBe(false);
    await context.close();
  });

  it('a web part without its area says how to set it up', async () => {
    const context = await contextFor(browser, server, 'anna');
    const page = await open(context, server, '/?webpart=report&area=');
    await page.getByText('Webbdelen är inte inställd').waitFor();
    await context.close();
  });
});
