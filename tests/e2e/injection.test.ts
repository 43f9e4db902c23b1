/**
 * No injection: a corpus of XSS payloads written straight into the lists (areas, goals, governing
 * documents, reports, actions), a document's file name and a site user's display name renders as
 * inert text in every view, in the SharePoint host, in the Teams tab and in the single-view web
 * parts, and as plain text in the säkerhetsberättelse's .docx, which stays well-formed XML even
 * with control characters in the text.
 *
 * Each view is checked four ways: no payload ran (window.__xss stays undefined, no dialog opened),
 * no element or attribute a payload could have created exists (scripts, frames, on* handlers,
 * javascript: URLs, style elements in the content), the dev host's Content Security Policy
 * (script-src 'self', as SharePoint Online's) reported no violation – an injected handler would be
 * blocked by it and show up there – and the payloads are on screen as the text they were written as.
 * A control test shows the checks catch a payload that does get into the page, with and without
 * the policy; another runs the densest views with the policy switched off.
 */
import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { applyWrite } from '../../dev/emulator/validation';
import { fileHref } from '../../src/components/common/fileHref';
import { yearStart as siteYearStart } from '../../src/model/calendar';

/** The emulator's site is in Stockholm (its default regional settings). */
const yearStart = (year: number): Date => siteYearStart(year, 'Europe/Stockholm');
import { ListKey, listByKey } from '../../src/model/schema';
import { contextFor, launch, main, open, pageErrors, startServer, User } from './browser';

jest.setTimeout(60000);

const P = {
  img: '<img src=x onerror=window.__xss=1>',
  script: '<script>window.__xss=2</script>',
  svg: '<svg onload=window.__xss=3>',
  // eslint-disable-next-line no-script-url -- text that must never become a link target
  jsUrl: 'javascript:window.__xss=4',
  iframe: '"><iframe srcdoc="<script>parent.__xss=5</script>">',
  template: "{{constructor.constructor('window.__xss=6')()}}",
  anchor: '<a href="javascript:window.__xss=7">x</a>',
  style: "<style>@import 'http://evil.example/x.css'</style>",
  entity: '&lt;img src=x onerror=window.__xss=8&gt;',
  markdown: '[x](javascript:window.__xss=9)',
  // Right-to-left override and zero-width characters around markup.
  bidi: '\u202E\u200B<img src=x onerror=window.__xss=10>\u200D\u202C',
  details: '<details open ontoggle=window.__xss=11>',
  mxss: '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=12>',
  alert: '\'"><img src=x onerror=alert(document.domain)>',
  // Characters XML cannot hold: PowerPoint's line break (U+000B, pasted along with text), a C0 control, a noncharacter.
  control: 'rad 1\u000Brad 2 <b>\u0001</b>\uFFFF',
  // Short ones, for Enhet (40 characters) and Version (20).
  hover: '<b onmouseover=window.__xss=13>b</b>',
  short: '<svg onload=__xss=0>'
};
const CORPUS = Object.values(P);
/** The whole corpus, a payload a line, for the long text fields. */
const ALL = CORPUS.join('\n');
const SOFIA = '<img src=x onerror=window.__xss=14>Sofia Åberg';
const PURPOSE = `${P.script} Syftet är att skydda patienterna.`;
const FILE_NAME = "x' onmouseover='window.__xss=15'.pdf";
const ANALYSIS = `${P.style}\n${P.mxss}\n${P.bidi}\n${P.control}`;
/** Today in Stockholm, as the app and the emulator count days and years. */
const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const YEAR = Number(TODAY.slice(0, 4));
const TEAMS = '?host=teams&theme=dark';
/** Characters XML 1.0 cannot hold; a Word file with one of them does not open. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

let browser: Browser;
let server: DevServer;
let reportId = 0;

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The values must fit the schema (the emulator refuses what SharePoint refuses, except Note lengths). */
function checkLengths(list: ListKey, values: Record<string, unknown>): void {
  for (const field of listByKey(list).fields) {
    const value = values[field.name];
    if (typeof value === 'string' && field.maxLength !== undefined && value.length > field.maxLength) {
      throw new Error(`${list}.${field.name} allows ${field.maxLength} characters; the payload has ${value.length}`);
    }
  }
}

/** Changes an item's fields directly in the emulator's store, through its own write checks. */
async function update(list: ListKey, id: number, values: Record<string, unknown>): Promise<void> {
  checkLengths(list, values);
  const data = server.store.list(list);
  const item = data.items.get(id)!;
  const fields = applyWrite(server.store, data, item, values);
  await server.store.putItem(list, { ...item, version: item.version + 1, fields: { ...fields, Modified: iso(new Date()) } });
}

async function add(list: ListKey, values: Record<string, unknown>, author: number): Promise<number> {
  checkLengths(list, values);
  const data = server.store.list(list);
  const fields = applyWrite(server.store, data, undefined, values);
  const id = server.store.allocateId(list);
  const now = iso(new Date());
  await server.store.putItem(list, { id, version: 1, guid: randomUUID(), fields: { ...fields, Created: now, Modified: now, AuthorId: author, EditorId: author }, attachments: [] });
  return id;
}

function userId(key: string): number {
  return [...server.store.users.values()].find((u) => u.key === key)!.id;
}

function itemId(list: ListKey, match: (fields: Record<string, unknown>) => boolean): number {
  return [...server.store.list(list).items.values()].find((i) => match(i.fields))!.id;
}

async function plantPayloads(): Promise<void> {
  const sofia = [...server.store.users.values()].find((u) => u.key === 'sofia')!;
  await server.store.putUser({ ...sofia, title: SOFIA });
  // The people picker finds people in the directory (Entra ID), where a name is kept and from where
  // SharePoint copies it to the site's users: the payload is her name there too.
  server.store.directory = server.store.directory.map((p) => (p.email.toLowerCase() === sofia.email.toLowerCase() ? { ...p, displayName: SOFIA } : p));

  const areaId = itemId('areas', (f) => f.AreaKey === 'patientsakerhet');
  await update('areas', areaId, {
    Title: P.img,
    Scope: ALL,
    Purpose: PURPOSE,
    Responsibility: P.iframe,
    OwnerRole: P.details,
    Laws: [P.jsUrl, P.markdown, P.mxss].join('\n'),
    ReportCategories: [P.svg, P.entity, P.bidi].join('\n')
  });

  const goalId = itemId('goals', (f) => f.AreaId === areaId && f.Period === YEAR && f.Title === 'Färre fallskador');
  await update('goals', goalId, {
    Title: P.template,
    Indicator: P.entity,
    Unit: P.hover,
    FollowUp: P.style,
    StatusOverride: 'Ej uppfyllt',
    StatusComment: P.bidi
  });

  const docId = itemId('documents', (f) => f.Title === 'Riktlinje för systematiskt patientsäkerhetsarbete');
  await update('documents', docId, {
    Title: P.anchor,
    RegistrationNumber: P.svg,
    ApprovedBy: P.script,
    ResponsibleUnit: P.style,
    DocVersion: P.short,
    DocumentOwnerId: sofia.id
  });
  // The file name becomes the link's address; it holds only characters SharePoint allows in one.
  const doc = server.store.list('documents').items.get(docId)!;
  await server.store.putItem('documents', { ...doc, file: { ...doc.file!, name: FILE_NAME } });

  // A serious report of this year, flagged for lex Maria, with an analysis and a completed action:
  // so it reaches Mina rapporter, case handling, the lägesbild's deadlines and the säkerhetsberättelse.
  const occurred = new Date(Math.max(Date.now() - 2 * 3600 * 1000, yearStart(YEAR).getTime() + 60 * 1000));
  reportId = await add(
    'incidents',
    {
      Title: P.alert,
      ReportId: randomUUID(),
      AreaId: areaId,
      EventType: 'Incident',
      Category: P.svg,
      OccurredAt: iso(occurred),
      Location: P.jsUrl,
      Description: ALL,
      ImmediateAction: P.bidi,
      Severity: 'Allvarlig',
      Status: 'Under utredning',
      LexMaria: true,
      InvestigatorId: sofia.id,
      Analysis: ANALYSIS
    },
    userId('anna')
  );
  const today = `${TODAY}T12:00:00Z`;
  await add('actions', { Title: P.template, IncidentId: reportId, ActionOwnerId: sofia.id, DueDate: today, ActionStatus: 'Klar', CompletedAt: today }, userId('erik'));
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
  await plantPayloads();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface IWatched {
  context: BrowserContext;
  dialogs: string[];
}

/** A signed-in context that records dialogs and CSP violations in every page it opens. */
async function watchedContext(user: User, options: { bypassCSP?: boolean } = {}): Promise<IWatched> {
  let context: BrowserContext;
  if (options.bypassCSP) {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', bypassCSP: true });
    // The test's clock, as contextFor sets it (tests/helpers/clock.ts).
    await context.clock.install({ time: Date.now() });
    await context.addCookies([{ name: 'sakerhet-user', value: user, url: server.url }]);
  } else {
    context = await contextFor(browser, server, user);
  }
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const dialogs: string[] = [];
  context.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => undefined);
  });
  return { context, dialogs };
}

interface IFindings {
  xss: unknown;
  violations: string[];
  injected: string[];
}

/** What a payload would leave behind if it had become markup or code. */
async function inspect(page: Page): Promise<IFindings> {
  // Let anything injected load, fail or fire its handlers first.
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const describe = (el: Element): string => el.outerHTML.slice(0, 120);
    // eslint-disable-next-line no-control-regex -- a browser skips these when it reads a URL's scheme
    const stripped = (value: string): string => value.replace(/[\u0000-\u0020\u200B-\u200D\u2060\uFEFF]/g, '').toLowerCase();
    const injected: string[] = [];
    // Anywhere on the page: inline scripts, frames, plugins, handlers and javascript: URLs.
    document.querySelectorAll('script:not([src]), iframe, frame, object, embed, [srcdoc]').forEach((el) => injected.push(describe(el)));
    document.querySelectorAll('*').forEach((el) => {
      for (const attr of Array.from(el.attributes)) {
        const url = /^(href|src|action|formaction|xlink:href|data)$/i.test(attr.name) ? stripped(attr.value) : '';
        if (/^on/i.test(attr.name) || /^(javascript|vbscript):/.test(url)) {
          injected.push(`${attr.name}="${attr.value}" on ${describe(el)}`);
        }
      }
    });
    // In the content: any script, style sheet or document-level element (the host keeps these in <head>).
    const content = document.querySelector('main');
    content?.querySelectorAll('script, style, link, meta, base, svg[onload], img[onerror], a[href^="javascript:" i]').forEach((el) => injected.push(describe(el)));
    const w = window as unknown as { __xss?: unknown; __csp?: string[] };
    return { xss: w.__xss, violations: w.__csp ?? ['the violation listener did not run'], injected: [...new Set(injected)] };
  });
}

/** Text to find in a view: a text node of its own (as React renders a list value), or part() of one. */
type Shown = string | { part: string };
const part = (text: string): Shown => ({ part: text });

/** The expected texts that the view's content does not show as text. */
async function notShown(page: Page, shows: Shown[]): Promise<string[]> {
  const nodes = await main(page).evaluate((root) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      out.push(node.nodeValue ?? '');
    }
    return out;
  });
  return shows.filter((s) => (typeof s === 'string' ? !nodes.includes(s) : !nodes.some((n) => n.includes(s.part)))).map((s) => (typeof s === 'string' ? s : s.part));
}

interface IView {
  name: string;
  user: User;
  /** The app's place (the part after #) or, for single-view web parts, the query. */
  path: string;
  /** Waits until the view shows its content. */
  ready(page: Page): Promise<void>;
  /** Payloads the view must show as text. */
  shows: Shown[];
  /** More checks for the view. */
  check?(page: Page): Promise<void>;
}

// Views are ready when their own (non-payload) text is there: they load their data in one go.
type Ready = (page: Page) => Promise<void>;
const byText = (text: string | RegExp): Ready => (page) => main(page).getByText(text).first().waitFor();
const byHeading = (name: string | RegExp): Ready => (page) => main(page).getByRole('heading', { name }).first().waitFor();
const DOCUMENT = [P.anchor, P.svg, P.short, P.script, SOFIA];
const GOAL = [P.template, P.entity, part(P.hover), P.style, P.bidi];

async function checkDocumentLink(page: Page): Promise<void> {
  const link = main(page).getByRole('link', { name: /x<\/a>/ });
  // The name percent-encoded, as SharePoint expects a file's URL (issue 10): the quotes cannot end the attribute either way.
  expect(await link.getAttribute('href')).toBe(fileHref(`/sites/sakerhet/StyrandeDokument/${FILE_NAME}`));
  expect(await link.getAttribute('onmouseover')).toBeNull();
}

async function checkCategories(page: Page): Promise<void> {
  const categories = await main(page).getByLabel(/^Kategori/).locator('option').allTextContents();
  expect(categories.slice(1)).toEqual([P.svg, P.entity, P.bidi]);
}

const VIEWS: IView[] = [
  { name: 'start page', user: 'anna', path: '#/', ready: byText('14 av 14 områden visas'), shows: [P.img, PURPOSE, P.details, part(` – ${SOFIA}`)] },
  {
    name: 'area page',
    user: 'anna',
    path: '#/omrade/patientsakerhet',
    ready: byHeading(/^Mål och indikatorer \d{4}$/),
    // Area, its laws, this year's goal, a governing document, and the user's own report.
    shows: [P.img, ALL, PURPOSE, P.iframe, P.details, P.jsUrl, P.markdown, P.mxss, ...GOAL, ...DOCUMENT, P.alert],
    check: checkDocumentLink
  },
  { name: 'governing documents', user: 'johan', path: '#/dokument', ready: byText(/^\d+ av \d+ dokument visas$/), shows: [...DOCUMENT, P.img], check: checkDocumentLink },
  { name: 'report form', user: 'anna', path: '#/rapportera/patientsakerhet', ready: (page) => main(page).getByLabel(/^Kategori/).waitFor(), shows: [P.img, P.svg, P.entity, P.bidi], check: checkCategories },
  { name: 'Mina rapporter', user: 'anna', path: '#/mina-rapporter', ready: (page) => main(page).getByRole('table').waitFor(), shows: [P.alert, P.img] },
  { name: 'report page (reporter)', user: 'anna', path: '#/rapport/REPORT', ready: byText('Omedelbar åtgärd'), shows: [P.alert, P.img, P.svg, P.jsUrl, ALL, P.bidi] },
  {
    name: 'report page with case handling (area owner)',
    user: 'erik',
    path: '#/rapport/REPORT',
    ready: byHeading('Handläggning'),
    // The report, its investigator, and its action with the action's owner.
    shows: [P.alert, P.img, P.svg, P.jsUrl, ALL, P.bidi, SOFIA, P.template],
    check: async (page) => {
      expect(await main(page).getByLabel(/^Analys/).inputValue()).toBe(ANALYSIS);
      // People search lists the user's name as text too.
      await main(page).getByRole('combobox', { name: 'Ansvarig' }).fill('Sofia');
      await main(page).getByRole('option', { name: SOFIA }).waitFor();
    }
  },
  { name: 'lägesbild (region)', user: 'maria', path: `#/lagesbild/${YEAR}`, ready: byHeading('Per säkerhetsområde'), shows: [P.img, P.alert, ...GOAL] },
  { name: 'lägesbild (area)', user: 'erik', path: `#/lagesbild/${YEAR}/patientsakerhet`, ready: byHeading('Måluppfyllelse'), shows: [part(P.img), P.alert, ...GOAL] },
  {
    name: 'säkerhetsberättelse',
    user: 'maria',
    path: `#/sakerhetsberattelse/${YEAR}`,
    ready: byHeading('Sammanfattning'),
    // Area and purpose, goals with follow-up and judgement, the analysis, the serious event, the completed action.
    shows: [P.img, PURPOSE, ...GOAL, ANALYSIS, P.alert, `${P.template} (${P.alert})`]
  }
];

const view = (name: string): IView => VIEWS.find((v) => v.name === name)!;

/** The single-view web parts show the same views, each on its own. */
const WEB_PARTS: IView[] = [
  { ...view('area page'), name: 'Säkerhetsområde web part', path: '?webpart=area&area=patientsakerhet' },
  { ...view('governing documents'), name: 'Styrande dokument web part', path: '?webpart=documents' },
  { ...view('report form'), name: 'Rapportera händelse web part', path: '?webpart=report&area=patientsakerhet' },
  { ...view('lägesbild (region)'), name: 'Lägesbild web part', path: '?webpart=situation' }
];

/** Opens a view as its user and checks that the payloads are there as text and nowhere as code. */
async function visit(v: IView, query: string, options: { bypassCSP?: boolean } = {}): Promise<void> {
  const { context, dialogs } = await watchedContext(v.user, options);
  try {
    const path = v.path.replace('REPORT', String(reportId));
    const page = await open(context, server, path.startsWith('?') ? `/${path}` : `/${query}${path}`);
    await v.ready(page);
    const missing = await notShown(page, v.shows);
    await v.check?.(page);
    const findings = await inspect(page);
    expect({ missing, ...findings, dialogs, errors: pageErrors(page) }).toEqual({ missing: [], xss: undefined, violations: [], injected: [], dialogs: [], errors: [] });
  } finally {
    await context.close();
  }
}

describe('payloads in every text field are inert text', () => {
  it.each(VIEWS.map((v) => [v.name, v] as const))('SharePoint page: %s', (_, v) => visit(v, ''));
  it.each(VIEWS.map((v) => [v.name, v] as const))('Teams tab (dark): %s', (_, v) => visit(v, TEAMS));
  it.each(WEB_PARTS.map((v) => [v.name, v] as const))('%s', (_, v) => visit(v, ''));

  it('stay inert with the Content Security Policy switched off', async () => {
    for (const name of ['area page', 'report page with case handling (area owner)', 'säkerhetsberättelse']) {
      await visit(view(name), TEAMS, { bypassCSP: true });
    }
  });
});

describe('säkerhetsberättelse as a Word document', () => {
  it('carries the payloads as escaped text, and every part of it still parses as XML', async () => {
    const { context } = await watchedContext('maria');
    const page = await open(context, server, `/#/sakerhetsberattelse/${YEAR}`);
    await byHeading('Sammanfattning')(page);
    const [download] = await Promise.all([page.waitForEvent('download'), main(page).getByRole('button', { name: 'Ladda ner som Word-dokument' }).click()]);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n));
    expect(parts).toContain('word/document.xml');
    const documents = new Map<string, Document>();
    for (const name of parts) {
      const xml = await zip.file(name)!.async('string');
      const errors: string[] = [];
      const doc = new DOMParser({ errorHandler: (level: string, message: string) => errors.push(`${name}: ${level}: ${message}`) }).parseFromString(xml, 'text/xml');
      expect(errors).toEqual([]);
      expect({ name, notXml: xml.match(NOT_XML) }).toEqual({ name, notXml: null });
      // No part holds a payload's markup as markup.
      expect(xml).not.toMatch(/<(img|script|svg|iframe|style|details|math|mglyph|a)[\s>/]/i);
      documents.set(name, doc as unknown as Document);
    }
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;img src=x onerror=window.__xss=1&gt;');
    expect(xml).toContain('&lt;script&gt;window.__xss=2&lt;/script&gt;');
    // Text that already looks escaped stays as written: its & is escaped once more.
    expect(xml).toContain('&amp;lt;img src=x onerror=window.__xss=8&amp;gt;');
    // Read back as Word reads it, the paragraphs hold the payloads as they were written (a character
    // XML cannot hold becomes U+FFFD, the replacement character).
    // A run with a line break (w:br) starts a new line: the owners' line breaks are kept (issue 10).
    const paragraphs = Array.from(documents.get('word/document.xml')!.getElementsByTagName('w:p')).map((p) =>
      Array.from(p.getElementsByTagName('w:r'))
        .map((r) => (r.getElementsByTagName('w:br').length ? '\n' : '') + Array.from(r.getElementsByTagName('w:t')).map((t) => t.textContent).join(''))
        .join('')
    );
    const text = paragraphs.join('\n');
    // Line breaks of every kind – PowerPoint's U+000B too – are line breaks; other characters XML cannot hold are U+FFFD.
    // eslint-disable-next-line no-control-regex -- U+000B is exactly the character meant
    const analysis = ANALYSIS.split(/\r\n|\r|\n|\u000b/).map((line) => line.replace(NOT_XML, '\uFFFD')).join('\n');
    const written = [P.img, PURPOSE, P.template, P.entity, P.hover, P.style, P.bidi, analysis, P.alert, `${P.template} (${P.alert})`];
    expect(written.filter((s) => !text.includes(s))).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('the checks themselves', () => {
  it('catch a payload that does reach the page: blocked and reported with the policy, run without it', async () => {
    for (const bypassCSP of [false, true]) {
      const { context, dialogs } = await watchedContext('anna', { bypassCSP });
      const page = await open(context, server, '/#/');
      await byText('14 av 14 områden visas')(page);
      // What a careless `innerHTML` of a list value would do.
      await main(page).evaluate((el, html) => el.insertAdjacentHTML('beforeend', html), `${P.img}${P.alert}${P.style}`);
      const findings = await inspect(page);
      expect(findings.injected).toEqual(expect.arrayContaining([expect.stringMatching(/^onerror=/), expect.stringMatching(/^<style>/)]));
      if (bypassCSP) {
        expect(findings.xss).toBe(1);
        expect(dialogs).toEqual(['alert: localhost']);
      } else {
        expect(findings.xss).toBeUndefined();
        expect(dialogs).toEqual([]);
        expect(findings.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-attr /), expect.stringMatching(/^style-src-elem http:\/\/evil\.example\/x\.css/)]));
      }
      await context.close();
    }
  });
});
