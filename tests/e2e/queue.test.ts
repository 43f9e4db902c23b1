/**
 * "Att hantera" in Chromium: who gets it, the filter in the address (Back returns to it), paging
 * without a request, the keyboard, the lägesbild's figures opening it with the same count, the
 * Excel file downloaded, opened and checked against the list, a phone's width, English, and axe
 * in the light, dark and high-contrast themes.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { generateIncidents } from '../../dev/emulator/generate';
import { openXlsx } from '../helpers/xlsx';
import { axe, contextFor, launch, main, open, pageErrors, startServer, User } from './browser';
import { pinClock } from '../helpers/clock';

jest.setTimeout(120000);

/** 10:30 in Stockholm on an ordinary autumn Wednesday; the sample content is relative to it. */
const NOW = new Date('2025-10-08T08:30:00.000Z');
// The product's, the emulator's and (through contextFor) the browser's clock start at NOW.
pinClock(NOW);
const YEAR = 2025;

let browser: Browser;
let server: DevServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer({ now: NOW })]);
  // Enough reports for several pages.
  generateIncidents(server.store, { count: 1500, now: NOW, seed: 7, days: 120 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pinned(user: User, viewport?: { width: number; height: number }): Promise<BrowserContext> {
  // contextFor gives the browser this file's pinned clock (tests/helpers/clock.ts).
  return contextFor(browser, server, user, viewport);
}

function stored(): { id: number; fields: Record<string, unknown> }[] {
  return [...server.store.list('incidents').items.values()];
}
const areaId = (key: string): number => [...server.store.list('areas').items.values()].find((a) => a.fields.AreaKey === key)!.id;
const open_ = (i: { fields: Record<string, unknown> }): boolean => i.fields.Status !== 'Avslutad';

/** The live region's "Visar 1–50 av 123 rapporter." as numbers. */
async function shown(page: Page): Promise<{ from: number; to: number; total: number }> {
  const text = await main(page).getByText(/^Visar \d+–\d+ av \d+ rapporter\.$/).innerText();
  const [from, to, total] = /Visar (\d+)–(\d+) av (\d+)/.exec(text)!.slice(1).map(Number);
  return { from, to, total };
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => `${document.activeElement?.tagName}${document.activeElement?.id ? `#${document.activeElement.id}` : ''}:${document.activeElement?.textContent?.trim().slice(0, 40)}`);
}

describe('who gets the queue', () => {
  it('is in the navigation for the people who handle reports, and not for staff', async () => {
    for (const [user, has] of [['erik', true], ['maria', true], ['anna', false]] as const) {
      const page = await open(await pinned(user), server, '/#/');
      await main(page).getByText(/områden visas/).waitFor();
      const nav = page.getByRole('navigation', { name: 'Säkerhet' });
      expect({ user, has: (await nav.getByRole('link', { name: 'Att hantera' }).count()) === 1 }).toEqual({ user, has });
      await page.context().close();
    }
  });
});

describe('the queue of the owner of patientsäkerhet', () => {
  it('lists exactly the area\'s open reports, pages without asking SharePoint again, and keeps the filter in the address for Back', async () => {
    const page = await open(await pinned('erik'), server, '/?host=teams#/att-hantera');
    await main(page).getByRole('heading', { name: 'Att hantera', level: 1 }).waitFor();
    await main(page).getByText(/^Visar /).waitFor();
    expect(await page.title()).toBe('Att hantera – Säkerhet');
    const expected = stored().filter((i) => i.fields.AreaId === areaId('patientsakerhet') && open_(i));
    expect(await shown(page)).toEqual({ from: 1, to: Math.min(50, expected.length), total: expected.length });
    const table = main(page).getByRole('table');
    const areas = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(new Set(areas)).toEqual(new Set(['Patientsäkerhet']));

    // The next page: no request to SharePoint; focus on the results, not the page's body.
    const before = server.requests.length;
    await main(page).getByRole('link', { name: 'Nästa sida' }).click();
    await main(page).getByText(/^Visar 51–/).waitFor();
    expect(server.requests.length).toBe(before);
    expect(page.url()).toContain('#/att-hantera?page=2');
    expect(await focused(page)).toBe('H2#sakerhet-queue-results:Rapporter');

    // A filter chosen with the keyboard alone, applied with "Visa" (Enter on a native select does
    // not submit a form in Chromium, so the user goes to the button). Focus stays on the button.
    await main(page).getByLabel('Status').focus();
    await page.keyboard.press('End'); // the last option: "Alla"
    expect(await main(page).getByLabel('Status').inputValue()).toBe('all');
    await main(page).getByRole('button', { name: 'Visa', exact: true }).focus();
    await page.keyboard.press('Enter');
    await main(page).getByText(`av ${stored().filter((i) => i.fields.AreaId === areaId('patientsakerhet')).length} rapporter`).waitFor();
    expect(page.url()).toContain('#/att-hantera?status=all');
    expect(await focused(page)).toBe('BUTTON:Visa');

    // Back: the previous filter and page again.
    await page.goBack();
    await main(page).getByText(/^Visar 51–/).waitFor();
    expect(await main(page).getByLabel('Status').inputValue()).toBe('open');
    await page.goBack();
    await main(page).getByText(/^Visar 1–/).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('offers only the owner\'s own areas, and refuses another area named in the address', async () => {
    const page = await open(await pinned('erik'), server, '/#/att-hantera?area=arbetsmiljo&status=all');
    await main(page).getByText('Området i adressen hör inte till dem du hanterar. Välj ett av dina områden.').waitFor();
    const ownArea = [...server.store.list('areas').items.values()].filter((a) => a.fields.AreaKey === 'patientsakerhet').map((a) => a.fields.Title);
    expect(await main(page).getByLabel('Säkerhetsområde').locator('option').allInnerTexts()).toEqual(['Alla dina områden', ...ownArea]);
    // Nothing of arbetsmiljö reaches the page.
    expect(await main(page).getByRole('table').locator('tbody tr td:nth-child(3)').allInnerTexts()).not.toContain('Arbetsmiljö');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();

    // The security chief handles every area: all 14 offered, and every open report counted.
    const chief = await open(await pinned('maria'), server, '/#/att-hantera');
    await main(chief).getByText(/^Visar /).waitFor();
    expect(await main(chief).getByLabel('Säkerhetsområde').locator('option').count()).toBe(1 + 14);
    expect((await shown(chief)).total).toBe(stored().filter(open_).length);
    await chief.context().close();
  });

  it('opens from the lägesbild\'s "Öppna rapporter" with exactly that many reports', async () => {
    const page = await open(await pinned('erik'), server, `/#/lagesbild/${YEAR}/patientsakerhet`);
    await main(page).getByRole('heading', { name: 'Öppna händelser med myndighetsfrister' }).waitFor();
    const figure = main(page).getByRole('listitem').filter({ has: page.getByText('Öppna rapporter', { exact: true }) }).getByRole('link');
    const count = Number(await figure.innerText());
    expect(count).toBeGreaterThan(0);
    await figure.click();
    await main(page).getByText(/^Visar |^Inga rapporter/).waitFor();
    expect((await shown(page)).total).toBe(count);
    expect(page.url()).toContain(`from=${YEAR}-01-01`);
    await page.context().close();
  });
});

describe('the export', () => {
  it('downloads an .xlsx that holds the list, every page, and never an anonymous report\'s reporter', async () => {
    const page = await open(await pinned('maria'), server, '/#/att-hantera?area=arbetsmiljo&status=all&sort=occurred');
    await main(page).getByText(/^Visar /).waitFor();
    const { total } = await shown(page);
    const firstPage = (await main(page).getByRole('table').locator('tbody tr td:first-child').allInnerTexts()).map(Number);
    const [download] = await Promise.all([page.waitForEvent('download'), main(page).getByRole('button', { name: 'Exportera till Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('Att-hantera-2025-10-08.xlsx');
    await main(page).getByText(`Excelfilen med ${total} rapporter har laddats ner.`).waitFor();
    const { createReadStream } = await import('fs');
    const chunks: Buffer[] = [];
    for await (const chunk of createReadStream((await download.path())!)) {
      chunks.push(chunk as Buffer);
    }
    const sheet = await openXlsx(Buffer.concat(chunks));
    const [header, ...rows] = sheet.rows;
    expect(rows).toHaveLength(total);
    expect(rows.slice(0, firstPage.length).map((r) => r[0])).toEqual(firstPage);
    const reporterColumn = header.indexOf('Rapporterad av');
    const threat = stored().find((i) => i.fields.Title === 'Hot från anhörig i väntrummet')!;
    const threatRow = rows.find((r) => r[0] === threat.id)!;
    expect(threatRow[reporterColumn]).toBe('Anonym');
    // Every anonymous report of the list says "Anonym", every other one its reporter.
    const anonymous = new Set(stored().filter((i) => i.fields.Anonymous === true).map((i) => i.id));
    for (const r of rows) {
      expect({ id: r[0], anonymous: r[reporterColumn] === 'Anonym' }).toEqual({ id: r[0], anonymous: anonymous.has(r[0] as number) });
    }
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('on a phone and in English', () => {
  it('becomes a list at 320 px with nothing wider than the screen', async () => {
    const page = await open(await pinned('erik', { width: 320, height: 700 }), server, '/?host=teams#/att-hantera');
    await main(page).getByText(/^Visar /).waitFor();
    expect(await main(page).getByRole('table').isVisible()).toBe(false);
    const cards = main(page).getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) });
    expect(await cards.getByRole('listitem').count()).toBe(50);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.context().close();
  });

  it('speaks English', async () => {
    const page = await open(await pinned('erik'), server, '/?host=teams&lang=en-us#/att-hantera');
    await main(page).getByRole('heading', { name: 'To handle', level: 1 }).waitFor();
    await main(page).getByText(/^Showing 1–50 of \d+ reports\.$/).waitFor();
    expect(await page.title()).toBe('To handle – Säkerhet – Security');
    await page.context().close();
  });
});

describe.each([
  { name: 'SharePoint (light)', query: '' },
  { name: 'Teams dark', query: '?host=teams&theme=dark' },
  { name: 'Teams high contrast', query: '?host=teams&theme=contrast' }
])('axe-core in $name', ({ query }) => {
  it('finds no WCAG 2.1 A/AA violations on the queue, wide and narrow', async () => {
    for (const width of [1280, 320]) {
      const page = await open(await pinned('erik', { width, height: 900 }), server, `/${query}#/att-hantera?status=all`);
      await main(page).getByText(/^Visar /).waitFor();
      expect({ width, violations: await axe(page) }).toEqual({ width, violations: [] });
      await page.context().close();
    }
  });
});
