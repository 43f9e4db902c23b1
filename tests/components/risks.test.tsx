/**
 * The risk register in the app with fake services: the area page's risks by level (due for review
 * flagged), a risk's page with its history and measures, the forms to record, edit, assess and
 * re-assess a risk, and linking a report from case handling – each write path with its failure:
 * bad input named by its label with nothing sent, a refused save keeping what was typed, and a
 * conflict saying who saved first. The clock is the suite's pinned one: 20 November 2026, 13:00 in
 * Stockholm.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ServiceError } from '../../src/services/errors';
import type { IRisk } from '../../src/model/types';
import { CHIEF, OWNER, RISKS, STAFF, fakeServices, findMessage, renderApp } from './fakes';

describe('area page', () => {
  it("lists the area's risks highest level first with level, value and status, and flags the one due for review today", async () => {
    renderApp(fakeServices(OWNER), { name: 'area', areaKey: 'patientsakerhet' });
    const table = await screen.findByRole('table', { name: 'Områdets risker, högsta risknivå först' });
    const rows = within(table).getAllByRole('row').slice(1);
    // Stor (3) × Betydande (3) = 9: Mycket hög in the default matrix; next review 20 Nov 2026 = today on the site's calendar.
    expect(rows[0]).toHaveTextContent('Patient förväxlas vid provtagningMycket hög (9)Bedömd20 nov. 2026 Att se över');
    expect(rows[1]).toHaveTextContent('Läkemedel till fel patientInte bedömdIdentifieradInte planerad');
    expect(within(rows[1]).queryByText('Att se över')).toBeNull();
    expect(screen.getByText('1 risk att se över.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ny risk' })).toBeInTheDocument();
  });

  it("shows staff no risk section while SharePoint gives them none of the register, and no 'Ny risk'", async () => {
    const services = fakeServices(STAFF);
    const loadArea = services.views.loadArea as jest.Mock;
    const original = loadArea.getMockImplementation()!;
    loadArea.mockImplementation(async (key: string) => ({ ...(await original(key)), risks: [] }));
    renderApp(services, { name: 'area', areaKey: 'patientsakerhet' });
    await screen.findByRole('heading', { name: 'Patientsäkerhet', level: 1 });
    expect(screen.queryByRole('heading', { name: 'Risker' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Ny risk' })).toBeNull();
  });
});

describe("a risk's page", () => {
  it('shows the history with the earlier assessment kept, the linked report, and read-only for someone who does not handle the area', async () => {
    renderApp(fakeServices(OWNER), { name: 'risk', id: 41 });
    const history = await screen.findByRole('region', { name: 'Bedömningar' });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1].textContent)).toEqual(['Omprövning efter händelse', 'Årlig riskanalys']);
    // 2 × 3 = 6 Hög before it was re-assessed to 3 × 3 = 9 Mycket hög.
    expect(within(rows[1]).getAllByRole('cell')[3]).toHaveTextContent('Hög (6)');
    expect(screen.getByRole('link', { name: 'Fel patient fick provsvar' })).toBeInTheDocument();
  });

  it('shows staff the risk and its fastställd level only: no history, no forms', async () => {
    const services = fakeServices(STAFF);
    renderApp(services, { name: 'risk', id: 41 });
    expect(await screen.findByText('Områdets ansvariga ändrar och bedömer risken.')).toBeInTheDocument();
    expect(screen.getByText('Mycket hög (9)')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Bedöm risken' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ändra risken' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Bedömningar' })).toBeNull();
  });

  it('re-assesses: the new assessment goes on top, the earlier stays, the level is the new one, focus goes to the history', async () => {
    const services = fakeServices(OWNER);
    renderApp(services, { name: 'risk', id: 41 });
    fireEvent.click(await screen.findByRole('button', { name: 'Bedöm risken' }));
    const title = screen.getByLabelText(/^Sammanfattning/);
    expect(title).toHaveFocus();
    fireEvent.change(title, { target: { value: 'Omprövning efter åtgärder' } });
    fireEvent.click(within(screen.getByRole('radiogroup', { name: /^Före åtgärder: Sannolikhet/ })).getByLabelText('2 Liten'));
    fireEvent.click(within(screen.getByRole('radiogroup', { name: /^Före åtgärder: Konsekvens/ })).getByLabelText('3 Betydande'));
    fireEvent.click(screen.getByRole('button', { name: 'Spara bedömningen' }));
    expect(await findMessage('status')).toHaveTextContent('Bedömningen är fastställd.');
    expect(services.risks.assess).toHaveBeenCalledWith(expect.objectContaining({ id: 41, etag: '"1"' }), expect.objectContaining({ title: 'Omprövning efter åtgärder', scores: { before: { likelihood: 2, consequence: 3 } }, assessedAt: '2026-11-20', approve: true, assessorId: OWNER.id }));
    const rows = within(screen.getByRole('region', { name: 'Bedömningar' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1].textContent)).toEqual(['Omprövning efter åtgärder', 'Omprövning efter händelse', 'Årlig riskanalys']);
    expect(screen.getByRole('heading', { name: 'Bedömningar' })).toHaveFocus();
  });

  it('names what is missing in an assessment by its label, moves focus there, and sends nothing', async () => {
    const services = fakeServices(OWNER);
    renderApp(services, { name: 'risk', id: 41 });
    fireEvent.click(await screen.findByRole('button', { name: 'Bedöm risken' }));
    fireEvent.change(screen.getByLabelText(/^Sammanfattning/), { target: { value: 'Halv' } });
    fireEvent.click(within(screen.getByRole('radiogroup', { name: /^Efter åtgärder \(kvarvarande risk\): Sannolikhet/ })).getByLabelText('1 Mycket liten'));
    fireEvent.click(screen.getByRole('button', { name: 'Spara bedömningen' }));
    expect(await screen.findByText('Sannolikhet måste väljas.')).toBeInTheDocument();
    expect(screen.getByText('Konsekvens måste väljas.')).toBeInTheDocument();
    expect(screen.getByText('Välj både sannolikhet och konsekvens efter åtgärder, eller ingen av dem.')).toBeInTheDocument();
    expect(within(screen.getByRole('radiogroup', { name: /^Före åtgärder: Sannolikhet/ })).getByLabelText('1 Mycket liten')).toHaveFocus();
    expect(services.risks.assess).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/^Sammanfattning/)).toHaveValue('Halv');
  });

  it('keeps an assessment as a draft and says who saved the risk first when someone did', async () => {
    const services = fakeServices(OWNER);
    const theirs: IRisk = { ...RISKS[0], etag: '"5"', controls: 'Ändrat av Maria.', modified: new Date('2026-11-20T11:30:00Z'), editor: { id: 12, displayName: 'Maria Berg' } };
    (services.risks.assess as jest.Mock).mockRejectedValueOnce(new ServiceError('conflict', 'Precondition Failed', 412));
    (services.risks.getRisk as jest.Mock).mockResolvedValue(theirs);
    renderApp(services, { name: 'risk', id: 41 });
    fireEvent.click(await screen.findByRole('button', { name: 'Bedöm risken' }));
    fireEvent.change(screen.getByLabelText(/^Sammanfattning/), { target: { value: 'Sen bedömning' } });
    fireEvent.click(within(screen.getByRole('radiogroup', { name: /^Före åtgärder: Sannolikhet/ })).getByLabelText('4 Mycket stor'));
    fireEvent.click(within(screen.getByRole('radiogroup', { name: /^Före åtgärder: Konsekvens/ })).getByLabelText('4 Katastrofal'));
    fireEvent.click(screen.getByRole('button', { name: 'Spara bedömningen' }));
    const alert = await findMessage('alert');
    // 11:30 UTC is 12:30 in Stockholm.
    expect(alert).toHaveTextContent('Någon annan sparade risken först. Din bedömning är sparad som utkast: fastställ den igen. Sparades av Maria Berg 20 nov. 2026 12:30.');
    expect(services.risks.getAssessments).toHaveBeenCalledWith([41]);
  });

  it('edits the risk; a conflict keeps what was typed, takes the rest from the version saved first and says who saved it', async () => {
    const services = fakeServices(OWNER);
    const theirs: IRisk = { ...RISKS[0], etag: '"5"', location: 'Akuten, plan 2', modified: new Date('2026-11-20T11:30:00Z'), editor: { id: 12, displayName: 'Maria Berg' } };
    (services.risks.updateRisk as jest.Mock).mockRejectedValueOnce(new ServiceError('conflict', 'Precondition Failed', 412));
    (services.risks.getRisk as jest.Mock).mockResolvedValue(theirs);
    renderApp(services, { name: 'risk', id: 41 });
    fireEvent.click(await screen.findByRole('button', { name: 'Ändra risken' }));
    expect(screen.getByLabelText(/^Risk(?!ägare)/)).toHaveFocus();
    fireEvent.change(screen.getByLabelText(/^Befintliga skydd/), { target: { value: 'Id-band och dubbelkontroll.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara risken' }));
    expect(await findMessage('alert')).toHaveTextContent('Någon annan sparade risken först. Det du skrev finns kvar: kontrollera och spara igen. Sparades av Maria Berg 20 nov. 2026 12:30.');
    expect(screen.getByLabelText(/^Befintliga skydd/)).toHaveValue('Id-band och dubbelkontroll.');
    expect(screen.getByLabelText(/^Var/)).toHaveValue('Akuten, plan 2');
    fireEvent.click(screen.getByRole('button', { name: 'Spara risken' }));
    await findMessage('status');
    // The second save sends the version saved first, and only the field this owner changed.
    expect((services.risks.updateRisk as jest.Mock).mock.calls[1]).toEqual([expect.objectContaining({ etag: '"5"' }), { controls: 'Id-band och dubbelkontroll.' }]);
    expect(screen.getByRole('button', { name: 'Ändra risken' })).toHaveFocus();
  });

  it('says in the user\'s language why a save was refused and keeps the form as typed', async () => {
    const services = fakeServices(OWNER);
    (services.risks.updateRisk as jest.Mock).mockRejectedValueOnce(new ServiceError('offline', 'Failed to fetch'));
    renderApp(services, { name: 'risk', id: 41 }, { host: { kind: 'sharepoint', locale: 'en-US', theme: 'light', contentLanguage: 'sv-SE' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the risk' }));
    fireEvent.change(screen.getByLabelText(/^Threat and cause/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the risk' }));
    expect(await screen.findByText('Threat and cause is required.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Threat and cause/)).toHaveFocus();
    expect(services.risks.updateRisk).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/^Threat and cause/), { target: { value: 'Id-kontroll hoppas över.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the risk' }));
    expect(await findMessage('alert')).toHaveTextContent(/SharePoint could not be reached/);
    expect(screen.getByLabelText(/^Threat and cause/)).toHaveValue('Id-kontroll hoppas över.');
  });

  it('adds a measure that belongs to the risk; a missing owner is named and nothing is sent', async () => {
    const services = fakeServices(OWNER);
    renderApp(services, { name: 'risk', id: 41 });
    const title = await screen.findByLabelText(/^Åtgärd(?!er)/);
    fireEvent.change(title, { target: { value: 'Dubbelkontroll av id vid provtagning' } });
    fireEvent.change(screen.getByLabelText(/^Klart senast/), { target: { value: '2027-01-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till åtgärd' }));
    expect(await screen.findByText('Ansvarig måste fyllas i.')).toBeInTheDocument();
    expect(services.actions.addRiskAction).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/^Ansvarig \*$/), { target: { value: 'Er' } });
    fireEvent.mouseDown(await screen.findByRole('option', { name: /Erik Holm/ }));
    // The chosen person is added to the site first (ensureUser), then shown in the field.
    await screen.findByDisplayValue('Erik Holm');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till åtgärd' }));
    // The people picker has its own status region (how many were found): the measure's is the one that says it was added.
    await waitFor(() => expect(screen.getAllByRole('status').map((r) => r.textContent)).toContain('Åtgärden ”Dubbelkontroll av id vid provtagning” är tillagd.'));
    expect(services.actions.addRiskAction).toHaveBeenCalledWith(41, { title: 'Dubbelkontroll av id vid provtagning', ownerId: 11, dueDate: '2027-01-31' });
  });
});

describe('a person chosen a moment before saving', () => {
  it("a measure added while its owner is still being added to the site waits for them; if adding fails, nothing is sent", async () => {
    for (const outcome of ['added', 'refused'] as const) {
      const services = fakeServices(OWNER);
      let settle: (added: boolean) => void = () => undefined;
      (services.users.ensurePerson as jest.Mock).mockImplementationOnce(
        (p: { displayName: string }) =>
          new Promise((resolve, reject) => {
            settle = (added) => (added ? resolve({ id: 11, displayName: p.displayName }) : reject(new ServiceError('forbidden', 'Access denied', 403)));
          })
      );
      const { unmount } = renderApp(services, { name: 'risk', id: 41 });
      fireEvent.change(await screen.findByLabelText(/^Åtgärd(?!er)/), { target: { value: 'Dubbelkontroll av id vid provtagning' } });
      fireEvent.change(screen.getByLabelText(/^Klart senast/), { target: { value: '2027-01-31' } });
      fireEvent.change(screen.getByLabelText(/^Ansvarig \*$/), { target: { value: 'Er' } });
      fireEvent.mouseDown(await screen.findByRole('option', { name: /Erik Holm/ }));
      fireEvent.click(screen.getByRole('button', { name: 'Lägg till åtgärd' }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(services.actions.addRiskAction).not.toHaveBeenCalled();
      // Not "Ansvarig måste fyllas i": the owner is on the way.
      expect(screen.queryByText('Ansvarig måste fyllas i.')).not.toBeInTheDocument();
      await act(async () => settle(outcome === 'added'));
      if (outcome === 'added') {
        await waitFor(() => expect(services.actions.addRiskAction).toHaveBeenCalledWith(41, { title: 'Dubbelkontroll av id vid provtagning', ownerId: 11, dueDate: '2027-01-31' }));
      } else {
        expect(await screen.findByText((text) => text.startsWith('Det gick inte att välja Erik Holm: '))).toHaveAttribute('role', 'status');
        expect(services.actions.addRiskAction).not.toHaveBeenCalled();
        expect(screen.getByLabelText(/^Åtgärd(?!er)/)).toHaveValue('Dubbelkontroll av id vid provtagning');
      }
      unmount();
    }
  });
});

describe('a new risk', () => {
  it('names the required fields, then records the risk and opens its page', async () => {
    const services = fakeServices(OWNER);
    (services.views.loadRisk as jest.Mock).mockImplementation(async () => ({ ...(await (fakeServices(OWNER).views.loadRisk as jest.Mock)(42)), risk: { ...RISKS[1], id: 43, title: 'Ny risk på akuten' } }));
    renderApp(services, { name: 'newRisk', areaKey: 'patientsakerhet' });
    fireEvent.click(await screen.findByRole('button', { name: 'Spara risken' }));
    expect(await screen.findByText('Risk måste fyllas i.')).toBeInTheDocument();
    expect(screen.getByText('Hot och orsak måste fyllas i.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Risk(?!ägare)/)).toHaveFocus();
    expect(services.risks.addRisk).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/^Risk(?!ägare)/), { target: { value: 'Ny risk på akuten' } });
    fireEvent.change(screen.getByLabelText(/^Hot och orsak/), { target: { value: 'Trängsel.' } });
    fireEvent.change(screen.getByLabelText(/^Vad som kan skadas/), { target: { value: 'Patienter.' } });
    fireEvent.change(screen.getByLabelText(/^Nästa översyn/), { target: { value: '2027-05-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara risken' }));
    expect(await screen.findByRole('heading', { name: 'Ny risk på akuten' })).toBeInTheDocument();
    expect(services.risks.addRisk).toHaveBeenCalledWith(expect.objectContaining({ areaId: 2, title: 'Ny risk på akuten', threat: 'Trängsel.', harm: 'Patienter.', nextReview: '2027-05-31' }));
  });

  it('keeps everything typed when SharePoint refuses the risk', async () => {
    const services = fakeServices(OWNER);
    (services.risks.addRisk as jest.Mock).mockRejectedValueOnce(new ServiceError('forbidden', 'Access denied', 403));
    renderApp(services, { name: 'newRisk', areaKey: 'patientsakerhet' });
    fireEvent.change(await screen.findByLabelText(/^Risk(?!ägare)/), { target: { value: 'Risk' } });
    fireEvent.change(screen.getByLabelText(/^Hot och orsak/), { target: { value: 'Hot' } });
    fireEvent.change(screen.getByLabelText(/^Vad som kan skadas/), { target: { value: 'Personal' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara risken' }));
    expect(await findMessage('alert')).toHaveTextContent('Du har inte behörighet');
    expect(screen.getByLabelText(/^Hot och orsak/)).toHaveValue('Hot');
  });

  it('from a report: starts with its title, what happened and where, links the report with its ETag; a failed link keeps the risk and says so', async () => {
    const services = fakeServices(OWNER);
    (services.incidents.updateCase as jest.Mock).mockRejectedValueOnce(new ServiceError('conflict', 'Precondition Failed', 412));
    renderApp(services, { name: 'newRisk', areaKey: 'patientsakerhet', reportId: 7 });
    const title = await screen.findByLabelText(/^Risk(?!ägare)/);
    const report = await (services.views.loadNewRisk as jest.Mock).mock.results[0].value;
    expect(title).toHaveValue(report.report.title);
    expect(screen.getByLabelText(/^Hot och orsak/)).toHaveValue(report.report.description);
    fireEvent.change(screen.getByLabelText(/^Vad som kan skadas/), { target: { value: 'Patienter.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara risken' }));
    const alert = await findMessage('alert');
    expect(alert).toHaveTextContent('Risken är registrerad, men rapporten kunde inte kopplas till den.');
    expect(within(alert).getByRole('link', { name: 'Öppna risken' })).toBeInTheDocument();
    expect(services.incidents.updateCase).toHaveBeenCalledWith(expect.objectContaining({ id: 7, etag: report.report.etag }), { riskId: 43 });
  });

  it('tells someone who does not handle the area that they cannot record risks there', async () => {
    renderApp(fakeServices(STAFF), { name: 'newRisk', areaKey: 'patientsakerhet' });
    expect(await screen.findByText('Bara områdets ansvariga och säkerhetschefen registrerar risker i området.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Spara risken' })).toBeNull();
  });
});

describe('case handling', () => {
  it("links a report to a risk of its area with the case save, and offers to create a risk from it", async () => {
    const services = fakeServices(CHIEF);
    renderApp(services, { name: 'reportDetail', id: 7 });
    const select = await screen.findByLabelText('Risk som händelsen förverkligade');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Ingen risk', 'Patient förväxlas vid provtagning', 'Läkemedel till fel patient']);
    fireEvent.change(select, { target: { value: '41' } });
    expect(screen.getByRole('link', { name: 'Öppna risken: Patient förväxlas vid provtagning' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skapa en risk från rapporten' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Spara handläggningen' }));
    await findMessage('status');
    expect(services.incidents.updateCase).toHaveBeenCalledWith(expect.objectContaining({ id: 7 }), expect.objectContaining({ riskId: 41 }));
    await waitFor(() => expect(select).toHaveValue('41'));
  });
});
