/**
 * Browser test helpers: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * the dev host on a fresh in-memory emulator, sign-in as a dev user, and axe-core.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { DevServer, DevServerOptions, startDevServer } from '../../dev/server';

// Playwright runs in Node's own realm (tests/helpers/node-environment.js), not under this file's
// pinned clock: its clock support computes with Date and must read the real one.
const { chromium } = (globalThis as { __outerPlaywright?: typeof import('playwright-core') }).__outerPlaywright!;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @param extraArgs further Chromium switches, e.g. `--host-resolver-rules=…` to point a name at 127.0.0.1. */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...extraArgs]
  });
}

/** The dev host on a fresh in-memory emulator; `now` pins the moment the sample content is relative to. */
export async function startServer(options: Pick<DevServerOptions, 'now' | 'site'> = {}): Promise<DevServer> {
  return startDevServer({ quiet: true, ...options });
}

export type User = 'anna' | 'johan' | 'erik' | 'maria' | 'nils';

/**
 * A browser context signed in as a user; page errors fail the test. Its clock starts at the test's
 * clock (tests/helpers/clock.ts, the same as the emulator's) and runs on from there, so the page's
 * "today" and "this year" are the test's on any day the machine says.
 */
export async function contextFor(browser: Browser, server: DevServer, user: User, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  await context.clock.install({ time: Date.now() });
  await context.addCookies([{ name: 'sakerhet-user', value: user, url: server.url }]);
  return context;
}

export async function open(context: BrowserContext, server: DevServer, path: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') {
      errors.push(m.text());
    }
  });
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${server.url}${path}`);
  return page;
}

/**
 * Pauses the page's clock (Playwright's page.clock) at about its present moment. The page's time
 * runs on while the test asks what time it is, so the pause is set a little ahead – further ahead
 * on a machine too loaded to get there first ("Cannot fast-forward to the past").
 */
export async function pauseClockNow(page: Page): Promise<void> {
  for (let ahead = 100; ; ahead *= 2) {
    try {
      await page.clock.pauseAt(await page.evaluate((ms) => Date.now() + ms, ahead));
      return;
    } catch (e) {
      if (ahead >= 1600 || !/to the past/.test(String(e))) {
        throw e;
      }
    }
  }
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/** The page's main region: the app, without the dev host's own bar above it. */
export function main(page: Page): Locator {
  return page.getByRole('main');
}

/** axe-core with the WCAG 2.1 A and AA rules; returns the violations in a readable form. */
export async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const WRITE_PART = /^(POST|PUT|PATCH|MERGE|DELETE) \S+/gm;

/** Is this a request that could change the site (a $batch only if it holds a write; contextinfo only hands out a digest)? */
function isWrite(method: string, path: string, body: string | undefined): boolean {
  if (method === 'GET' || /\/_api\/contextinfo$/i.test(path)) return false;
  return !/\/_api\/\$batch$/i.test(path) || (body ?? '').match(WRITE_PART) !== null;
}

/**
 * The writes that `action` causes, seen from both ends: the requests the page starts (recorded
 * when the browser issues them, so no wait is needed for one "still on its way") and the ones the
 * server's request log recorded meanwhile. Empty means nothing was sent and nothing arrived.
 */
export async function writesDuring(page: Page, server: DevServer, action: () => Promise<void>): Promise<string[]> {
  const sent: string[] = [];
  const listen = (r: Request): void => {
    const path = new URL(r.url()).pathname;
    if (isWrite(r.method(), path, r.postData() ?? undefined)) sent.push(`sent ${r.method()} ${path}`);
  };
  const since = server.requests.length === 0 ? 0 : server.requests[server.requests.length - 1].seq;
  page.on('request', listen);
  try {
    await action();
  } finally {
    page.off('request', listen);
  }
  const arrived = server.requests
    .filter((r) => r.seq > since && isWrite(r.method, r.path.split('?')[0], (r.parts ?? []).join('\n')))
    .map((r) => `arrived ${r.method} ${r.path}`);
  return [...sent, ...arrived];
}
