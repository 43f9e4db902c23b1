/**
 * Layout at a phone's, a tablet's and a desk's width (issue 14), in Chromium against the sample
 * site: in every view, at 320, 400, 768 and 1280 px, the page never scrolls sideways, no table
 * pushes a column out of sight (a table either fits or has become a list), and no two controls
 * overlap. Each view is checked as the role that uses it.
 */
import type { Browser, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { contextFor, launch, main, open, pageErrors, startServer, User } from './browser';
import { pinClock } from '../helpers/clock';

jest.setTimeout(240000);

/** Friday 20 November 2026, 13:00 in Stockholm; the sample content is relative to it. */
const NOW = new Date('2026-11-20T12:00:00Z');
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

const WIDTHS = [320, 400, 768, 1280];

interface ILayoutProblems {
  pageOverflow: number;
  clippedTables: string[];
  overlaps: string[];
}

/** What is wrong with the page's layout, as text a person can act on. */
async function layoutProblems(page: Page): Promise<ILayoutProblems> {
  return page.evaluate(() => {
    const visible = (e: Element): boolean => {
      const r = e.getBoundingClientRect();
      // checkVisibility: also false inside a closed <details> (content-visibility: hidden), whose
      // contents still report a box.
      return r.width > 0 && r.height > 0 && e.checkVisibility({ checkVisibilityCSS: true });
    };
    const name = (e: Element): string => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}"`;
    const root = document.querySelector('main') ?? document.body;
    // A table whose own scroller must scroll to show all its columns.
    const clippedTables = [...root.querySelectorAll('table')]
      .filter(visible)
      .filter((t) => {
        const scroller = t.parentElement!;
        return scroller.scrollWidth > scroller.clientWidth + 1 || t.getBoundingClientRect().right > window.innerWidth + 1;
      })
      .map((t) => name(t.querySelector('caption') ?? t));
    const controls = [...root.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')].filter(visible);
    const overlaps: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = controls[i];
        const b = controls[j];
        if (a.contains(b) || b.contains(a) || a.closest('label')?.contains(b) || b.closest('label')?.contains(a)) {
          continue;
        }
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        // More than a border's width in both directions: one covers the other.
        if (x > 2 && y > 2) {
          overlaps.push(`${name(a)} × ${name(b)}`);
        }
      }
    }
    return { pageOverflow: document.documentElement.scrollWidth - window.innerWidth, clippedTables, overlaps };
  });
}

/** The sample's risk with a review due (its id is the emulator's). */
const dueRisk = (): string => `/#/risk/${[...server.store.list('risks').items.values()].find((i) => i.fields.Title === 'Fördröjd bedömning på akuten vid hög belastning')!.id}`;

const VIEWS: { name: string; user: User; path: string | (() => string); ready: (page: Page) => Promise<unknown> }[] = [
  { name: 'overview', user: 'anna', path: '/', ready: (p) => main(p).getByText('14 av 14 områden visas').waitFor() },
  { name: 'area page', user: 'erik', path: '/#/omrade/patientsakerhet', ready: (p) => main(p).getByRole('heading', { name: /Mål och indikatorer/ }).waitFor() },
  { name: 'governing documents', user: 'johan', path: '/#/dokument', ready: (p) => main(p).getByText(/^\d+ av \d+ dokument visas$/).waitFor() },
  { name: 'Mina rapporter', user: 'anna', path: '/#/mina-rapporter', ready: (p) => main(p).getByRole('heading', { name: 'Mina rapporter' }).waitFor() },
  { name: 'report form', user: 'anna', path: '/#/rapportera/patientsakerhet', ready: (p) => main(p).getByRole('button', { name: 'Skicka rapporten' }).waitFor() },
  { name: 'Att hantera', user: 'erik', path: '/#/att-hantera', ready: (p) => main(p).getByRole('heading', { name: /rapporter/i }).first().waitFor() },
  { name: 'case handling', user: 'erik', path: '/#/rapport/30', ready: (p) => main(p).getByRole('heading', { name: 'Handläggning' }).waitFor() },
  { name: 'risk page', user: 'erik', path: dueRisk, ready: (p) => main(p).getByRole('heading', { name: 'Bedömningar' }).waitFor() },
  { name: 'new risk', user: 'erik', path: '/#/ny-risk/patientsakerhet', ready: (p) => main(p).getByRole('heading', { name: 'Ny risk' }).first().waitFor() },
  { name: 'lägesbild', user: 'maria', path: '/#/lagesbild/2026', ready: (p) => main(p).getByRole('heading', { name: /Mål/ }).first().waitFor() },
  { name: 'säkerhetsberättelse', user: 'maria', path: '/#/sakerhetsberattelse/2026', ready: (p) => main(p).getByRole('heading', { name: 'Säkerhetsberättelse 2026', level: 2 }).waitFor() }
];

describe.each(VIEWS)('$name ($user)', ({ user, path, ready }) => {
  it.each(WIDTHS)('at %i px: no sideways scrolling, no column out of sight, no overlapping controls', async (width) => {
    const context = await contextFor(browser, server, user, { width, height: 900 });
    const page = await open(context, server, typeof path === 'string' ? path : path());
    await ready(page);
    // Lazy parts (charts, fonts) settle before measuring.
    await page.waitForLoadState('networkidle');
    expect(await layoutProblems(page)).toEqual({ pageOverflow: 0, clippedTables: [], overlaps: [] });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
