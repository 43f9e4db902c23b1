/**
 * No view hangs: every view that reads SharePoint ends in its content or in an error with a way to
 * try again – when SharePoint refuses the view's $batch three times in a row (429 with Retry-After,
 * 503; PnPjs gives up after three attempts) or cannot be reached at all – and gets over the error
 * by itself when SharePoint answers again: after a pause while the page is visible (the browser's
 * clock is Playwright's, moved on by the test), and at once when the browser comes back online.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import type { FaultRule } from '../../dev/emulator/faults';
import { RECOVERY_DELAYS } from '../../src/hooks/useAsync';
import { contextFor, launch, main, open, pageErrors, pauseClockNow, startServer, User } from './browser';
import { pinClock } from '../helpers/clock';

jest.setTimeout(120000);

/** The sample content and the browser's clock are pinned to this moment (a Monday in June, Stockholm). */
const NOW = new Date('2026-06-15T10:00:00+02:00');
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
afterEach(() => server.faults.clear());

interface IView {
  name: string;
  path: string;
  user: User;
  /** Text that is on screen only once the view's data has arrived. */
  ready: string;
}

const VIEWS: IView[] = [
  { name: 'start page', path: '/#/', user: 'anna', ready: 'Brandsäkerhet' },
  { name: 'area page', path: '/#/omrade/patientsakerhet', user: 'erik', ready: 'Senaste rapporterna i området' },
  { name: 'Mina rapporter', path: '/#/mina-rapporter', user: 'anna', ready: 'Patient föll vid toalettbesök' },
  { name: 'governing documents', path: '/#/dokument', user: 'anna', ready: 'Filtrera dokumenten' },
  { name: 'report form', path: '/#/rapportera/arbetsmiljo', user: 'anna', ready: 'Vad vill du rapportera?' },
  { name: 'a report (case page)', path: '/#/rapport/30', user: 'maria', ready: 'Lägg till åtgärd' },
  { name: 'lägesbild', path: '/#/lagesbild/2026', user: 'maria', ready: 'Per säkerhetsområde' },
  { name: 'säkerhetsberättelse', path: '/#/sakerhetsberattelse/2025', user: 'maria', ready: 'Sammanfattning' }
];

const BATCH = { method: 'POST', path: 'batch' };

/** Failed requests the browser itself logs are expected here; anything else is not. */
function unexpectedErrors(page: Page): string[] {
  return pageErrors(page).filter((e) => !/Failed to load resource|net::ERR_/.test(e));
}

async function openWithClock(view: IView): Promise<{ context: BrowserContext; page: Page }> {
  // Time runs on from NOW (this file's clock, which contextFor gives the browser); the test moves it
  // on to the view's next attempt.
  const context = await contextFor(browser, server, view.user);
  const page = await open(context, server, view.path);
  return { context, page };
}

/**
 * Moves the paused page clock on in steps of 100 ms (PnPjs schedules each request with a timer)
 * until `text` is shown; fails if it is not within `budget` ms of the page's time.
 */
async function stepUntilShown(page: Page, text: string, budget: number): Promise<void> {
  const target = main(page).getByText(text).first();
  for (let spent = 0; spent <= budget; spent += 100) {
    if (await target.isVisible()) {
      return;
    }
    await page.clock.runFor(100);
    await page.waitForTimeout(50);
  }
  throw new Error(`"${text}" was not shown within ${budget} ms of the page's time`);
}

/** The error, with a way to try again and the promise that the page tries by itself. */
async function shownError(page: Page, text: RegExp): Promise<void> {
  const alert = main(page).getByRole('alert').filter({ hasText: text });
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/Sidan försöker igen av sig själv/);
  await main(page).getByRole('button', { name: 'Försök igen' }).waitFor();
}

describe.each([
  ['three 503s', [{ kind: 'unavailable', count: 3, ...BATCH }] as FaultRule[], /hårt belastat/],
  ['three 429s with Retry-After', [{ kind: 'throttle', count: 3, retryAfter: 1, ...BATCH }] as FaultRule[], /hårt belastat/]
])('%s on the view\'s $batch', (_kind, rules, message) => {
  it.each(VIEWS.map((v) => [v.name, v] as const))('%s: an error with "Försök igen", then the content by itself once SharePoint answers', async (_name, view) => {
    server.faults.set(rules);
    const { context, page } = await openWithClock(view);
    await shownError(page, message);
    expect(server.faults.describe()[0].hits).toBe(3);
    // SharePoint answers again (the rule is used up). Nobody presses anything: the first pause passes.
    await page.clock.fastForward(RECOVERY_DELAYS[0] * 1000);
    await main(page).getByText(view.ready).first().waitFor();
    expect(await main(page).getByRole('button', { name: 'Försök igen' }).count()).toBe(0);
    expect(unexpectedErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('an outage: SharePoint cannot be reached', () => {
  it.each(VIEWS.map((v) => [v.name, v] as const))('%s: an error, and the content as soon as the browser is back online', async (_name, view) => {
    // Every connection to SharePoint fails until the outage ends.
    server.faults.set([{ kind: 'drop', path: '_api/' }]);
    const { context, page } = await openWithClock(view);
    await shownError(page, /gick inte att nå/);
    // The network goes and comes back; SharePoint answers again meanwhile. The 'online' event is
    // the cue: no pause, no button. The page's time stands still and is moved on in small steps
    // that stay short of the first pause, so only the event can have brought the content.
    await pauseClockNow(page);
    await context.setOffline(true);
    server.faults.clear();
    await context.setOffline(false);
    await stepUntilShown(page, view.ready, RECOVERY_DELAYS[0] * 1000 - 500);
    expect(unexpectedErrors(page)).toEqual([]);
    await context.close();
  });

  it('"Försök igen" tries at once, and a page that stays unreachable keeps saying so', async () => {
    const view = VIEWS[0];
    server.faults.set([{ kind: 'drop', path: '_api/' }]);
    const { context, page } = await openWithClock(view);
    await shownError(page, /gick inte att nå/);
    await main(page).getByRole('button', { name: 'Försök igen' }).click();
    await shownError(page, /gick inte att nå/);
    server.faults.clear();
    await main(page).getByRole('button', { name: 'Försök igen' }).click();
    await main(page).getByText(view.ready).first().waitFor();
    await context.close();
  });
});
