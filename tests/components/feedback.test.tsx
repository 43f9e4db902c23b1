/**
 * Feedback to the reporter (issue 13), with fake services: what Mina rapporter and her report page
 * tell her, adding information (its success, its refusals, and nothing typed lost), the closing
 * message in case handling, and what the owner sees of an addition.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IIncident } from '../../src/model/types';
import { ServiceError } from '../../src/services/errors';
import { forgetVisits } from '../../src/components/common/lastVisit';
import { OWNER, SITE_ZONE, STAFF, fakeServices, findMessage, incident, renderApp } from './fakes';

const DAY = 86400000;

beforeEach(() => {
  forgetVisits();
});

function withReport(user = STAFF, report: Partial<IIncident> = {}): ReturnType<typeof fakeServices> {
  const services = fakeServices(user);
  const r = { ...incident(report), attachments: [] };
  (services.views.loadCase as jest.Mock).mockResolvedValue({ areas: [], user, timeZone: SITE_ZONE, report: r, actions: [], handles: user === OWNER });
  (services.views.loadMyReports as jest.Mock).mockResolvedValue({ areas: [], user, timeZone: SITE_ZONE, reports: [r] });
  return services;
}

describe('her report page', () => {
  it('a closed report: since when, the closing day and the owner\'s message for her – never the analysis', async () => {
    const services = withReport(STAFF, {
      status: 'closed',
      // 18 November 2026, 15:30 in Stockholm.
      statusChangedAt: new Date('2026-11-18T14:30:00Z'),
      closedAt: new Date('2026-11-18T14:30:00Z'),
      reporterMessage: 'Tack! Larmknappen sitter nu vid toaletten.',
      analysis: 'Intern analys som inte ska visas.'
    });
    renderApp(services, { name: 'reportDetail', id: 7 });
    const section = await screen.findByRole('region', { name: 'Återkoppling' });
    expect(section).toHaveTextContent('Avslutad sedan 18 nov. 2026 15:30');
    expect(section).toHaveTextContent('Rapporten avslutades 18 nov. 2026.');
    expect(within(section).getByText('Tack! Larmknappen sitter nu vid toaletten.')).toBeInTheDocument();
    expect(screen.queryByText(/Intern analys/)).toBeNull();
  });

  it('an open report whose status never changed: since it was sent, and a message will come', async () => {
    renderApp(withReport(STAFF, { status: 'new' }), { name: 'reportDetail', id: 7 });
    const section = await screen.findByRole('region', { name: 'Återkoppling' });
    // Sent 20 November 2026 10:00 UTC = 11:00 in Stockholm.
    expect(section).toHaveTextContent('Ny sedan 20 nov. 2026 11:00');
    expect(section).toHaveTextContent('Du får ett besked här när den är avslutad.');
  });

  it('adds information: the field empties, the addition shows and is announced', async () => {
    const services = withReport();
    renderApp(services, { name: 'reportDetail', id: 7 });
    const field = await screen.findByLabelText(/^Det du vill lägga till/);
    fireEvent.change(field, { target: { value: 'Bromsen var inte ilagd.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Informationen är tillagd i rapporten.');
    expect(services.incidents.addInformation).toHaveBeenCalledWith(expect.objectContaining({ id: 7 }), 'Bromsen var inte ilagd.', SITE_ZONE);
    expect(field).toHaveValue('');
    expect(screen.getByText(/\[2026-11-20 13:00\]\s*Bromsen var inte ilagd\./)).toBeInTheDocument();
  });

  it('nothing to add: says so at the field and sends nothing', async () => {
    const services = withReport();
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.click(await screen.findByRole('button', { name: 'Lägg till' }));
    expect(await screen.findByText('Det du vill lägga till måste fyllas i.')).toBeInTheDocument();
    expect(services.incidents.addInformation).not.toHaveBeenCalled();
  });

  it('a refused or failed addition says why and keeps what she wrote', async () => {
    const services = withReport();
    (services.incidents.addInformation as jest.Mock).mockRejectedValueOnce(new ServiceError('offline', 'Failed to fetch'));
    (services.incidents.addInformation as jest.Mock).mockRejectedValueOnce(new ServiceError('invalid', 'full', undefined, 'tooLong'));
    renderApp(services, { name: 'reportDetail', id: 7 });
    const field = await screen.findByLabelText(/^Det du vill lägga till/);
    fireEvent.change(field, { target: { value: 'Viktigt tillägg.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till' }));
    expect(await findMessage()).toHaveTextContent('SharePoint gick inte att nå.');
    expect(field).toHaveValue('Viktigt tillägg.');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Det finns inte plats för mer information i rapporten.'));
    expect(field).toHaveValue('Viktigt tillägg.');
  });

  it('an anonymous report: she is told her name is not shown with the addition', async () => {
    renderApp(withReport(STAFF, { anonymous: true }), { name: 'reportDetail', id: 7 });
    expect(await screen.findByText(/ditt namn visas inte med tillägget heller/)).toBeInTheDocument();
  });
});

describe('the owner', () => {
  it('sees what the reporter added later, and when; no feedback form of hers', async () => {
    renderApp(
      withReport(OWNER, {
        reporterAddition: '[2026-11-19 08:15]\nBromsen var inte ilagd.',
        // 19 November 2026, 08:15 in Stockholm.
        reporterAddedAt: new Date('2026-11-19T07:15:00Z')
      }),
      { name: 'reportDetail', id: 7 }
    );
    const term = await screen.findByText('Tillagt av rapportören efter att rapporten skickades');
    const value = term.closest('div')!;
    expect(value).toHaveTextContent('Bromsen var inte ilagd.');
    expect(value).toHaveTextContent('Senast tillagt 19 nov. 2026 08:15');
    expect(screen.queryByRole('region', { name: 'Återkoppling' })).toBeNull();
  });

  it('writes the closing message with the case, and it is saved with it', async () => {
    const services = withReport(OWNER, { status: 'investigating' });
    renderApp(services, { name: 'reportDetail', id: 7 });
    fireEvent.change(await screen.findByLabelText(/^Återkoppling till rapportören/), { target: { value: 'Tack för din rapport.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    expect(await screen.findByText('Handläggningen är sparad.')).toBeInTheDocument();
    expect(services.incidents.updateCase).toHaveBeenCalledWith(expect.objectContaining({ id: 7 }), expect.objectContaining({ reporterMessage: 'Tack för din rapport.' }));
  });
});

describe('Mina rapporter', () => {
  it('marks the reports whose status changed since her last visit on this device, and says how many', async () => {
    const now = Date.now();
    window.localStorage.setItem('sakerhet.myReports.lastVisit.' + STAFF.loginName, new Date(now - 2 * DAY).toISOString());
    const services = fakeServices(STAFF);
    const reports = [
      incident({ id: 1, title: 'Ändrad i går', status: 'investigating', statusChangedAt: new Date(now - DAY) }),
      incident({ id: 2, title: 'Ändrad förra veckan', status: 'closed', statusChangedAt: new Date(now - 7 * DAY), closedAt: new Date(now - 7 * DAY) }),
      incident({ id: 3, title: 'Aldrig ändrad', status: 'new', statusChangedAt: undefined })
    ];
    (services.views.loadMyReports as jest.Mock).mockResolvedValue({ areas: [], user: STAFF, timeZone: SITE_ZONE, reports });
    renderApp(services, { name: 'myReports' });
    expect(await screen.findByText(/^1 av dina rapporter har ändrats sedan ditt förra besök/)).toBeInTheDocument();
    const row = (title: string): HTMLElement => screen.getByRole('link', { name: title }).closest('tr')!;
    expect(within(row('Ändrad i går')).getByText('Ändrad sedan ditt förra besök')).toBeInTheDocument();
    expect(within(row('Ändrad förra veckan')).queryByText('Ändrad sedan ditt förra besök')).toBeNull();
    expect(within(row('Aldrig ändrad')).queryByText('Ändrad sedan ditt förra besök')).toBeNull();
    // This visit is remembered for the next one.
    expect(Date.parse(window.localStorage.getItem('sakerhet.myReports.lastVisit.' + STAFF.loginName)!)).toBeGreaterThanOrEqual(now);
  });

  it('on her first visit on this device marks nothing and says it is the first', async () => {
    const services = fakeServices(STAFF);
    (services.views.loadMyReports as jest.Mock).mockResolvedValue({ areas: [], user: STAFF, timeZone: SITE_ZONE, reports: [incident({ statusChangedAt: new Date() })] });
    renderApp(services, { name: 'myReports' });
    expect(await screen.findByText('Det här är ditt första besök i Mina rapporter på den här enheten.')).toBeInTheDocument();
    expect(screen.queryByText('Ändrad sedan ditt förra besök')).toBeNull();
  });
});
