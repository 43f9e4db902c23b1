/**
 * Each view's states – loading, error, empty, done – with fake services, rendered as a host
 * mounts the app.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ServiceError } from '../../src/services/errors';
import { AREAS, DOCUMENTS, OWNER, SITE_ZONE, STAFF, fakeServices, incident, renderApp } from './fakes';

function deferred<T>(): { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void } {
  let settle!: { resolve: (v: T) => void; reject: (e: unknown) => void };
  const promise = new Promise<T>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return { promise, resolve: (v) => settle.resolve(v), reject: (e) => settle.reject(e) };
}

describe('start page', () => {
  it('says it is loading, then shows the areas with the open reports the user may see', async () => {
    const services = fakeServices(STAFF);
    const pending = deferred<Awaited<ReturnType<typeof services.views.loadStart>>>();
    (services.views.loadStart as jest.Mock).mockReturnValueOnce(pending.promise);
    renderApp(services, { name: 'overview' }, { mode: 'app' });
    expect(screen.getByRole('status')).toHaveTextContent('Hämtar säkerhetsområdena…');
    pending.resolve({ areas: AREAS, user: STAFF, timeZone: SITE_ZONE, openCounts: new Map([[2, 3]]), handledAreaIds: new Set() });
    expect(await screen.findByText('2 av 2 områden visas')).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Patientsäkerhet' })).toHaveAttribute('href', '#/omrade/patientsakerhet');
    expect(screen.getByText('Du har 3 öppna rapporter')).toBeInTheDocument();
    expect(screen.getByText('En trygg arbetsmiljö för alla.')).toBeInTheDocument();
  });

  it('counts all open reports for someone who handles reports', async () => {
    renderApp(fakeServices(OWNER), { name: 'overview' }, { mode: 'app' });
    expect(await screen.findByText('3 öppna rapporter')).toBeInTheDocument();
  });

  it('filters the areas as the user types, ignoring case and accents', async () => {
    renderApp(fakeServices(), { name: 'overview' }, { mode: 'app' });
    const search = await screen.findByLabelText('Sök säkerhetsområde');
    fireEvent.change(search, { target: { value: 'PATIENTSAKER' } });
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.getByText('1 av 2 områden visas')).toBeInTheDocument();
    // By what one would report there: a report category, an authority duty.
    fireEvent.change(search, { target: { value: 'hot' } });
    expect(screen.getAllByRole('article').map((a) => within(a).getByRole('heading').textContent)).toEqual(['Arbetsmiljö']);
    fireEvent.change(search, { target: { value: 'lex maria' } });
    expect(screen.getAllByRole('article').map((a) => within(a).getByRole('heading').textContent)).toEqual(['Patientsäkerhet']);
    fireEvent.change(search, { target: { value: 'xyz' } });
    expect(screen.getByText('Inget säkerhetsområde matchar ”xyz”.')).toBeInTheDocument();
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('explains a failure and loads again on request', async () => {
    const services = fakeServices();
    (services.views.loadStart as jest.Mock).mockRejectedValueOnce(new ServiceError('offline', 'Failed to fetch'));
    renderApp(services, { name: 'overview' }, { mode: 'app' });
    expect(await screen.findByRole('alert')).toHaveTextContent('SharePoint gick inte att nå. Kontrollera nätverksanslutningen och försök igen.');
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText('2 av 2 områden visas')).toBeInTheDocument();
    expect(services.views.loadStart).toHaveBeenCalledTimes(2);
  });

  it('navigates to an area page and moves focus to its title', async () => {
    renderApp(fakeServices(), { name: 'overview' }, { mode: 'app' });
    fireEvent.click(await screen.findByRole('link', { name: 'Arbetsmiljö' }));
    const title = await screen.findByRole('heading', { name: 'Arbetsmiljö', level: 1 });
    await waitFor(() => expect(title).toHaveFocus());
  });
});

describe('area page', () => {
  it('shows scope, owner, laws, this year\'s goals, documents and the user\'s own reports', async () => {
    renderApp(fakeServices(STAFF), { name: 'area', areaKey: 'patientsakerhet' });
    expect(await screen.findByRole('heading', { name: 'Patientsäkerhet', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Systematiskt patientsäkerhetsarbete.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Erik Holm' })).toHaveAttribute('href', 'mailto:erik@region.example');
    expect(screen.getByText('HSLF-FS 2017:41')).toBeInTheDocument();
    const goals = screen.getByRole('region', { name: /Mål och indikatorer/ });
    expect(within(goals).getByText('högst 1,5 per 1 000 vårddagar')).toBeInTheDocument();
    expect(within(goals).getByText('1,6 per 1 000 vårddagar')).toBeInTheDocument();
    expect(within(goals).getByText('Delvis uppfyllt')).toBeInTheDocument();
    expect(screen.getByText('Upphör snart')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Dina rapporter i området' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Rapportera händelse' })).toHaveAttribute('href', '#/rapportera/patientsakerhet');
  });

  it('shows the reporter to someone who handles reports, and "Anonym" for anonymous reports', async () => {
    const services = fakeServices(OWNER);
    (services.views.loadArea as jest.Mock).mockResolvedValueOnce({
      area: AREAS[1],
      handlesArea: true,
      user: OWNER,
      timeZone: SITE_ZONE,
      period: 2026,
      goals: [],
      documents: [],
      reports: [incident({ id: 1 }), incident({ id: 2, title: 'Anonymt', anonymous: true, reporter: undefined })],
      risks: []
    });
    renderApp(services, { name: 'area', areaKey: 'patientsakerhet' });
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Rapporterad av' })).toBeInTheDocument();
    expect(within(table).getByText('Anna Lind')).toBeInTheDocument();
    expect(within(table).getByText('Anonym')).toBeInTheDocument();
    expect(screen.getByText(/Inga mål är registrerade för/)).toBeInTheDocument();
    expect(screen.getByText('Inga styrande dokument är kopplade till området.')).toBeInTheDocument();
  });

  it('says an area does not exist, without offering a pointless retry', async () => {
    renderApp(fakeServices(), { name: 'area', areaKey: 'finns-inte' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Säkerhetsområdet finns inte.');
    expect(screen.queryByRole('button', { name: 'Försök igen' })).not.toBeInTheDocument();
  });

  it('hides "Rapportera" from someone SharePoint does not let report', async () => {
    const services = fakeServices({ ...STAFF, canReport: false });
    renderApp(services, { name: 'area', areaKey: 'arbetsmiljo' });
    await screen.findByRole('heading', { name: 'Arbetsmiljö', level: 1 });
    expect(screen.queryByRole('link', { name: 'Rapportera händelse' })).not.toBeInTheDocument();
  });
});

describe('governing documents', () => {
  it('filters by type, area and validity, and clears the filters', async () => {
    renderApp(fakeServices(), { name: 'documents' });
    // In force by default: "Gammal anvisning" ended 10 days ago.
    expect(await screen.findByText('2 av 3 dokument visas')).toBeInTheDocument();
    expect(screen.getByText('Gällande dokument visas; välj Giltighet för utkast och upphävda.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Öppna Gammal anvisning/ })).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Giltighet'), { target: { value: '' } });
    expect(screen.getByText('3 av 3 dokument visas')).toBeInTheDocument();
    expect(screen.queryByText(/Gällande dokument visas/)).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Dokumenttyp'), { target: { value: 'routine' } });
    expect(screen.getByText('1 av 3 dokument visas')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Öppna Rutin för fallprevention/ })).toHaveAttribute('href', '/sites/sakerhet/StyrandeDokument/fall.pdf');
    fireEvent.click(screen.getByRole('button', { name: 'Rensa filtren' }));
    fireEvent.change(screen.getByLabelText('Giltighet'), { target: { value: 'expired' } });
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.getByText('Har upphört att gälla')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Giltighet'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Säkerhetsområde'), { target: { value: 'all-areas' } });
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.getByText('Tillsvidare')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Sök på titel eller diarienummer'), { target: { value: 'finns inte' } });
    expect(screen.getByText('Inga dokument matchar filtren.')).toBeInTheDocument();
  });

  it('starts filtered to an area when opened from one', async () => {
    renderApp(fakeServices(), { name: 'documents', areaKey: 'arbetsmiljo' });
    // The policy (all areas) is in force; the area's own instruction has ended.
    expect(await screen.findByText('1 av 3 dokument visas')).toBeInTheDocument();
    expect(screen.getByLabelText('Säkerhetsområde')).toHaveValue('arbetsmiljo');
    expect(DOCUMENTS.length).toBe(3);
  });
});

describe('governing documents in force', () => {
  it('shows a draft only on request, and takes its filter from the address', async () => {
    const draft = { ...DOCUMENTS[1], id: 4, title: 'Ny rutin (utkast)', status: 'draft' as const };
    const services = fakeServices();
    (services.views.loadDocuments as jest.Mock).mockResolvedValue({ areas: AREAS, user: STAFF, timeZone: SITE_ZONE, documents: [...DOCUMENTS, draft] });
    const first = renderApp(services, { name: 'documents' });
    expect(await screen.findByText('2 av 4 dokument visas')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Öppna Ny rutin/ })).not.toBeInTheDocument();
    first.unmount();
    renderApp(services, { name: 'documents', filter: { validity: '', status: 'draft' } });
    expect(await screen.findByText('1 av 4 dokument visas')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Öppna Ny rutin/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Giltighet')).toHaveValue('');
  });
});

describe('my reports and a report', () => {
  it('invites a user without reports to report', async () => {
    const services = fakeServices();
    (services.views.loadMyReports as jest.Mock).mockResolvedValueOnce({ areas: AREAS, user: STAFF, reports: [] });
    renderApp(services, { name: 'myReports' });
    expect(await screen.findByText('Du har inte rapporterat något ännu.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Rapportera händelse' })).toBeInTheDocument();
  });

  it('lists the user\'s reports with their status', async () => {
    renderApp(fakeServices(), { name: 'myReports' });
    const row = (await screen.findAllByRole('row'))[1];
    expect(within(row).getByRole('link', { name: 'Patient föll' })).toHaveAttribute('href', '#/rapport/7');
    expect(within(row).getByText('Ny')).toBeInTheDocument();
    expect(within(row).getByText('Patientsäkerhet')).toBeInTheDocument();
  });

  it('shows a report with its attachments', async () => {
    renderApp(fakeServices(), { name: 'reportDetail', id: 7 });
    expect(await screen.findByRole('heading', { name: 'Patient föll' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'foto.png' })).toHaveAttribute('href', '/sites/sakerhet/Lists/Handelser/Attachments/7/foto.png');
    expect(screen.getByText('ABCDEF12')).toBeInTheDocument();
  });

  it('says a report is out of reach without showing anything of it', async () => {
    const services = fakeServices();
    (services.views.loadCase as jest.Mock).mockRejectedValueOnce(new ServiceError('notFound', 'Item does not exist', 404));
    renderApp(services, { name: 'reportDetail', id: 123 }, { mode: 'app' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Rapporten finns inte, eller så har du inte behörighet att se den.');
    expect(alert).not.toHaveTextContent('Något gick fel');
    // A way on instead of a pointless retry.
    expect(within(alert).getByRole('link', { name: 'Tillbaka till Mina rapporter' })).toHaveAttribute('href', '#/mina-rapporter');
    expect(within(alert).queryByRole('button', { name: 'Försök igen' })).not.toBeInTheDocument();
  });
});

describe('navigation', () => {
  const nav = (): HTMLElement => screen.getByRole('navigation', { name: 'Säkerhet' });
  const current = (): string | null | undefined => within(nav()).queryAllByRole('link').find((l) => l.getAttribute('aria-current') === 'page')?.textContent;
  const offered = (): string[] => within(nav()).getAllByRole('link').map((l) => l.textContent ?? '');

  it('highlights Mina rapporter on the reporter\'s own report, with a way back there', async () => {
    renderApp(fakeServices(STAFF), { name: 'reportDetail', id: 7 }, { mode: 'app' });
    await screen.findByRole('heading', { name: 'Patient föll' });
    expect(current()).toBe('Mina rapporter');
    expect(screen.getByRole('link', { name: 'Tillbaka till Mina rapporter' })).toHaveAttribute('href', '#/mina-rapporter');
    expect(offered()).toEqual(['Översikt', 'Styrande dokument', 'Mina rapporter', 'Rapportera']);
  });

  it('highlights Att hantera on a report the owner handles, with a way back there, and offers the lägesbild', async () => {
    renderApp(fakeServices(OWNER), { name: 'reportDetail', id: 7 }, { mode: 'app' });
    await screen.findByRole('heading', { name: 'Patient föll' });
    await waitFor(() => expect(current()).toBe('Att hantera'));
    expect(screen.getByRole('link', { name: 'Tillbaka till Att hantera' })).toHaveAttribute('href', '#/att-hantera');
    expect(offered()).toEqual(['Översikt', 'Att hantera', 'Lägesbild', 'Styrande dokument', 'Mina rapporter', 'Rapportera']);
  });

  it('highlights Lägesbild on the lägesbild and on the säkerhetsberättelse', async () => {
    // Both views load as chunks of their own: on a loaded machine that takes longer than 5 s.
    const first = renderApp(fakeServices(OWNER), { name: 'situation' }, { mode: 'app' });
    await screen.findByRole('heading', { name: /^Lägesbild/, level: 1 }, { timeout: 30000 });
    await waitFor(() => expect(current()).toBe('Lägesbild'));
    first.unmount();
    renderApp(fakeServices(OWNER), { name: 'annualReport', year: 2025 }, { mode: 'app' });
    await screen.findByRole('heading', { name: 'Säkerhetsberättelse 2025', level: 1 }, { timeout: 30000 });
    await waitFor(() => expect(current()).toBe('Lägesbild'));
  });

  it('offers an intranet visitor neither reporting nor Mina rapporter, also from the documents', async () => {
    const visitor = { ...STAFF, id: 20, displayName: 'Nils Ek', canReport: false };
    renderApp(fakeServices(visitor), { name: 'documents' }, { mode: 'app' });
    await screen.findByRole('link', { name: /Öppna Säkerhetspolicy/ });
    await waitFor(() => expect(offered()).toEqual(['Översikt', 'Styrande dokument']));
    expect(current()).toBe('Styrande dokument');
  });

  it('says an address names no page, instead of showing the overview', async () => {
    renderApp(fakeServices(), { name: 'notFound', path: 'omraden/brand' }, { mode: 'app' });
    expect(await screen.findByRole('heading', { name: 'Sidan finns inte', level: 1 })).toBeInTheDocument();
    expect(screen.getByText(/Sidan ”omraden\/brand” finns inte i Säkerhet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tillbaka till översikten' })).toHaveAttribute('href', '#/');
    expect(current()).toBeUndefined();
  });
});

describe('list text is text', () => {
  it('tells owners of a report category too long for Händelser, which the form does not offer', async () => {
    const long = 'Hot, våld och trakasserier från patienter, anhöriga och besökare i samband med vård, behandling och transport';
    for (const [user, shown] of [[OWNER, true], [STAFF, false]] as const) {
      const services = fakeServices(user);
      const area = { ...AREAS[1], unusableCategories: [long] };
      (services.views.loadArea as jest.Mock).mockResolvedValueOnce({ area, handlesArea: user === OWNER, user, timeZone: SITE_ZONE, period: 2026, goals: [], documents: [], reports: [], risks: [] });
      const { unmount } = renderApp(services, { name: 'area', areaKey: area.key });
      await screen.findByRole('heading', { name: area.title, level: 1 });
      expect(screen.queryByText(/är längre än 100 tecken och kan därför inte väljas i rapportformuläret/) !== null).toBe(shown);
      unmount();
    }
  });

  it('renders markup from list items as inert text', async () => {
    const payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    const services = fakeServices();
    (services.views.loadStart as jest.Mock).mockResolvedValueOnce({
      areas: [{ ...AREAS[0], title: payload, purpose: payload }],
      user: STAFF,
      timeZone: SITE_ZONE,
      openCounts: new Map(),
      handledAreaIds: new Set()
    });
    const { container } = renderApp(services, { name: 'overview' }, { mode: 'app' });
    expect(await screen.findByRole('link', { name: payload })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });
});

describe('English', () => {
  it('loads the English strings for an English host', async () => {
    renderApp(fakeServices(), { name: 'overview' }, { mode: 'app', host: { kind: 'teams', locale: 'en-US', theme: 'dark' } });
    expect(await screen.findByText('2 of 2 areas shown')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Security' })).toBeInTheDocument();
    expect(screen.getByText('You have 3 open reports')).toBeInTheDocument();
  });
});
