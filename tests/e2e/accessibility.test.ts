/**
 * WCAG 2.1 AA, as far as a machine can check it: axe-core finds no violations on any view, in the
 * light, dark and high-contrast themes; the views work with the keyboard alone and reflow at 320 px.
 */
import type { Browser, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { axe, contextFor, launch, main, open, pageErrors, startServer, User } from './browser';

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

interface IView {
  name: string;
  path: string;
  user: User;
  /** Text that shows the view has loaded. */
  ready: string;
}

const VIEWS: IView[] = [
  { name: 'start page', path: '#/', user: 'anna', ready: 'Säkerhetsområden' },
  { name: 'area page (owner)', path: '#/omrade/patientsakerhet', user: 'erik', ready: 'Senaste rapporterna i området' },
  { name: 'area page (staff)', path: '#/omrade/kriminalitet', user: 'johan', ready: 'Dina rapporter i området' },
  { name: 'governing documents', path: '#/dokument', user: 'anna', ready: 'Filtrera dokumenten' },
  { name: 'report form', path: '#/rapportera/arbetsmiljo', user: 'anna', ready: 'Vad vill du rapportera?' },
  { name: 'my reports', path: '#/mina-rapporter', user: 'anna', ready: 'Rapporter du har skickat' },
  { name: 'a report with case handling', path: '#/rapport/30', user: 'maria', ready: 'Lägg till åtgärd' },
  { name: 'lägesbild (region)', path: '#/lagesbild', user: 'maria', ready: 'Per säkerhetsområde' },
  { name: 'lägesbild (area)', path: `#/lagesbild/${new Date().getFullYear()}/patientsakerhet`, user: 'erik', ready: 'Öppna händelser med myndighetsfrister' },
  { name: 'säkerhetsberättelse', path: `#/sakerhetsberattelse/${new Date().getFullYear()}`, user: 'maria', ready: 'Sammanfattning' }
];

const THEMES = [
  { name: 'SharePoint (light)', query: '' },
  { name: 'Teams dark', query: '?host=teams&theme=dark' },
  { name: 'Teams high contrast', query: '?host=teams&theme=contrast' }
];

async function load(view: IView, query: string, width = 1280): Promise<Page> {
  const context = await contextFor(browser, server, view.user, { width, height: 900 });
  const page = await open(context, server, `/${query}${view.path}`);
  await main(page).getByText(view.ready).first().waitFor();
  return page;
}

describe.each(THEMES)('axe-core in $name', ({ query }) => {
  it.each(VIEWS)('finds no WCAG 2.1 A/AA violations on the $name', async (view) => {
    const page = await load(view, query);
    expect(await axe(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('forms and states under axe', () => {
  it('finds no violations on the report form showing its errors, and on the receipt', async () => {
    const page = await load(VIEWS[4], '?host=teams&theme=contrast');
    await main(page).getByRole('button', { name: 'Skicka rapporten' }).click();
    await main(page).getByText('Rapporten kunde inte skickas').waitFor();
    expect(await axe(page)).toEqual([]);
    const m = main(page);
    await m.getByLabel('Risk', { exact: true }).check();
    await m.getByLabel('Rubrik').fill('Lös kabel i korridoren');
    await m.getByLabel('Plats').fill('Korridor C');
    await m.getByLabel('Vad hände?').fill('En förlängningssladd ligger över gången.');
    await m.getByLabel('Låg', { exact: true }).check();
    await m.getByRole('button', { name: 'Skicka rapporten' }).click();
    await m.getByRole('heading', { name: 'Tack! Din rapport är registrerad' }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('finds no violations in case handling showing its errors, the people picker\'s suggestions and its "no person found"', async () => {
    const context = await contextFor(browser, server, 'maria');
    const page = await open(context, server, '/?host=teams&theme=contrast#/rapport/30');
    const m = main(page);
    await m.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    await m.getByText('Åtgärd måste fyllas i.').waitFor();
    await m.getByRole('combobox', { name: 'Ansvarig' }).fill('berg');
    await m.getByRole('listbox', { name: 'Ansvarig' }).getByRole('option').first().waitFor();
    expect(await axe(page)).toEqual([]);
    await m.getByRole('combobox', { name: 'Ansvarig' }).fill('zzxq');
    await m.getByText('Ingen person hittades.').waitFor();
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('finds no violations in the single-view web parts', async () => {
    for (const [path, ready] of [
      ['/?webpart=area&area=stralsakerhet', 'Strålsäkerhet'],
      ['/?webpart=documents&area=beredskap', 'Filtrera dokumenten'],
      ['/?webpart=report&area=kriminalitet', 'Händelsen är eller bör bli polisanmäld']
    ]) {
      const context = await contextFor(browser, server, 'johan');
      const page = await open(context, server, path);
      await main(page).getByText(ready).first().waitFor();
      expect(await axe(page)).toEqual([]);
      await context.close();
    }
  });
});

describe('keyboard only', () => {
  it('skips to the content, reaches an area with Tab and Enter, and lands on its title', async () => {
    const context = await contextFor(browser, server, 'anna');
    const page = await open(context, server, '/?host=teams');
    await main(page).getByText('Säkerhetsområden').first().waitFor();
    await page.getByRole('link', { name: 'Hoppa till innehållet' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    // Tab through to the first area's link and open it.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Arbetsmiljö') {
        break;
      }
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Arbetsmiljö');
    await page.keyboard.press('Enter');
    await main(page).getByRole('heading', { name: 'Arbetsmiljö', level: 1 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    // Every focusable element shows where focus is.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.borderBottomStyle !== 'none';
    });
    expect(outline).toBe(true);
    await context.close();
  });

  it('fills and sends the report form without a mouse', async () => {
    const context = await contextFor(browser, server, 'johan');
    const page = await open(context, server, '/?host=teams#/rapportera/vardhygien');
    const m = main(page);
    await m.getByText('Vad vill du rapportera?').waitFor();
    await m.getByRole('combobox', { name: 'Säkerhetsområde' }).focus();
    // Tab moves forward field by field; arrow keys choose within a group of radio buttons.
    const tabTo = async (id: string): Promise<void> => {
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.id)) === id) {
          return;
        }
      }
      throw new Error(`Tab never reached #${id}`);
    };
    await tabTo('sakerhet-report-type');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await m.getByLabel('Tillbud', { exact: true }).isChecked()).toBe(true);
    await tabTo('sakerhet-report-title');
    await page.keyboard.type('Handsprit slut på mottagningen');
    await tabTo('sakerhet-report-location');
    await page.keyboard.type('Mottagning 2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Alla flaskor var tomma vid passets början.');
    await tabTo('sakerhet-report-severity');
    await page.keyboard.press('Space');
    expect(await m.getByLabel('Låg', { exact: true }).isChecked()).toBe(true);
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Skicka rapporten'; i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await m.getByRole('heading', { name: 'Tack! Din rapport är registrerad' }).waitFor();
    await context.close();
  });
});

describe('keyboard only, for owners', () => {
  it('chooses an investigator with the arrow keys and opens a chart\'s table', async () => {
    const context = await contextFor(browser, server, 'maria');
    const page = await open(context, server, '/#/rapport/30');
    const m = main(page);
    const picker = m.getByRole('combobox', { name: 'Utredare' }).or(m.getByRole('button', { name: /^Ta bort/ }));
    await picker.first().waitFor();
    if (await m.getByRole('button', { name: /^Ta bort/ }).count()) {
      await m.getByRole('button', { name: /^Ta bort/ }).first().press('Enter');
    }
    const input = m.getByRole('combobox', { name: 'Utredare' });
    await input.focus();
    await page.keyboard.type('berg');
    const listbox = m.getByRole('listbox', { name: 'Utredare' });
    await listbox.getByRole('option').nth(1).waitFor();
    const options = await listbox.getByRole('option').allInnerTexts();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // The second suggestion was chosen; the field, still labelled Utredare, now names that person.
    await m.getByRole('textbox', { name: 'Utredare' }).waitFor();
    expect(await m.getByRole('textbox', { name: 'Utredare' }).inputValue()).toBe(options[1].replace(/ \(.*\)$/, ''));

    // The investigator chosen above is not saved: leaving asks first (issue 13); leave without saving.
    await page.goto(`${server.url}/#/lagesbild`);
    await page.getByRole('alertdialog', { name: 'Du har ändringar som inte är sparade' }).getByRole('button', { name: 'Lämna utan att spara' }).click();
    await m.getByText('Per säkerhetsområde').first().waitFor();
    const summary = m.getByRole('figure', { name: 'Rapporter per händelsetyp' }).getByText('Visa som tabell');
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await m.getByRole('figure', { name: 'Rapporter per händelsetyp' }).getByRole('table').isVisible()).toBe(true);
    await context.close();
  });
});

describe('reflow at 320 px (Teams mobile)', () => {
  it.each(VIEWS)('needs no horizontal scrolling on the $name', async (view) => {
    const page = await load(view, '?host=teams', 320);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.context().close();
  });
});
