/**
 * WCAG 2.1 AA beyond what axe can see, in Chromium: keyboard journeys through the report form and
 * case handling that check where focus is after every step (never the page's body), a corrected
 * field that keeps every character, status messages that land in live regions which were there
 * before them, a countdown that is not read out every second, states that survive Windows' forced
 * colours, list text marked with its language in the English UI (on screen and in the .docx), and
 * a page title per view in Teams and SharePoint.
 *
 * The emulator's sample content and the browser's clock are pinned to the same moment, so the
 * tests pass on any day of any year.
 */
import { readFileSync } from 'fs';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { pinClock } from '../helpers/clock';
import { sessionFor } from '../helpers/emulator';
import { contextFor, launch, main, open, pageErrors, pauseClockNow, startServer, User } from './browser';

jest.setTimeout(180000);

/** 10:30 in Stockholm on an ordinary autumn Wednesday; the sample content is relative to it. */
const NOW = new Date('2025-10-08T08:30:00.000Z');
const YEAR = 2025;
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

/** A signed-in browser whose clock starts at NOW (with this file's clock) and runs on from there. */
async function pinnedContext(user: User): Promise<BrowserContext> {
  return contextFor(browser, server, user);
}

async function openAt(user: User, path: string): Promise<Page> {
  return open(await pinnedContext(user), server, path);
}

interface IFocus {
  tag: string;
  id: string;
  role: string;
  /** The element's accessible name as the browser computes it (Chromium's accessibility tree). */
  name: string;
  text: string;
  value: string;
  disabled: string;
}

/** Where focus is. */
async function focused(page: Page): Promise<IFocus> {
  const info = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      tag: el?.tagName ?? 'NONE',
      id: el?.id ?? '',
      role: el?.getAttribute('role') ?? '',
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      value: el?.value ?? '',
      disabled: el?.getAttribute('aria-disabled') ?? ''
    };
  });
  const snapshot = info.tag === 'BODY' || info.tag === 'NONE' ? '' : await page.locator('*:focus').first().ariaSnapshot().catch(() => '');
  return { ...info, name: snapshot };
}

/** Focus after a step: never the page's body, and where `where` says. */
async function expectFocus(page: Page, where: (f: IFocus) => boolean, step: string): Promise<IFocus> {
  let f = await focused(page);
  for (let i = 0; i < 50 && !where(f); i++) {
    await page.waitForTimeout(100);
    f = await focused(page);
  }
  if (f.tag === 'BODY' || f.tag === 'NONE') {
    throw new Error(`${step}: focus fell to the page's body`);
  }
  if (!where(f)) {
    throw new Error(`${step}: focus is on ${JSON.stringify(f)}`);
  }
  return f;
}

/** Presses Tab (or Shift+Tab) until focus is where `where` says; focus may never be on the body on the way. */
async function tabTo(page: Page, where: (f: IFocus) => boolean, step: string, back = false): Promise<IFocus> {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (f.tag === 'BODY') {
      throw new Error(`${step}: Tab reached the page's body`);
    }
    if (where(f)) {
      return f;
    }
  }
  throw new Error(`${step}: Tab never got there`);
}

function byId(id: string): (f: IFocus) => boolean {
  return (f) => f.id === id;
}
function byText(text: string): (f: IFocus) => boolean {
  return (f) => f.text === text;
}

/** Any element that makes a live region (including timers and regions that are switched off). */
const LIVE_ANY = '[aria-live], [role="status"], [role="alert"], [role="log"], [role="timer"], [role="marquee"]';

/** Remembers the live regions on the page now; `region` then says whether a message's region was among them. */
async function markLiveRegions(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    (window as unknown as { liveBefore: Set<Element> }).liveBefore = new Set(document.querySelectorAll(selector));
  }, LIVE_ANY);
}

interface IRegion {
  role: string;
  live: string;
  /** The region was in the page before the message (see markLiveRegions). */
  existedBefore: boolean;
}

/** The live region a text appeared in: the nearest element that makes one. */
async function regionOf(page: Page, text: string | RegExp): Promise<IRegion> {
  const element = main(page).getByText(text).first();
  await element.waitFor();
  return element.evaluate((el, selector) => {
    const region = el.closest(selector);
    const before = (window as unknown as { liveBefore?: Set<Element> }).liveBefore;
    return {
      role: region?.getAttribute('role') ?? '',
      live: region?.getAttribute('aria-live') ?? (region?.getAttribute('role') === 'alert' ? 'assertive' : region ? 'polite' : ''),
      existedBefore: !!region && !!before?.has(region)
    };
  }, LIVE_ANY);
}

function stored(title: string): { id: number; fields: Record<string, unknown> }[] {
  return [...server.store.list('incidents').items.values()].filter((i) => i.fields.Title === title) as never;
}

/** The report's POST to Händelser (a fault rule's plain path end, dev/emulator/faults.ts). */
const ADD_REPORT = "Handelser')/items";

describe('the report form, by keyboard alone', () => {
  it('takes focus to the error summary once per submit, keeps every keystroke while fields are corrected, and never drops focus to the body', async () => {
    const page = await openAt('anna', '/#/rapportera/arbetsmiljo');
    const m = main(page);
    await m.getByText('Vad vill du rapportera?').waitFor();

    await tabTo(page, byText('Skicka rapporten'), 'to the send button');
    await page.keyboard.press('Enter');
    const summary = await expectFocus(page, (f) => f.role === 'group' && f.text.startsWith('Rapporten kunde inte skickas'), 'after sending an empty form');
    // The summary is announced by taking focus; it is no live region, which would read the whole
    // list again at every keystroke that changes it.
    expect(summary.name).toContain('Rapporten kunde inte skickas. Rätta följande:');
    expect(await m.getByRole('group', { name: 'Rapporten kunde inte skickas. Rätta följande:' }).evaluate((el, s) => el.closest(s), LIVE_ANY)).toBeNull();
    // Each message uses the label the user sees.
    await m.getByRole('link', { name: '”Vad vill du rapportera?” måste besvaras.' }).waitFor();
    await m.getByRole('link', { name: '”Hur allvarligt var det, eller kunde det ha blivit?” måste besvaras.' }).waitFor();
    // Its links are targets of at least 24 × 24 px (WCAG 2.2, 2.5.8).
    const sizes = await m.getByRole('group', { name: 'Rapporten kunde inte skickas. Rätta följande:' }).getByRole('link').evaluateAll((links) => links.map((l) => [l.getBoundingClientRect().width, l.getBoundingClientRect().height]));
    expect(sizes.length).toBe(5);
    expect(Math.min(...sizes.flat())).toBeGreaterThanOrEqual(24);

    // Follow the summary's link to Rubrik and type: every character stays, focus stays.
    await tabTo(page, byText('Rubrik måste fyllas i.'), 'to the summary link for Rubrik');
    await page.keyboard.press('Enter');
    await expectFocus(page, byId('sakerhet-report-title'), 'after following the link');
    await page.keyboard.type('Halka i trapphuset', { delay: 20 });
    await expectFocus(page, byId('sakerhet-report-title'), 'after typing the title');
    expect(await m.getByLabel('Rubrik').inputValue()).toBe('Halka i trapphuset');
    // The corrected field's message went from the summary, without the summary taking focus.
    expect(await m.getByRole('link', { name: 'Rubrik måste fyllas i.' }).count()).toBe(0);

    // A radio: the group is named, required and invalid where the screen reader reads it.
    const typeGroup = m.getByRole('radiogroup', { name: 'Vad vill du rapportera?' });
    expect(await typeGroup.getAttribute('aria-required')).toBe('true');
    expect(await typeGroup.getAttribute('aria-invalid')).toBe('true');
    const firstRadio = m.locator('#sakerhet-report-type');
    expect(await firstRadio.evaluate((el: HTMLInputElement) => [el.required, el.getAttribute('aria-invalid')])).toEqual([true, 'true']);
    expect(await firstRadio.evaluate((el) => el.getAttribute('aria-describedby'))).toContain('sakerhet-report-type-error');
    await tabTo(page, (f) => f.tag === 'INPUT' && f.id.startsWith('sakerhet-report-type'), 'back to the first question', true);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    const radio = await expectFocus(page, (f) => f.id === 'sakerhet-report-type-nearMiss', 'after choosing with the arrow key');
    expect(radio.tag).toBe('INPUT');
    expect(await m.getByLabel('Tillbud', { exact: true }).isChecked()).toBe(true);
    expect(await typeGroup.getAttribute('aria-invalid')).toBeNull();

    await tabTo(page, byId('sakerhet-report-location'), 'to Plats');
    await page.keyboard.type('Trapphus B, plan 2', { delay: 10 });
    await page.keyboard.press('Tab');
    await expectFocus(page, byId('sakerhet-report-description'), 'to Vad hände?');
    await page.keyboard.type('Blött golv efter städning utan skylt.', { delay: 10 });
    await expectFocus(page, byId('sakerhet-report-description'), 'after typing the description');
    expect(await m.getByLabel('Vad hände?').inputValue()).toBe('Blött golv efter städning utan skylt.');
    await tabTo(page, (f) => f.id.startsWith('sakerhet-report-severity'), 'to the severity');
    await page.keyboard.press('Space');
    await expectFocus(page, byId('sakerhet-report-severity'), 'after choosing a severity');
    await tabTo(page, byId('sakerhet-anonymous'), 'to the anonymity box');
    await page.keyboard.press('Space');
    await expectFocus(page, byId('sakerhet-anonymous'), 'after ticking the anonymity box');
    await page.keyboard.press('Space');
    await expectFocus(page, byId('sakerhet-anonymous'), 'after unticking it');

    // Sending: the button keeps focus while the report is saved (it says it is busy instead of
    // going away or being disabled), and the progress lands in a live region that was there.
    server.faults.set([{ kind: 'latency', ms: 1500, method: 'POST', pathEnd: ADD_REPORT }]);
    await tabTo(page, byText('Skicka rapporten'), 'to the send button again');
    await markLiveRegions(page);
    await page.keyboard.press('Enter');
    const busy = await expectFocus(page, (f) => f.text === 'Skickar…', 'while saving');
    expect(busy.disabled).toBe('true');
    expect(await regionOf(page, 'Sparar rapporten i SharePoint…')).toEqual({ role: 'status', live: 'polite', existedBefore: true });

    // The receipt replaces the form: its title takes focus and names the page.
    await expectFocus(page, (f) => /^H[12]$/.test(f.tag) && f.text === 'Tack! Din rapport är registrerad', 'on the receipt');
    expect(await page.title()).toBe('Tack! Din rapport är registrerad – Ledningssystemet');
    expect(stored('Halka i trapphuset')).toHaveLength(1);

    await tabTo(page, byText('Rapportera en till'), 'to "Rapportera en till"');
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => /^H[12]$/.test(f.tag) && f.text === 'Rapportera händelse', 'on the new form');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('through an outage: says once that it will try again, keeps the countdown silent, and keeps focus when the retry buttons go', async () => {
    const page = await openAt('johan', '/#/rapportera/lakemedel');
    const m = main(page);
    await m.getByLabel('Avvikelse', { exact: true }).check();
    await m.getByLabel('Rubrik').fill('Dubbelkontroll saknades');
    await m.getByLabel('Plats').fill('Avdelning 7');
    await m.getByLabel('Vad hände?').fill('Insulin gavs utan dubbelkontroll.');
    await m.getByLabel('Låg', { exact: true }).check();
    server.faults.set([{ kind: 'unavailable', method: 'POST', pathEnd: ADD_REPORT }]);
    await m.getByRole('button', { name: 'Skicka rapporten' }).focus();
    await markLiveRegions(page);
    await page.keyboard.press('Enter');

    const timer = m.getByRole('timer');
    await timer.waitFor({ timeout: 60000 });
    await expectFocus(page, (f) => f.tag === 'BUTTON' && f.text === 'Skickar…', 'while waiting to try again');
    expect(await regionOf(page, 'SharePoint gick inte att nå. Ditt utkast finns kvar.')).toEqual({ role: 'status', live: 'polite', existedBefore: true });
    // The countdown's own live region is a timer, which screen readers do not read out.
    expect(await regionOf(page, /^Nytt försök om \d+ sekunder?\.$/)).toMatchObject({ role: 'timer', live: 'off' });
    // A second on, the count has moved; what the polite region would read has not.
    await pauseClockNow(page);
    const spoken = (): Promise<string> =>
      m.getByRole('status').filter({ hasText: 'SharePoint gick inte att nå' }).evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[role="timer"], [aria-live="off"]').forEach((t) => t.remove());
        return copy.textContent ?? '';
      });
    const [spokenBefore, countBefore] = [await spoken(), await timer.innerText()];
    await page.clock.runFor(1000);
    expect(await timer.innerText()).not.toBe(countBefore);
    expect(await spoken()).toBe(spokenBefore);
    await page.clock.resume();

    // "Försök nu" goes away when pressed; focus goes to the send button, not to the body.
    await tabTo(page, byText('Försök nu'), 'to "Försök nu"');
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.tag === 'BUTTON' && f.text === 'Skickar…', 'after "Försök nu"');
    await timer.waitFor({ timeout: 60000 });
    await markLiveRegions(page);
    await tabTo(page, byText('Avbryt'), 'to "Avbryt"');
    await page.keyboard.press('Enter');
    await expectFocus(page, byText('Skicka rapporten'), 'after "Avbryt"');
    expect(await regionOf(page, /Rapporten kunde inte sparas\. Ditt utkast finns kvar/)).toEqual({ role: 'alert', live: 'assertive', existedBefore: true });
    expect(stored('Dubbelkontroll saknades')).toHaveLength(0);
    await page.context().close();
  });
});

describe('case handling, by keyboard alone', () => {
  it('chooses people, saves, adds an action and marks it done with focus always on something sensible and every message in a live region that was there', async () => {
    const { services } = sessionFor(server, 'anna');
    const patient = (await services.areas.getAreas()).find((a) => a.key === 'patientsakerhet')!;
    const report = await services.incidents.submit({
      reportId: crypto.randomUUID(),
      areaId: patient.id,
      title: 'Patient föll från britsen',
      eventType: 'accident',
      category: 'Fall',
      occurredAt: new Date(NOW.getTime() - 3 * 3600000),
      location: 'Akutmottagningen, rum 4',
      description: 'Sänggrinden var nere när patienten vände sig.',
      immediateAction: 'Läkare undersökte patienten.',
      severity: 'moderate',
      anonymous: false,
      lexMaria: false,
      workEnvironmentReport: false,
      policeReport: false
    });
    const page = await openAt('maria', `/#/rapport/${report.id}`);
    const m = main(page);
    await m.getByRole('heading', { name: 'Handläggning' }).waitFor();

    // Status with the arrow key, then the investigator from the suggestions.
    await tabTo(page, byId('sakerhet-case-status'), 'to Status');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, byId('sakerhet-case-investigator'), 'to Utredare');
    await markLiveRegions(page);
    await page.keyboard.type('zzxq');
    // "No person found" is announced, in a live region that was there before the search.
    expect(await regionOf(page, 'Ingen person hittades.')).toEqual({ role: 'status', live: 'polite', existedBefore: true });
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Backspace');
    }
    await page.keyboard.type('berg');
    await m.getByRole('listbox', { name: 'Utredare' }).getByRole('option').first().waitFor();
    const count = await m.getByRole('listbox', { name: 'Utredare' }).getByRole('option').count();
    expect(await regionOf(page, `${count} ${count === 1 ? 'person hittades' : 'personer hittades'}. Välj med pil upp eller ned och Enter.`)).toEqual({ role: 'status', live: 'polite', existedBefore: true });
    const chosenName = (await m.getByRole('listbox', { name: 'Utredare' }).getByRole('option').first().innerText()).replace(/ \(.*\)$/, '');
    await page.keyboard.press('Enter');
    // The search field goes; focus goes to the field that now names the person, still labelled.
    const chosen = await expectFocus(page, (f) => f.id === 'sakerhet-case-investigator' && f.value === chosenName, 'after choosing the investigator');
    expect(chosen.name).toContain('Utredare');
    // Removing the person brings back the search field, with focus.
    await tabTo(page, (f) => f.text === 'Ta bort', 'to "Ta bort"');
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.id === 'sakerhet-case-investigator' && f.role === 'combobox', 'after removing the investigator');
    await page.keyboard.type('berg');
    await m.getByRole('listbox', { name: 'Utredare' }).getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.id === 'sakerhet-case-investigator' && f.value === chosenName, 'after choosing again');

    await tabTo(page, byId('sakerhet-case-analysis'), 'to Analys');
    await page.keyboard.type('Sänggrinden var inte uppfälld.');

    // Saving: the button keeps focus while it saves; the confirmation is announced.
    server.faults.set([{ kind: 'latency', ms: 1200, method: 'MERGE', path: 'Handelser' }]);
    await tabTo(page, byText('Spara handläggningen'), 'to "Spara handläggningen"');
    await markLiveRegions(page);
    await page.keyboard.press('Enter');
    const saving = await expectFocus(page, byText('Spara handläggningen'), 'while saving');
    expect(saving.disabled).toBe('true');
    expect(await regionOf(page, 'Handläggningen är sparad.')).toEqual({ role: 'status', live: 'polite', existedBefore: true });
    await expectFocus(page, (f) => f.text === 'Spara handläggningen' && f.disabled === '', 'after saving');
    server.faults.clear();
    expect(stored('Patient föll från britsen')[0].fields).toMatchObject({ Status: 'Under utredning', Analysis: 'Sänggrinden var inte uppfälld.' });

    // Adding an action with nothing filled in: each field is required and says what is missing.
    await tabTo(page, byText('Lägg till åtgärd'), 'to "Lägg till åtgärd"');
    await page.keyboard.press('Enter');
    await expectFocus(page, byId('sakerhet-action-title'), 'after adding with nothing filled in');
    for (const [id, message] of [
      ['sakerhet-action-title', 'Åtgärd måste fyllas i.'],
      ['sakerhet-action-owner', 'Ansvarig måste fyllas i.'],
      ['sakerhet-action-due', 'Klart senast måste fyllas i.']
    ]) {
      const field = m.locator(`#${id}`);
      expect(await field.getAttribute('aria-required')).toBe('true');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((d) => document.getElementById(d)?.textContent).join(' '))).toContain(message);
    }
    await page.keyboard.type('Fäll upp sänggrindar vid vändning');
    await page.keyboard.press('Tab');
    await expectFocus(page, byId('sakerhet-action-owner'), 'to Ansvarig');
    await page.keyboard.type('Erik');
    await m.getByRole('listbox', { name: 'Ansvarig' }).getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.id === 'sakerhet-action-owner' && f.value === 'Erik Holm', 'after choosing the owner');
    await tabTo(page, byId('sakerhet-action-due'), 'to Klart senast');
    // The order a date is typed in follows the browser's own language (headless Chromium: month
    // first), not the page's, so the value is filled in where focus is.
    await m.locator('#sakerhet-action-due').fill('2025-11-30');
    await expectFocus(page, byId('sakerhet-action-due'), 'after filling in the date');
    await tabTo(page, byText('Lägg till åtgärd'), 'to "Lägg till åtgärd" again');
    await markLiveRegions(page);
    await page.keyboard.press('Enter');
    expect(await regionOf(page, 'Åtgärden ”Fäll upp sänggrindar vid vändning” är tillagd.')).toEqual({ role: 'status', live: 'polite', existedBefore: true });
    await expectFocus(page, byText('Lägg till åtgärd'), 'after adding the action');

    // "Markera som pågående" goes when used: focus goes to the same action's "Markera som klar".
    const item = m.getByRole('listitem').filter({ hasText: 'Fäll upp sänggrindar vid vändning' });
    const actionId = await item.getAttribute('data-action');
    await tabTo(page, byText('Markera som pågående'), 'back to "Markera som pågående"', true);
    await markLiveRegions(page);
    await page.keyboard.press('Enter');
    await item.getByText('Pågår', { exact: true }).waitFor();
    await expectFocus(page, byText('Markera som klar'), 'after marking it ongoing');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-action]')?.getAttribute('data-action'))).toBe(actionId);
    expect(await regionOf(page, 'Åtgärden ”Fäll upp sänggrindar vid vändning” har nu status Pågår.')).toEqual({ role: 'status', live: 'polite', existedBefore: true });
    // "Markera som klar" leaves no button: focus goes to the action itself.
    await markLiveRegions(page);
    await page.keyboard.press('Enter');
    await item.getByText('Klar', { exact: true }).waitFor();
    await expectFocus(page, (f) => f.tag === 'LI' && f.text.startsWith('Fäll upp sänggrindar vid vändning'), 'after marking it done');
    expect(await regionOf(page, 'Åtgärden ”Fäll upp sänggrindar vid vändning” har nu status Klar.')).toEqual({ role: 'status', live: 'polite', existedBefore: true });
    await page.context().close();
  });

  it('chooses from the directory someone who has never visited the site: arrows, Enter, and the person becomes a site user (ensureUser)', async () => {
    const { services } = sessionFor(server, 'anna');
    const patient = (await services.areas.getAreas()).find((a) => a.key === 'patientsakerhet')!;
    const report = await services.incidents.submit({
      reportId: crypto.randomUUID(),
      areaId: patient.id,
      title: 'Fel läkemedel i dosetten',
      eventType: 'incident',
      category: '',
      occurredAt: new Date(NOW.getTime() - 2 * 3600000),
      location: 'Medicinavdelning 3',
      description: 'Dosetten hade en tablett för mycket.',
      immediateAction: '',
      severity: 'moderate',
      anonymous: false,
      lexMaria: false,
      workEnvironmentReport: false,
      policeReport: false
    });
    const siteUser = (email: string): { id: number } | undefined => [...server.store.users.values()].find((u) => u.email === email);
    // Maja Lindqvist is in the region's directory, not among the site's users (src/model/sample/people.ts).
    expect(siteUser('maja.lindqvist@region.example')).toBeUndefined();
    const page = await openAt('erik', `/#/rapport/${report.id}`);
    const m = main(page);
    await m.getByRole('heading', { name: 'Handläggning' }).waitFor();
    await tabTo(page, byId('sakerhet-case-investigator'), 'to Utredare');
    await markLiveRegions(page);
    await page.keyboard.type('lindqvist');
    const options = m.getByRole('listbox', { name: 'Utredare' }).getByRole('option');
    await options.nth(1).waitFor();
    // Both Lindqvists of the directory, in SharePoint's order: the one on the site and the one not.
    expect(await options.allInnerTexts()).toEqual(['Maja Lindqvist (maja.lindqvist@region.example)', 'Mats Lindqvist (mats.lindqvist@region.example)']);
    expect(await regionOf(page, '2 personer hittades. Välj med pil upp eller ned och Enter.')).toEqual({ role: 'status', live: 'polite', existedBefore: true });
    const active = (): Promise<string | null> => page.locator('#sakerhet-case-investigator').evaluate((el) => document.getElementById(el.getAttribute('aria-activedescendant') ?? '')?.textContent?.replace(/ \(.*\)$/, '') ?? null);
    expect(await active()).toBe('Maja Lindqvist');
    await page.keyboard.press('ArrowDown');
    expect(await active()).toBe('Mats Lindqvist');
    await page.keyboard.press('ArrowUp');
    expect(await active()).toBe('Maja Lindqvist');
    await page.keyboard.press('Enter');
    await expectFocus(page, (f) => f.id === 'sakerhet-case-investigator' && f.value === 'Maja Lindqvist', 'after choosing Maja Lindqvist');
    // Chosen means added to the site: a person column takes a site user's id.
    const maja = siteUser('maja.lindqvist@region.example');
    expect(maja).toBeDefined();
    await tabTo(page, byText('Spara handläggningen'), 'to "Spara handläggningen"');
    await page.keyboard.press('Enter');
    await m.getByText('Handläggningen är sparad.').waitFor();
    expect(server.store.list('incidents').items.get(report.id)!.fields.InvestigatorId).toBe(maja!.id);
    await page.context().close();
  });

  it('brings focus back to the view when "Försök igen" reloads it', async () => {
    server.faults.set([{ kind: 'unavailable', method: 'GET', path: 'Handelser', count: 12 }]);
    const page = await openAt('anna', '/#/mina-rapporter');
    const m = main(page);
    await m.getByRole('button', { name: 'Försök igen' }).waitFor({ timeout: 60000 });
    server.faults.clear();
    await m.getByRole('button', { name: 'Försök igen' }).focus();
    await page.keyboard.press('Enter');
    await m.getByRole('table', { name: 'Mina rapporter' }).waitFor();
    await expectFocus(page, (f) => /^H[12]$/.test(f.tag) && f.text === 'Mina rapporter', 'after the view reloaded');
    await page.context().close();
  });
});

describe('the lägesbild\'s chooser', () => {
  it('applies a year on a deliberate choice, not on the first arrow key, and keeps focus on the chooser', async () => {
    const page = await openAt('maria', '/#/lagesbild');
    const m = main(page);
    await m.getByRole('heading', { name: 'Per säkerhetsområde' }).waitFor();
    const url = page.url();
    await tabTo(page, byId('sakerhet-situation-year'), 'to the year');
    await page.keyboard.press('ArrowDown');
    expect(await m.locator('#sakerhet-situation-year').inputValue()).toBe(String(YEAR - 1));
    await page.waitForTimeout(300);
    expect(page.url()).toBe(url);
    await expectFocus(page, byId('sakerhet-situation-year'), 'after the arrow key');
    await tabTo(page, byText('Visa'), 'to "Visa"');
    await markLiveRegions(page);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === `#/lagesbild/${YEAR - 1}`);
    expect(await regionOf(page, `Lägesbilden visar ${YEAR - 1}, Hela regionen.`)).toEqual({ role: 'status', live: 'polite', existedBefore: true });
    await m.getByRole('heading', { name: `Måluppfyllelse ${YEAR - 1}` }).waitFor();
    await expectFocus(page, byText('Visa'), 'after showing another year');

    // A link to one area's lägesbild stays in the same view: focus goes to its title.
    await tabTo(page, byText('Brandsäkerhet'), 'to Brandsäkerhet in the table');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/brandsakerhet$/);
    await expectFocus(page, (f) => /^H[12]$/.test(f.tag) && f.text === 'Lägesbild', 'after opening one area');
    await page.context().close();
  });
});

describe('forced colours (Windows High Contrast)', () => {
  /**
   * The colours actually painted at points of an element (x, y from its top left; negative from
   * its right or bottom), read from a screenshot: computed styles keep author colours' alpha and
   * other details that forced colours paint over, so only the pixels say what a user sees.
   */
  async function painted(page: Page, locator: Locator, points: [number, number][]): Promise<string[]> {
    const box = (await locator.boundingBox())!;
    const shot = (await locator.screenshot()).toString('base64');
    return page.evaluate(
      async ({ data, at, width, height }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const g = canvas.getContext('2d')!;
        g.drawImage(img, 0, 0);
        return at.map(([x, y]) => Array.from(g.getImageData(Math.round(x < 0 ? width + x : x), Math.round(y < 0 ? height + y : y), 1, 1).data).join(','));
      },
      { data: shot, at: points, width: box.width, height: box.height }
    );
  }

  it('keeps the people picker\'s highlighted option, the chart\'s two years and the current section apart', async () => {
    // An open report (30, patientsäkerhet, åtgärder pågår): a closed one is read-only (issue 13).
    const page = await openAt('maria', '/#/rapport/30');
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    const m = main(page);
    await m.getByRole('heading', { name: 'Handläggning' }).waitFor();
    // Its investigator (every sample report past Ny has one) is removed to reach the search field.
    await m.getByRole('button', { name: /^Ta bort/ }).first().click();
    await m.getByRole('combobox', { name: 'Utredare' }).fill('berg');
    const options = m.getByRole('listbox', { name: 'Utredare' }).getByRole('option');
    await options.nth(1).waitFor();
    // The option's own background, a few pixels in from its corner (no text there).
    const [highlighted] = await painted(page, options.nth(0), [[4, 4]]);
    const [other] = await painted(page, options.nth(1), [[4, 4]]);
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
    expect(highlighted).not.toBe(other);

    // The current section in the navigation keeps its line; the others show none.
    const nav = m.getByRole('navigation', { name: 'Säkerhet', exact: true });
    const [currentLine] = await painted(page, nav.locator('a[aria-current="page"]'), [[8, -1]]);
    const [otherLine, otherFace] = await painted(page, nav.locator('a:not([aria-current])').first(), [[8, -1], [1, 1]]);
    expect(currentLine).not.toBe(otherLine);
    expect(otherLine).toBe(otherFace);

    // The investigator was removed above and not saved: leaving asks first (issue 13), and this
    // test leaves without saving.
    await page.goto(`${server.url}/#/lagesbild`);
    await page.getByRole('alertdialog', { name: 'Du har ändringar som inte är sparade' }).getByRole('button', { name: 'Lämna utan att spara' }).click();
    await m.getByRole('heading', { name: 'Per säkerhetsområde' }).waitFor();
    // The legend's swatches: this year filled, the year before an outline with nothing inside.
    const swatches = m.getByRole('figure', { name: 'Rapporter per händelsetyp' }).locator('li > span');
    const [thisYearInside] = await painted(page, swatches.nth(0), [[6, 6]]);
    const [yearBeforeInside, ...yearBeforeEdge] = await painted(page, swatches.nth(1), [[6, 6], ...[1, 3, 5, 7, 9].map((y): [number, number] => [0, y])]);
    expect(thisYearInside).not.toBe(yearBeforeInside);
    expect(yearBeforeEdge.some((edge) => edge !== yearBeforeInside)).toBe(true);
    await page.context().close();
  });
});

describe('language of parts (English UI, Swedish lists)', () => {
  /** The language that applies to an element (its own lang, or the nearest ancestor's). */
  async function langOf(page: Page, text: string | RegExp): Promise<string | null | undefined> {
    const el = main(page).getByText(text).filter({ visible: true }).first();
    await el.waitFor();
    return el.evaluate((e) => e.closest('[lang]')?.getAttribute('lang'));
  }

  it('marks the region\'s Swedish texts as Swedish in every view, and the interface as English', async () => {
    const page = await openAt('maria', '/?lang=en-us#/');
    await main(page).getByRole('heading', { name: 'Security areas' }).waitFor();
    expect(await langOf(page, 'Security areas')).toBe('en-US');
    expect(await langOf(page, 'Patientsäkerhet')).toBe('sv-SE');

    const three = server.store.list('incidents').items.get(3)!.fields;
    const views: [string, (string | RegExp)[], string][] = [
      ['#/omrade/patientsakerhet', ['Patientsäkerhetslagen (2010:659)', /^Det systematiska kvalitets/, /^Verksamhetsstrateg patientsäkerhet$/], 'Goals and indicators'],
      ['#/dokument', [/^Riktlinje för/], 'Governing documents'],
      ['#/mina-rapporter', [], 'My reports'],
      ['#/rapport/3', [String(three.Title), String(three.Description)], 'Case handling'],
      [`#/lagesbild/${YEAR}`, ['Brandsäkerhet'], 'By security area'],
      [`#/sakerhetsberattelse/${YEAR}`, ['Strålsäkerhet'], 'Summary']
    ];
    for (const [path, swedish, english] of views) {
      await page.goto(`${server.url}/?lang=en-us${path}`);
      await main(page).getByText(english).first().waitFor();
      expect(await langOf(page, english)).toBe('en-US');
      for (const text of swedish) {
        expect([path, text, await langOf(page, text)]).toEqual([path, text, 'sv-SE']);
      }
    }
    // The report form's area list: each area's name as an option in Swedish.
    await page.goto(`${server.url}/?lang=en-us#/rapportera`);
    await main(page).getByText('What do you want to report?').waitFor();
    expect(await main(page).locator('#sakerhet-report-area option[value="brandsakerhet"]').getAttribute('lang')).toBe('sv-SE');
    await page.context().close();
  });

  it('marks the list text in the English .docx as Swedish, the rest as English', async () => {
    const page = await openAt('maria', `/?lang=en-us#/sakerhetsberattelse/${YEAR}`);
    await main(page).getByRole('heading', { name: 'Summary' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), main(page).getByRole('button', { name: 'Download as a Word document' }).click()]);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="en-US"\/>.*<\/w:docDefaults>/s);
    const xml = await zip.file('word/document.xml')!.async('string');
    const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((r) => ({ lang: /<w:lang w:val="([^"]+)"/.exec(r[1])?.[1], text: [...r[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') }));
    expect(runs.find((r) => r.text === 'Strålsäkerhet')?.lang).toBe('sv-SE');
    expect(runs.find((r) => r.text === 'Summary')?.lang).toBeUndefined();
    await page.context().close();
  });
});

describe('page titles', () => {
  it('names every view in the Teams tab', async () => {
    const page = await openAt('maria', '/?host=teams#/');
    const m = main(page);
    await m.getByText('14 av 14 områden visas').waitFor();
    expect(await page.title()).toBe('Säkerhet');
    const titles: [string, string][] = [
      ['#/omrade/brandsakerhet', 'Brandsäkerhet – Säkerhet'],
      ['#/dokument', 'Styrande dokument – Säkerhet'],
      ['#/rapportera/brandsakerhet', 'Rapportera händelse – Säkerhet'],
      ['#/mina-rapporter', 'Mina rapporter – Säkerhet'],
      ['#/rapport/3', 'Rapport 3 – Säkerhet'],
      ['#/lagesbild', 'Lägesbild – Säkerhet'],
      [`#/sakerhetsberattelse/${YEAR}`, `Säkerhetsberättelse ${YEAR} – Säkerhet`]
    ];
    for (const [path, title] of titles) {
      await page.evaluate((p) => (window.location.hash = p), path);
      await page.waitForFunction((t) => document.title === t, title, { timeout: 30000 }).catch(() => undefined);
      expect([path, await page.title()]).toEqual([path, title]);
    }
    await page.context().close();
  });

  it('on a SharePoint page: the whole-section web part puts the view before the page\'s title and gives it back at its start', async () => {
    const page = await openAt('anna', '/#/');
    await main(page).getByText('14 av 14 områden visas').waitFor();
    expect(await page.title()).toBe('Ledningssystemet');
    await main(page).getByRole('link', { name: 'Brandsäkerhet' }).click();
    await page.waitForFunction(() => document.title === 'Brandsäkerhet – Ledningssystemet');
    await main(page).getByRole('link', { name: 'Mina rapporter' }).first().click();
    await page.waitForFunction(() => document.title === 'Mina rapporter – Ledningssystemet');
    await page.goBack();
    await page.goBack();
    await page.waitForFunction(() => document.title === 'Ledningssystemet');
    await page.context().close();
  });

  it('on a SharePoint page: a single-view web part leaves the page\'s title to the page', async () => {
    const page = await openAt('maria', '/?webpart=situation');
    const m = main(page);
    await m.getByRole('heading', { name: 'Per säkerhetsområde' }).waitFor();
    await m.getByRole('link', { name: 'Brandsäkerhet' }).click();
    await m.getByText(/Brandsäkerhet: goals|Brandsäkerhet: mål/).waitFor();
    expect(await page.title()).toBe('Ledningssystemet');
    await page.context().close();
  });
});
