/**
 * The views for people who handle reports: the lägesbild, the säkerhetsberättelse and case
 * handling, with fake services. Numbers are checked against hand-counted fixtures.
 */
import JSZip from 'jszip';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IReportFacts } from '../../src/analytics/indicators';
import type { IAction, IGoal } from '../../src/model/types';
import { ServiceError } from '../../src/services/errors';
import { ICaseForm, mergeCaseForms } from '../../src/components/ReportDetail/CaseHandling';
import { AREAS, GOALS, OWNER, SHAREPOINT, SITE_ZONE, STAFF, fakeServices, findMessage, incident, renderApp } from './fakes';

// The year of the pinned clock (tests/components/setup.ts): 20 November 2026.
const YEAR = 2026;
const DAY = 86400000;

function fact(overrides: Partial<IReportFacts>): IReportFacts {
  const occurredAt = overrides.occurredAt ?? new Date(Date.UTC(YEAR, 0, 15, 12));
  return {
    id: 1,
    areaId: 2,
    title: 'Fall i korridor',
    eventType: 'accident',
    severity: 'moderate',
    status: 'new',
    category: 'Fall',
    occurredAt,
    created: occurredAt,
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: false,
    ...overrides
  };
}

// This year: 3 in Patientsäkerhet (1 serious, flagged for lex Maria, not yet notified), 1 in
// Arbetsmiljö. Last year, early in January so that it counts for "the same period": 2.
const FACTS: IReportFacts[] = [
  fact({ id: 1, eventType: 'nearMiss' }),
  fact({ id: 2, severity: 'serious', lexMaria: true, title: 'Allvarlig vårdskada', occurredAt: new Date(Date.UTC(YEAR, 0, 10, 12)) }),
  fact({ id: 3, status: 'closed', closedAt: new Date(Date.UTC(YEAR, 0, 20, 12)) }),
  fact({ id: 4, areaId: 1, eventType: 'risk', category: 'Hot och våld' }),
  fact({ id: 5, occurredAt: new Date(Date.UTC(YEAR - 1, 0, 5, 12)), status: 'closed', closedAt: new Date(Date.UTC(YEAR - 1, 0, 6, 12)) }),
  fact({ id: 6, occurredAt: new Date(Date.UTC(YEAR - 1, 0, 6, 12)), status: 'closed', closedAt: new Date(Date.UTC(YEAR - 1, 0, 7, 12)) })
];

const COMPUTED_GOAL: IGoal = {
  id: 2,
  etag: '"4"',
  areaId: 2,
  title: 'Färre tillbud som inte rapporteras',
  period: YEAR,
  indicator: 'Antal rapporterade tillbud',
  unit: 'st',
  direction: 'atLeast',
  target: 5,
  outcome: 0,
  indicatorSource: 'computed',
  measure: { kind: 'count', eventTypes: ['nearMiss'], category: '' },
  statusComment: '',
  followUp: ''
};

function situationServices(user = OWNER): ReturnType<typeof fakeServices> {
  const services = fakeServices(user);
  (services.views.loadSituation as jest.Mock).mockImplementation(async (year?: number) => ({ year: year ?? 2026, areas: AREAS, user, timeZone: SITE_ZONE, goals: [...GOALS, COMPUTED_GOAL], facts: FACTS, risks: [], riskActions: [] }));
  return services;
}

describe('lägesbild', () => {
  it('is for people who handle reports; staff are told where their own reports are', async () => {
    renderApp(situationServices(STAFF), { name: 'situation' });
    expect(await screen.findByText(/Lägesbilden visas för områdesansvariga och säkerhetschefen/)).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });

  it('shows the region\'s figures, charts with table alternatives, deadlines and per-area rows', async () => {
    const services = situationServices();
    renderApp(services, { name: 'situation', year: YEAR });
    const figures = await screen.findByRole('list', { name: /Hela regionen/ });
    const figure = (name: string): HTMLElement => within(figures).getByText(name).closest('li')!;
    expect(within(figure('Rapporter')).getByText('4')).toBeInTheDocument();
    // 4 against 2 the year before: counts, not "100 % fler" (too few for a percentage).
    expect(within(figure('Rapporter')).getByText(/: 4 mot 2$/)).toBeInTheDocument();
    expect(within(figure('Allvarliga händelser')).getByText('1')).toBeInTheDocument();
    expect(within(figure('Öppna rapporter')).getByText('3')).toBeInTheDocument();

    // Every chart has its numbers as a real table.
    const byType = screen.getByRole('figure', { name: 'Rapporter per händelsetyp' });
    const rows = within(byType).getAllByRole('row');
    const tillbud = rows.find((r) => within(r).queryByText('Tillbud'))!;
    expect(within(tillbud).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0']);

    const deadlines = screen.getByRole('region', { name: 'Öppna händelser med myndighetsfrister' });
    expect(within(deadlines).getByRole('link', { name: 'Allvarlig vårdskada' })).toHaveAttribute('href', '#/rapport/2');
    expect(within(deadlines).getByText('Lex Maria (IVO)')).toBeInTheDocument();

    const perArea = screen.getByRole('region', { name: 'Per säkerhetsområde' });
    const patient = within(perArea).getByRole('rowheader', { name: 'Patientsäkerhet' }).closest('tr')!;
    expect(within(patient).getAllByRole('cell').slice(0, 3).map((c) => c.textContent)).toEqual(['3', '1', '2']);
  });

  it('narrows to one area from the area menu', async () => {
    renderApp(situationServices(), { name: 'situation', year: YEAR });
    fireEvent.change(await screen.findByLabelText('Säkerhetsområde'), { target: { value: 'arbetsmiljo' } });
    // The choice is applied when the user says so, not when the list's value changes.
    expect(screen.getByRole('list', { name: /Hela regionen/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Visa' }));
    const figures = await screen.findByRole('list', { name: /Arbetsmiljö/ });
    expect(await findMessage('status')).toHaveTextContent(`Lägesbilden visar ${YEAR}, Arbetsmiljö.`);
    expect(within(within(figures).getByText('Rapporter').closest('li')!).getByText('1')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Per säkerhetsområde' })).not.toBeInTheDocument();
  });

  it('stores a computed outcome that changed, with the goal\'s version, and says so', async () => {
    const services = situationServices();
    renderApp(services, { name: 'situation', year: YEAR });
    await waitFor(() => expect(services.goals.storeOutcomes).toHaveBeenCalledTimes(1));
    const [outcomes] = (services.goals.storeOutcomes as jest.Mock).mock.calls[0];
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].goal).toMatchObject({ id: 2, etag: '"4"' });
    // One near miss in patientsäkerhet (fact 1): counted 1, from 1 report; a count holds until a report changes.
    expect(outcomes[0].indicator).toEqual({ value: 1, basis: 1 });
    expect(await screen.findByText(/De beräknade utfallen är sparade/)).toBeInTheDocument();
  });

  it('does not claim outcomes were stored when someone saved the goal first', async () => {
    const services = situationServices();
    (services.goals.storeOutcomes as jest.Mock).mockResolvedValue(0);
    renderApp(services, { name: 'situation', year: YEAR });
    await waitFor(() => expect(services.goals.storeOutcomes).toHaveBeenCalled());
    await screen.findByRole('figure', { name: 'Rapporter per händelsetyp' });
    expect(screen.queryByText(/De beräknade utfallen är sparade/)).not.toBeInTheDocument();
  });

  it('stores nothing for someone who may not edit goals', async () => {
    const services = situationServices({ ...OWNER, canEditGoals: false });
    renderApp(services, { name: 'situation', year: YEAR });
    await screen.findByRole('figure', { name: 'Rapporter per händelsetyp' });
    expect(services.goals.storeOutcomes).not.toHaveBeenCalled();
  });

  it('explains a failure and loads again on request', async () => {
    const services = situationServices();
    (services.views.loadSituation as jest.Mock).mockRejectedValueOnce(new ServiceError('throttled', 'Too many requests', 429));
    renderApp(services, { name: 'situation', year: YEAR });
    expect(await findMessage()).toHaveTextContent('SharePoint är hårt belastat just nu. Vänta en stund och försök igen.');
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByRole('figure', { name: 'Rapporter per händelsetyp' })).toBeInTheDocument();
  });

  it('offers a year given in the address even when it is older than the menu\'s years', async () => {
    renderApp(situationServices(), { name: 'situation', year: YEAR - 6 });
    expect(await screen.findByLabelText('År')).toHaveValue(String(YEAR - 6));
  });
});

describe('säkerhetsberättelse', () => {
  function annualServices(): ReturnType<typeof fakeServices> {
    const services = fakeServices(OWNER);
    (services.views.loadAnnualReport as jest.Mock).mockImplementation(async (year: number) => ({
      year,
      areas: AREAS,
      user: OWNER,
      timeZone: SITE_ZONE,
      goals: GOALS,
      facts: [...FACTS, fact({ id: 7, areaId: 1, eventType: 'risk', severity: 'serious', title: 'Hot i receptionen' })],
      analyses: new Map([[7, 'Ensamarbete i receptionen kvällstid.']]),
      completedActions: [{ id: 1, etag: '"1"', incidentId: 7, title: 'Larmknapp installerad', dueDate: new Date(), status: 'done', completedAt: new Date() } as IAction]
    }));
    return services;
  }

  it('says a year with nothing in the lists has nothing to tell, instead of fourteen sections of zeros', async () => {
    const services = fakeServices(OWNER);
    (services.views.loadAnnualReport as jest.Mock).mockImplementation(async (year: number) => ({ year, areas: AREAS, user: OWNER, timeZone: SITE_ZONE, goals: [], facts: [], analyses: new Map(), completedActions: [] }));
    renderApp(services, { name: 'annualReport', year: 2019 });
    expect(await screen.findByText('Listorna har inga rapporter, mål, riskbedömningar eller genomförda åtgärder för 2019. Välj ett annat år i lägesbilden.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Arbetsmiljö' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Word/ })).not.toBeInTheDocument();
  });

  it('writes each area\'s section from the lists, with the owners\' texts carried in', async () => {
    renderApp(annualServices(), { name: 'annualReport', year: YEAR });
    expect(await screen.findByRole('heading', { name: `Säkerhetsberättelse ${YEAR}`, level: 1 })).toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'Arbetsmiljö' });
    expect(within(section).getByText(/Ensamarbete i receptionen kvällstid\./)).toBeInTheDocument();
    expect(within(section).getByText(/Larmknapp installerad \(Hot i receptionen\)/)).toBeInTheDocument();
    expect(within(section).getByText('Hot i receptionen')).toBeInTheDocument();
    const patient = screen.getByRole('region', { name: 'Patientsäkerhet' });
    expect(within(patient).getAllByText(/Riskbedömning vid inskrivning\./).length).toBeGreaterThan(0);
    // No reporter is ever named.
    expect(document.body.textContent).not.toContain('Anna Lind');
  });

  it('keeps the line breaks of a goal\'s follow-up on screen and in print', async () => {
    const services = annualServices();
    const base = await (services.views.loadAnnualReport as jest.Mock)(YEAR);
    (services.views.loadAnnualReport as jest.Mock).mockResolvedValueOnce({ ...base, goals: base.goals.map((g: IGoal, i: number) => (i === 0 ? { ...g, followUp: 'Rad 1\nRad 2\n\nStycke 2' } : g)) });
    renderApp(services, { name: 'annualReport', year: YEAR });
    // In the goal table's note, in its card on a phone, and in the follow-up list alike.
    const found = await screen.findAllByText(/Rad 1/);
    expect(found).toHaveLength(3);
    for (const element of found.map((match) => (match.tagName === 'P' ? match : match.closest('li')!))) {
      expect(element.textContent).toContain('Rad 1\nRad 2\n\nStycke 2');
      // pre-line: the text's own line breaks are shown (and printed) as line breaks.
      expect(getComputedStyle(element).whiteSpace).toBe('pre-line');
    }
  });

  it('downloads the Word document, and says so when it could not be made', async () => {
    renderApp(annualServices(), { name: 'annualReport', year: YEAR });
    const button = await screen.findByRole('button', { name: 'Ladda ner som Word-dokument' });
    // jsdom has no object URLs; stand in for the browser's.
    const blobs: Blob[] = [];
    const clicked: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        blobs.push(b);
        return 'blob:docx';
      },
      revokeObjectURL: () => undefined
    });
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(clicked).toEqual([`Sakerhetsberattelse-${YEAR}.docx`]));
    const zip = await JSZip.loadAsync(blobs[0]);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Hot i receptionen');

    Object.assign(URL, {
      createObjectURL: () => {
        throw new Error('blocked by the browser');
      }
    });
    await act(async () => {
      fireEvent.click(button);
    });
    expect(await findMessage()).toHaveTextContent('Ett oväntat fel inträffade. Försök igen om en stund. Kvarstår felet, kontakta IT-supporten.');
    expect(screen.getByRole('button', { name: 'Ladda ner som Word-dokument' })).toBeEnabled();
    click.mockRestore();
  });
});

describe('case handling', () => {
  const actions: IAction[] = [{ id: 5, etag: '"1"', incidentId: 7, title: 'Byt golvmatta', owner: { id: 11, displayName: 'Erik Holm' }, dueDate: new Date(Date.now() + 10 * DAY), status: 'planned' }];

  function caseServices(withActions: IAction[] = []): ReturnType<typeof fakeServices> {
    const services = fakeServices(OWNER);
    (services.views.loadCase as jest.Mock).mockResolvedValue({ areas: AREAS, user: OWNER, timeZone: SITE_ZONE, report: { ...incident({ lexMaria: true, severity: 'serious' }), attachments: [] }, actions: withActions, handles: true });
    return services;
  }

  it('staff see the status of their report but not the case handling', async () => {
    renderApp(fakeServices(STAFF), { name: 'reportDetail', id: 7 });
    expect(await screen.findByRole('heading', { name: 'Patient föll' })).toBeInTheDocument();
    // Among the report's facts, and again in her feedback section (since when).
    expect(screen.getByText('Status').nextElementSibling).toHaveTextContent('Ny');
    expect(screen.getByRole('region', { name: 'Återkoppling' })).toHaveTextContent('Ny sedan');
    expect(screen.queryByRole('heading', { name: 'Handläggning' })).not.toBeInTheDocument();
  });

  it('moves a report on with an investigator and an analysis', async () => {
    const services = caseServices();
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.change(await screen.findByLabelText('Status'), { target: { value: 'investigating' } });
    fireEvent.change(screen.getByLabelText('Utredare'), { target: { value: 'Erik' } });
    fireEvent.mouseDown(await screen.findByRole('option', { name: /Erik Holm/ }));
    fireEvent.change(screen.getByLabelText(/^Analys/), { target: { value: 'Hal golvyta.' } });
    fireEvent.change(screen.getByLabelText('Anmäld till myndighet (datum)'), { target: { value: '2026-11-21' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    expect(await screen.findByText('Handläggningen är sparad.')).toBeInTheDocument();
    const [base, change] = (services.incidents.updateCase as jest.Mock).mock.calls[0];
    expect(base.etag).toBe('"1"');
    expect(change).toMatchObject({ status: 'investigating', investigatorId: 11, analysis: 'Hal golvyta.' });
    expect(change.authorityReportedAt).toEqual(new Date('2026-11-21T11:00:00Z'));
  });

  it('closing a named report mails its reporter; when the mail cannot go, the report is closed and the owner gets a quiet note', async () => {
    for (const outcome of ['sent', 'notApproved'] as const) {
      const services = caseServices();
      (services.notifications.reportClosed as jest.Mock).mockResolvedValue({ outcome, recipients: outcome === 'sent' ? 1 : 0 });
      const { unmount } = renderApp(services, { name: 'reportDetail', id: 7 });
      fireEvent.change(await screen.findByLabelText('Status'), { target: { value: 'closed' } });
      fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
      await screen.findByText('Handläggningen är sparad.');
      await waitFor(() => expect(services.notifications.reportClosed).toHaveBeenCalledTimes(1));
      expect((services.notifications.reportClosed as jest.Mock).mock.calls[0][0]).toMatchObject({ id: 7, status: 'closed' });
      const note = 'Rapportören kunde inte få ett e-postmeddelande om att rapporten är avslutad. Meddela gärna rapportören på annat sätt.';
      if (outcome === 'sent') {
        // Give a note the chance to appear: none does.
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(screen.queryByText(note)).not.toBeInTheDocument();
      } else {
        // In the status region with the saved message, not as an alert: the closing succeeded.
        expect(await screen.findByText(note)).toBeInTheDocument();
        expect(screen.getByText(note).closest('[role="status"]')).not.toBeNull();
      }
      unmount();
    }
  });

  it('chooses a person by what the directory search found, added to the site first (ensurePerson)', async () => {
    const services = caseServices();
    (services.users.searchPeople as jest.Mock).mockResolvedValueOnce([{ key: 'i:0#.f|membership|maja.lindqvist@region.example', displayName: 'Maja Lindqvist', email: 'maja.lindqvist@region.example' }]);
    (services.users.ensurePerson as jest.Mock).mockResolvedValueOnce({ id: 42, displayName: 'Maja Lindqvist', email: 'maja.lindqvist@region.example' });
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.change(await screen.findByLabelText('Utredare'), { target: { value: 'lindq' } });
    fireEvent.mouseDown(await screen.findByRole('option', { name: /Maja Lindqvist/ }));
    expect(await screen.findByDisplayValue('Maja Lindqvist')).toBeInTheDocument();
    expect(services.users.ensurePerson).toHaveBeenCalledWith(expect.objectContaining({ key: 'i:0#.f|membership|maja.lindqvist@region.example' }));
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    expect(await screen.findByText('Handläggningen är sparad.')).toBeInTheDocument();
    expect((services.incidents.updateCase as jest.Mock).mock.calls[0][1]).toMatchObject({ investigatorId: 42 });
  });

  it('says in the status region why a search or a choice failed, in Swedish and in English, and keeps what was typed', async () => {
    for (const [locale, searchFailed, notAdded] of [
      ['sv-SE', 'Det gick inte att söka efter personer: ', 'Det gick inte att välja Maja Lindqvist: '],
      ['en-US', 'Could not search for people: ', 'Maja Lindqvist could not be chosen: ']
    ] as const) {
      const services = caseServices();
      (services.users.searchPeople as jest.Mock)
        .mockRejectedValueOnce(new ServiceError('throttled', 'Too Many Requests', 429))
        .mockResolvedValueOnce([{ key: 'i:0#.f|membership|maja.lindqvist@region.example', displayName: 'Maja Lindqvist' }]);
      (services.users.ensurePerson as jest.Mock).mockRejectedValueOnce(new ServiceError('forbidden', 'Access denied', 403));
      const { unmount } = renderApp(services, { name: 'reportDetail', id: 7 }, { host: { ...SHAREPOINT, locale } });
      const field = await screen.findByRole('combobox', { name: locale === 'sv-SE' ? 'Utredare' : 'Investigator' });
      fireEvent.change(field, { target: { value: 'lindq' } });
      const status = await screen.findByText((text) => text.startsWith(searchFailed));
      expect(status).toHaveAttribute('role', 'status');
      expect(field).toHaveValue('lindq');
      fireEvent.change(field, { target: { value: 'lindqv' } });
      fireEvent.mouseDown(await screen.findByRole('option', { name: /Maja Lindqvist/ }));
      expect(await screen.findByText((text) => text.startsWith(notAdded))).toHaveAttribute('role', 'status');
      expect(field).toHaveValue('lindqv');
      expect(services.incidents.updateCase).not.toHaveBeenCalled();
      unmount();
    }
  });

  it('a save started while the chosen person is still being added to the site waits for them; if adding fails, nothing is saved', async () => {
    for (const outcome of ['added', 'refused'] as const) {
      const services = caseServices();
      let settle: (added: boolean) => void = () => undefined;
      (services.users.ensurePerson as jest.Mock).mockImplementationOnce(
        (p: { displayName: string }) =>
          new Promise((resolve, reject) => {
            settle = (added) => (added ? resolve({ id: 42, displayName: p.displayName }) : reject(new ServiceError('forbidden', 'Access denied', 403)));
          })
      );
      const { unmount } = renderApp(services, { name: 'reportDetail', id: 7 });
      fireEvent.change(await screen.findByLabelText(/^Analys/), { target: { value: 'Hal golvyta.' } });
      fireEvent.change(screen.getByLabelText('Utredare'), { target: { value: 'Erik' } });
      fireEvent.mouseDown(await screen.findByRole('option', { name: /Erik Holm/ }));
      fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(services.incidents.updateCase).not.toHaveBeenCalled();
      await act(async () => settle(outcome === 'added'));
      if (outcome === 'added') {
        expect(await screen.findByText('Handläggningen är sparad.')).toBeInTheDocument();
        expect((services.incidents.updateCase as jest.Mock).mock.calls[0][1]).toMatchObject({ investigatorId: 42, analysis: 'Hal golvyta.' });
      } else {
        expect(await screen.findByText((text) => text.startsWith('Det gick inte att välja Erik Holm: '))).toHaveAttribute('role', 'status');
        expect(services.incidents.updateCase).not.toHaveBeenCalled();
        expect(screen.getByLabelText(/^Analys/)).toHaveValue('Hal golvyta.');
      }
      unmount();
    }
  });

  it("a status change stores the area's computed goals afresh; when that fails the save stands and nothing is said", async () => {
    for (const refresh of ['stored', 'failed', 'rejected'] as const) {
      const services = caseServices();
      const reportChanged = services.outcomes.reportChanged as jest.Mock;
      if (refresh === 'rejected') {
        reportChanged.mockRejectedValue(new Error('network'));
      } else {
        reportChanged.mockResolvedValue({ outcome: refresh, stored: refresh === 'stored' ? 2 : 0 });
      }
      const { unmount } = renderApp(services, { name: 'reportDetail', id: 7 });
      fireEvent.change(await screen.findByLabelText('Status'), { target: { value: 'closed' } });
      fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
      expect(await screen.findByText('Handläggningen är sparad.')).toBeInTheDocument();
      await waitFor(() => expect(reportChanged).toHaveBeenCalledTimes(1));
      expect(reportChanged.mock.calls[0][0]).toMatchObject({ id: 7, status: 'closed' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(screen.getByText('Handläggningen är sparad.')).toBeInTheDocument();
      // Nothing is said about goals: the save succeeded, and the next write or lägesbild computes them.
      expect(screen.queryByText(/mål/i)).toBeNull();
      unmount();
    }
  });

  it('saving without a status change computes no goals', async () => {
    const services = caseServices();
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.change(await screen.findByLabelText(/^Analys/), { target: { value: 'Hal golvyta.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    await screen.findByText('Handläggningen är sparad.');
    expect(services.outcomes.reportChanged).not.toHaveBeenCalled();
  });

  it('saving without closing mails nobody', async () => {
    const services = caseServices();
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.change(await screen.findByLabelText('Status'), { target: { value: 'investigating' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    await screen.findByText('Handläggningen är sparad.');
    expect(services.notifications.reportClosed).not.toHaveBeenCalled();
  });

  it('will not close a report with open actions, and says why', async () => {
    const services = caseServices(actions);
    (services.incidents.updateCase as jest.Mock).mockRejectedValueOnce(new ServiceError('rule', 'open actions', 400, 'openActions'));
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.change(await screen.findByLabelText('Status'), { target: { value: 'closed' } });
    expect(screen.getByText('Rapporten kan inte avslutas medan den har åtgärder som inte är klara.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    expect(await findMessage()).toHaveTextContent('Rapporten kan inte avslutas medan den har åtgärder som inte är klara.');
  });

  it('catches a conflicting save: shows what the other owner saved and keeps what this one typed', async () => {
    const services = caseServices();
    (services.incidents.updateCase as jest.Mock).mockRejectedValueOnce(new ServiceError('conflict', 'Precondition failed', 412));
    (services.incidents.getReport as jest.Mock).mockResolvedValueOnce({
      ...incident({ status: 'investigating', analysis: 'Deras analys.', etag: '"3"', modified: new Date('2026-11-30T13:05:00Z'), editor: { id: 12, displayName: 'Maria Berg' } }),
      attachments: []
    });
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.change(await screen.findByLabelText(/^Analys/), { target: { value: 'Min analys.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    const alert = await findMessage();
    expect(alert).toHaveTextContent('Någon annan har sparat ändringar');
    // Who saved first, and when (13:05 UTC is 14:05 in Stockholm).
    expect(alert).toHaveTextContent('Sparades av Maria Berg 30 nov. 2026 14:05.');
    expect(alert).toHaveTextContent('Analys: Deras analys.');
    expect(alert).toHaveTextContent('Status: Under utredning');
    // What this owner typed stays; what only the other owner changed is taken over, so saving
    // again does not undo their status change.
    expect(screen.getByLabelText(/^Analys/)).toHaveValue('Min analys.');
    expect(screen.getByLabelText('Status')).toHaveValue('investigating');
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    await screen.findByText('Handläggningen är sparad.');
    const [base, change] = (services.incidents.updateCase as jest.Mock).mock.calls[1];
    expect(base.etag).toBe('"3"');
    expect(change).toMatchObject({ status: 'investigating', analysis: 'Min analys.' });
  });

  it('adds an action only with title, owner and due date, and marks it done', async () => {
    const services = caseServices(actions);
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.click(await screen.findByRole('button', { name: 'Lägg till åtgärd' }));
    // Each field is marked required and says what is wrong with it; focus goes to the first.
    for (const [name, message] of [
      [/^Åtgärd \*$/, 'Åtgärd måste fyllas i.'],
      [/^Ansvarig \*$/, 'Ansvarig måste fyllas i.'],
      [/^Klart senast \*$/, 'Klart senast måste fyllas i.']
    ] as const) {
      const field = screen.getByLabelText(name);
      expect(field).toHaveAttribute('aria-required', 'true');
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field).toHaveAccessibleDescription(message);
    }
    expect(screen.getByLabelText(/^Åtgärd \*$/)).toHaveFocus();
    expect(services.actions.addAction).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText(/^Åtgärd \*$/), { target: { value: 'x'.repeat(256) } });
    fireEvent.change(screen.getByLabelText(/^Ansvarig \*$/), { target: { value: 'Er' } });
    fireEvent.mouseDown(await screen.findByRole('option', { name: /Erik Holm/ }));
    // Choosing adds the person to the site first (ensurePerson, a request): then the field shows him.
    expect(await screen.findByDisplayValue('Erik Holm')).toHaveAttribute('readonly');
    fireEvent.change(screen.getByLabelText(/^Klart senast \*$/), { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till åtgärd' }));
    expect(screen.getByLabelText(/^Åtgärd \*$/)).toHaveAccessibleDescription('Åtgärd får vara högst 255 tecken.');
    expect(screen.getByLabelText(/^Åtgärd \*$/)).toHaveFocus();

    fireEvent.change(screen.getByLabelText(/^Åtgärd \*$/), { target: { value: '  Utbilda personalen  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till åtgärd' }));
    expect(await findMessage('status')).toHaveTextContent('Åtgärden ”Utbilda personalen” är tillagd.');
    expect(screen.getByText('Utbilda personalen', { selector: 'strong' })).toBeInTheDocument();
    expect((services.actions.addAction as jest.Mock).mock.calls[0]).toEqual([7, { title: 'Utbilda personalen', ownerId: 11, dueDate: '2026-12-31' }]);

    const existing = screen.getByText('Byt golvmatta').closest('li')!;
    fireEvent.click(within(existing).getByRole('button', { name: 'Markera som klar' }));
    expect(await within(existing).findByText('Klar')).toBeInTheDocument();
    expect(await findMessage('status')).toHaveTextContent('Åtgärden ”Byt golvmatta” har nu status Klar.');
  });

  it('keeps what was typed when saving the case fails, and says what to do', async () => {
    const services = caseServices();
    (services.incidents.updateCase as jest.Mock).mockRejectedValueOnce(new ServiceError('offline', 'Failed to fetch'));
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.change(await screen.findByLabelText(/^Analys/), { target: { value: 'Halkigt golv.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    expect(await findMessage()).toHaveTextContent('SharePoint gick inte att nå. Kontrollera nätverksanslutningen och försök igen.');
    expect(screen.getByLabelText(/^Analys/)).toHaveValue('Halkigt golv.');
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    expect(await screen.findByText('Handläggningen är sparad.')).toBeInTheDocument();
  });

  it('keeps the new action when adding it fails, and says why', async () => {
    const services = caseServices();
    (services.actions.addAction as jest.Mock).mockRejectedValueOnce(new ServiceError('forbidden', 'Access denied', 403));
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.change(await screen.findByLabelText(/^Åtgärd \*$/), { target: { value: 'Ny rutin för dusch' } });
    fireEvent.change(screen.getByLabelText(/^Ansvarig \*$/), { target: { value: 'Er' } });
    fireEvent.mouseDown(await screen.findByRole('option', { name: /Erik Holm/ }));
    fireEvent.change(screen.getByLabelText(/^Klart senast \*$/), { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till åtgärd' }));
    expect(await findMessage()).toHaveTextContent(/behörighet/);
    expect(screen.getByLabelText(/^Åtgärd \*$/)).toHaveValue('Ny rutin för dusch');
    expect(screen.getByText('Inga åtgärder är beslutade.')).toBeInTheDocument();
  });

  it('shows the other owner\'s action when marking it conflicts', async () => {
    const services = caseServices(actions);
    (services.actions.setActionStatus as jest.Mock).mockRejectedValueOnce(new ServiceError('conflict', 'Precondition failed', 412));
    (services.actions.getActions as jest.Mock).mockResolvedValueOnce([{ ...actions[0], status: 'ongoing', etag: '"2"' }]);
    renderApp(services, { name: 'reportDetail', id: 7 });
    const existing = (await screen.findByText('Byt golvmatta')).closest('li')!;
    fireEvent.click(within(existing).getByRole('button', { name: 'Markera som klar' }));
    expect(await findMessage()).toHaveTextContent('Någon annan har ändrat detta under tiden. Ladda om och gör din ändring igen.');
    expect(await screen.findByText('Pågår')).toBeInTheDocument();
  });
});

describe('actions: edited, removed while planned, done with the date', () => {
  const planned: IAction = { id: 5, etag: '"1"', incidentId: 7, title: 'Byt golvmatta', owner: { id: 11, displayName: 'Erik Holm' }, dueDate: new Date('2026-12-14T23:00:00Z'), status: 'planned' };
  const done: IAction = { id: 6, etag: '"3"', incidentId: 7, title: 'Skylta våt yta', owner: { id: 11, displayName: 'Erik Holm' }, dueDate: new Date('2026-11-19T23:00:00Z'), status: 'done', completedAt: new Date('2026-11-17T23:00:00Z') };

  function caseServices(): ReturnType<typeof fakeServices> {
    const services = fakeServices(OWNER);
    (services.views.loadCase as jest.Mock).mockResolvedValue({ areas: AREAS, user: OWNER, timeZone: SITE_ZONE, report: { ...incident(), attachments: [] }, actions: [planned, done], handles: true });
    return services;
  }

  it('shows a done action\'s completion day (the site\'s calendar) and offers no changes to it', async () => {
    renderApp(caseServices(), { name: 'reportDetail', id: 7 });
    const item = (await screen.findByText('Skylta våt yta')).closest('li')!;
    // 2026-11-17T23:00Z is midnight of 18 November in Stockholm, the day SharePoint stores.
    expect(item).toHaveTextContent('Klar 18 nov. 2026');
    expect(within(item).queryByRole('button')).not.toBeInTheDocument();
  });

  it('edits an action in place: the form opens on its title, and the change is saved with the action\'s ETag', async () => {
    const services = caseServices();
    renderApp(services, { name: 'reportDetail', id: 7 });
    const item = (await screen.findByText('Byt golvmatta')).closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Ändra' }));
    const title = within(item).getByLabelText(/^Åtgärd \*$/);
    expect(title).toHaveFocus();
    expect(title).toHaveValue('Byt golvmatta');
    expect(within(item).getByLabelText(/^Klart senast \*$/)).toHaveValue('2026-12-15');
    fireEvent.change(title, { target: { value: '' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Spara åtgärden' }));
    expect(title).toHaveAccessibleDescription('Åtgärd måste fyllas i.');
    expect(services.actions.updateAction).not.toHaveBeenCalled();
    fireEvent.change(title, { target: { value: 'Byt golvmatta i korridor B' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Spara åtgärden' }));
    expect(await findMessage('status')).toHaveTextContent('Åtgärden ”Byt golvmatta i korridor B” är ändrad.');
    expect((services.actions.updateAction as jest.Mock).mock.calls[0]).toEqual([planned, { title: 'Byt golvmatta i korridor B', ownerId: 11, dueDate: '2026-12-15' }]);
    expect(screen.getByText('Byt golvmatta i korridor B', { selector: 'strong' })).toBeInTheDocument();
  });

  it('after a conflict says who saved the action and when, shows theirs and keeps what was typed', async () => {
    const services = caseServices();
    (services.actions.updateAction as jest.Mock).mockRejectedValueOnce(new ServiceError('conflict', 'Precondition failed', 412));
    const theirs: IAction = { ...planned, etag: '"2"', status: 'ongoing', modified: new Date('2026-11-30T13:05:00Z'), editor: { id: 12, displayName: 'Maria Berg' } };
    (services.actions.getActions as jest.Mock).mockResolvedValueOnce([theirs, done]);
    renderApp(services, { name: 'reportDetail', id: 7 });
    const item = (await screen.findByText('Byt golvmatta')).closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Ändra' }));
    fireEvent.change(within(item).getByLabelText(/^Åtgärd \*$/), { target: { value: 'Min nya rubrik' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Spara åtgärden' }));
    // 13:05 UTC is 14:05 in Stockholm.
    expect(await findMessage()).toHaveTextContent('Någon annan har sparat åtgärden medan du arbetade. Den sparade versionen visas nu och det du skrev finns kvar. Granska och spara på nytt. Sparades av Maria Berg 30 nov. 2026 14:05.');
    expect(within(item).getByText('Pågår')).toBeInTheDocument();
    expect(within(item).getByLabelText(/^Åtgärd \*$/)).toHaveValue('Min nya rubrik');
    // Saving again goes with their version's ETag.
    fireEvent.click(within(item).getByRole('button', { name: 'Spara åtgärden' }));
    await findMessage('status');
    expect((services.actions.updateAction as jest.Mock).mock.calls[1][0].etag).toBe('"2"');
  });

  it('removes a planned action and puts focus on the actions\' heading; a failed removal keeps it', async () => {
    const services = caseServices();
    (services.actions.removeAction as jest.Mock).mockRejectedValueOnce(new ServiceError('forbidden', 'Access denied', 403));
    renderApp(services, { name: 'reportDetail', id: 7 });
    const item = (await screen.findByText('Byt golvmatta')).closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Radera' }));
    expect(await findMessage()).toHaveTextContent(/behörighet/);
    expect(screen.getByText('Byt golvmatta')).toBeInTheDocument();
    fireEvent.click(within(item).getByRole('button', { name: 'Radera' }));
    expect(await findMessage('status')).toHaveTextContent('Åtgärden ”Byt golvmatta” är borttagen.');
    expect(screen.queryByText('Byt golvmatta')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Åtgärder' })).toHaveFocus();
    expect(services.actions.removeAction).toHaveBeenCalledTimes(2);
  });

  it('says an action already started cannot be removed', async () => {
    const services = caseServices();
    (services.actions.removeAction as jest.Mock).mockRejectedValueOnce(new ServiceError('rule', 'Only a planned action can be removed.', 400, 'actionStarted'));
    renderApp(services, { name: 'reportDetail', id: 7 });
    const item = (await screen.findByText('Byt golvmatta')).closest('li')!;
    fireEvent.click(within(item).getByRole('button', { name: 'Radera' }));
    expect(await findMessage()).toHaveTextContent('Åtgärden har redan påbörjats och kan inte tas bort.');
  });
});

describe('nothing typed is lost', () => {
  function caseServices(status: 'new' | 'closed' = 'new'): ReturnType<typeof fakeServices> {
    const services = fakeServices(OWNER);
    const report = { ...incident({ status, analysis: status === 'closed' ? 'Hal golvyta.' : '', closedAt: status === 'closed' ? new Date(Date.UTC(2026, 10, 20, 11)) : undefined }), attachments: [] };
    (services.views.loadCase as jest.Mock).mockResolvedValue({ areas: AREAS, user: OWNER, timeZone: SITE_ZONE, report, actions: [], handles: true });
    return services;
  }
  const navLink = (name: string): HTMLElement => within(screen.getByRole('navigation', { name: 'Säkerhet' })).getByRole('link', { name });

  it('asks before another view replaces unsaved edits; staying keeps them, leaving goes', async () => {
    const services = caseServices();
    renderApp(services, { name: 'reportDetail', id: 7 }, { mode: 'app' });
    const analysis = await screen.findByLabelText(/^Analys/);
    // Nothing typed yet: no question.
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    fireEvent.change(analysis, { target: { value: 'Min analys.' } });
    analysis.focus();
    fireEvent.click(navLink('Mina rapporter'));
    const dialog = await screen.findByRole('alertdialog', { name: 'Du har ändringar som inte är sparade' });
    expect(dialog).toHaveAccessibleDescription(/försvinner det du har skrivit/);
    expect(within(dialog).getByRole('button', { name: 'Stanna kvar' })).toHaveFocus();
    expect(services.views.loadMyReports).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Stanna kvar' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText(/^Analys/)).toHaveValue('Min analys.');
    expect(screen.getByLabelText(/^Analys/)).toHaveFocus();

    fireEvent.click(navLink('Mina rapporter'));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Lämna utan att spara' }));
    await waitFor(() => expect(services.views.loadMyReports).toHaveBeenCalled());
    expect(screen.queryByLabelText(/^Analys/)).not.toBeInTheDocument();
  });

  it('leaves without asking once the edits are saved, and asks for a half-written action too', async () => {
    const services = caseServices();
    renderApp(services, { name: 'reportDetail', id: 7 }, { mode: 'app' });
    fireEvent.change(await screen.findByLabelText(/^Åtgärd \*$/), { target: { value: 'Ny rutin' } });
    fireEvent.click(navLink('Mina rapporter'));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Stanna kvar' }));
    fireEvent.change(screen.getByLabelText(/^Åtgärd \*$/), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText(/^Analys/), { target: { value: 'Hal golvyta.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    await screen.findByText('Handläggningen är sparad.');
    fireEvent.click(navLink('Mina rapporter'));
    await waitFor(() => expect(services.views.loadMyReports).toHaveBeenCalled());
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('shows a closed report read-only until it is reopened, and reopening can be undone', async () => {
    const services = caseServices('closed');
    renderApp(services, { name: 'reportDetail', id: 7 });
    expect(await screen.findByText(/Rapporten är avslutad\. Handläggningen visas som den sparades/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Analys/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Spara handläggningen' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lägg till åtgärd' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Hal golvyta.').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: 'Öppna rapporten igen' }));
    expect(screen.getByLabelText('Status')).toHaveValue('investigating');
    expect(screen.getByLabelText('Status')).toHaveFocus();
    expect(screen.getByLabelText(/^Analys/)).toHaveValue('Hal golvyta.');
    fireEvent.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByLabelText(/^Analys/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Öppna rapporten igen' })).toHaveFocus();
    expect(services.incidents.updateCase).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Öppna rapporten igen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    await screen.findByText('Handläggningen är sparad.');
    expect((services.incidents.updateCase as jest.Mock).mock.calls[0][1]).toMatchObject({ status: 'investigating' });
  });

  it('keeps a reopened report editable and the edits when reopening fails to save', async () => {
    const services = caseServices('closed');
    (services.incidents.updateCase as jest.Mock).mockRejectedValueOnce(new ServiceError('offline', 'Failed to fetch'));
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.click(await screen.findByRole('button', { name: 'Öppna rapporten igen' }));
    fireEvent.change(screen.getByLabelText(/^Analys/), { target: { value: 'Ny bedömning.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    expect(await findMessage()).toHaveTextContent('SharePoint gick inte att nå.');
    expect(screen.getByLabelText(/^Analys/)).toHaveValue('Ny bedömning.');
    expect(screen.getByLabelText('Status')).toHaveValue('investigating');
  });
});

describe('merging after a conflict', () => {
  const base: ICaseForm = { status: 'new', analysis: '', reportedOn: '', reporterMessage: '', riskId: '' };
  it('keeps both owners\' changes to different fields, and this owner\'s where both changed one', () => {
    const mine: ICaseForm = { ...base, analysis: 'Min.', reportedOn: '2026-11-01' };
    const theirs: ICaseForm = { ...base, status: 'investigating', analysis: 'Deras.', investigator: { id: 12, displayName: 'Maria Berg' } };
    const { merged, theirChanges } = mergeCaseForms(base, mine, theirs);
    expect(merged).toEqual({ status: 'investigating', analysis: 'Min.', reportedOn: '2026-11-01', reporterMessage: '', riskId: '', investigator: { id: 12, displayName: 'Maria Berg' } });
    expect(theirChanges).toEqual(['status', 'investigator', 'analysis']);
  });

  it("keeps the other owner's link to a risk when this one changed something else, and names it as their change", () => {
    const { merged, theirChanges } = mergeCaseForms(base, { ...base, analysis: 'Min.' }, { ...base, riskId: '41' });
    expect([merged.riskId, merged.analysis]).toEqual(['41', 'Min.']);
    expect(theirChanges).toEqual(['riskId']);
  });

  it('takes a cleared value of the other owner when this one left the field alone', () => {
    const withPerson: ICaseForm = { ...base, investigator: { id: 11, displayName: 'Erik Holm' } };
    expect(mergeCaseForms(withPerson, withPerson, base).merged.investigator).toBeUndefined();
  });
});
