/**
 * The report form: validation in the user's language, the draft, an idempotent submit that keeps
 * trying through outages, the receipt, and attachments that can be retried on their own.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { draftKey, openDraftVault } from '../../src/components/ReportForm/draftVault';
import { wallClockIn } from '../../src/model/calendar';
import { ServiceError } from '../../src/services/errors';
import { SITE_ZONE, STAFF, draftSecretOf, fakeServices, renderApp } from './fakes';

beforeEach(() => window.localStorage.clear());

/** The staff member's draft as her key opens it from the device (after the writes on their way). */
async function storedDraft(): Promise<{ savedAt: string; draft: { title: string; reportId: string } } | undefined> {
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  return (await openDraftVault(draftSecretOf(STAFF.id), STAFF.id))!.read();
}

async function openForm(services = fakeServices(), areaKey = 'patientsakerhet'): Promise<void> {
  renderApp(services, { name: 'report', areaKey });
  await screen.findByRole('heading', { name: 'Rapportera händelse', level: 1 });
}

function fillValid(): void {
  fireEvent.click(screen.getByLabelText('Tillbud'));
  fireEvent.change(screen.getByLabelText(/^Rubrik/), { target: { value: 'Fel dos nästan given' } });
  fireEvent.change(screen.getByLabelText(/^Plats/), { target: { value: 'Avdelning 5' } });
  fireEvent.change(screen.getByLabelText(/^Vad hände\?/), { target: { value: 'Läkemedlet var fel uppdraget men det upptäcktes innan det gavs.' } });
  fireEvent.click(screen.getByLabelText('Allvarlig'));
}

/** The error summary: a named group that takes focus once per submit (not a live region). */
function findSummary(): Promise<HTMLElement> {
  return screen.findByRole('group', { name: 'Rapporten kunde inte skickas. Rätta följande:' });
}

function submit(): void {
  fireEvent.click(screen.getByRole('button', { name: 'Skicka rapporten' }));
}

describe('validation', () => {
  it('lists every missing field with a link that moves focus to it', async () => {
    const services = fakeServices();
    await openForm(services);
    submit();
    const summary = await findSummary();
    expect(summary).toHaveFocus();
    // Each message names the field by its visible label or question.
    for (const message of [
      '”Vad vill du rapportera?” måste besvaras.',
      'Rubrik måste fyllas i.',
      'Plats måste fyllas i.',
      'Vad hände? måste fyllas i.',
      '”Hur allvarligt var det, eller kunde det ha blivit?” måste besvaras.'
    ]) {
      expect(within(summary).getByRole('link', { name: message })).toBeInTheDocument();
    }
    fireEvent.click(within(summary).getByRole('link', { name: 'Plats måste fyllas i.' }));
    expect(screen.getByLabelText(/^Plats/)).toHaveFocus();
    expect(services.incidents.submit).not.toHaveBeenCalled();
  });

  it('tells the area owners of a stored report once, and says nothing to staff when the mail fails', async () => {
    const services = fakeServices();
    (services.notifications.reportStored as jest.Mock).mockResolvedValue({ outcome: 'failed', recipients: 0, status: 429 });
    await openForm(services);
    fillValid();
    submit();
    await screen.findByRole('heading', { name: 'Tack! Din rapport är registrerad' });
    await waitFor(() => expect(services.notifications.reportStored).toHaveBeenCalledTimes(1));
    expect((services.notifications.reportStored as jest.Mock).mock.calls[0][0]).toMatchObject({ id: 99 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/e-post/i)).not.toBeInTheDocument();
  });

  it("asks for the area's computed goals to be stored afresh after a report; when that fails, the receipt stands", async () => {
    const services = fakeServices();
    (services.outcomes.reportChanged as jest.Mock).mockRejectedValue(new Error('network'));
    await openForm(services);
    fillValid();
    submit();
    await screen.findByRole('heading', { name: 'Tack! Din rapport är registrerad' });
    await waitFor(() => expect(services.outcomes.reportChanged).toHaveBeenCalledTimes(1));
    expect((services.outcomes.reportChanged as jest.Mock).mock.calls[0][0]).toMatchObject({ id: 99 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('heading', { name: 'Tack! Din rapport är registrerad' })).toBeInTheDocument();
  });

  it('refuses text over SharePoint\'s length, invisible control characters, and a time in the future', async () => {
    await openForm();
    fillValid();
    fireEvent.change(screen.getByLabelText(/^Rubrik/), { target: { value: 'x'.repeat(121) } });
    expect(screen.getByText(/1 tecken för mycket/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Plats/), { target: { value: 'Avd\u202e5 ecnaraeppa' } });
    const next = new Date(Date.now() + 2 * 86400000);
    fireEvent.change(screen.getByLabelText(/^Datum/), { target: { value: wallClockIn(next, SITE_ZONE).date } });
    submit();
    const summary = await findSummary();
    expect(summary).toHaveTextContent('Rubrik får vara högst 120 tecken.');
    expect(summary).toHaveTextContent('Plats innehåller osynliga styrtecken.');
    expect(summary).toHaveTextContent('Tidpunkten kan inte ligga i framtiden.');
  });

  it('accepts Swedish letters, emoji (also joined ones) and right-to-left script, storing å as one letter', async () => {
    const services = fakeServices();
    await openForm(services);
    fillValid();
    // "Åsa" typed with a combining ring (as some keyboards and pastes do), a nurse emoji made with a
    // zero-width joiner, Arabic, and Persian with its zero-width non-joiner.
    fireEvent.change(screen.getByLabelText(/^Rubrik/), { target: { value: 'A\u030asa såg ett fel 🚑👩\u200d⚕️ – خطأ في الجرعة' } });
    fireEvent.change(screen.getByLabelText(/^Plats/), { target: { value: 'بخش می\u200cخواهم' } });
    submit();
    await screen.findByRole('heading', { name: 'Tack! Din rapport är registrerad' });
    const sent = (services.incidents.submit as jest.Mock).mock.calls[0][0];
    expect(sent.title).toBe('\u00c5sa såg ett fel 🚑👩\u200d⚕️ – خطأ في الجرعة');
    expect(sent.location).toBe('بخش می\u200cخواهم');
  });

  it('refuses a zero-width space and a byte order mark, naming the field', async () => {
    const services = fakeServices();
    await openForm(services);
    fillValid();
    fireEvent.change(screen.getByLabelText(/^Rubrik/), { target: { value: 'Fel\u200bdos' } });
    fireEvent.change(screen.getByLabelText(/^Vad hände/), { target: { value: '\ufeffText' } });
    submit();
    const summary = await findSummary();
    expect(summary).toHaveTextContent('Rubrik innehåller osynliga styrtecken.');
    expect(summary).toHaveTextContent(/Vad hände.* innehåller osynliga styrtecken\./);
    expect(services.incidents.submit).not.toHaveBeenCalled();
  });

  it('refuses a time in the absurd past', async () => {
    const services = fakeServices();
    await openForm(services);
    fillValid();
    fireEvent.change(screen.getByLabelText(/^Datum/), { target: { value: '1899-12-31' } });
    submit();
    expect(await findSummary()).toHaveTextContent('Tidpunkten ligger mer än fem år bakåt. Kontrollera året.');
    expect(services.incidents.submit).not.toHaveBeenCalled();
  });

  it('refuses files that are not photos or PDF, and files over 10 MB', async () => {
    await openForm();
    fillValid();
    const exe = new File(['MZ'], 'program.exe', { type: 'application/x-msdownload' });
    const big = new File([new Uint8Array(11 * 1024 * 1024)], 'stor.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByLabelText(/^Bilagor/), { target: { files: [exe, big] } });
    submit();
    expect(await findSummary()).toHaveTextContent('program.exe kan inte bifogas.');
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort program.exe' }));
    submit();
    await waitFor(() => expect(screen.getByRole('group', { name: /Rapporten kunde inte skickas/ })).toHaveTextContent('stor.jpg är för stor. Högsta storlek är 10 MB.'));
  });

  it('asks only the authority question the area has', async () => {
    await openForm(fakeServices(), 'arbetsmiljo');
    expect(screen.getByLabelText(/AML 3 kap\. 3 a §/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/lex Maria/)).not.toBeInTheDocument();
  });
});

describe('submitting', () => {
  it('sends once when the form is submitted twice in the same instant', async () => {
    const services = fakeServices();
    await openForm(services);
    fillValid();
    const form = screen.getByRole('button', { name: 'Skicka rapporten' }).closest('form')!;
    act(() => {
      fireEvent.submit(form);
      fireEvent.submit(form);
    });
    await screen.findByRole('heading', { name: 'Tack! Din rapport är registrerad' });
    expect(services.incidents.submit).toHaveBeenCalledTimes(1);
  });

  it('sends the report with a client ReportId and the time in Stockholm, then shows the receipt', async () => {
    const services = fakeServices();
    await openForm(services);
    fillValid();
    fireEvent.change(screen.getByLabelText(/^Datum/), { target: { value: '2026-07-01' } });
    fireEvent.change(screen.getByLabelText(/^Klockslag/), { target: { value: '14:30' } });
    fireEvent.click(screen.getByLabelText(/lex Maria/));
    fireEvent.click(screen.getByLabelText('Visa inte mitt namn för områdesansvarig'));
    submit();
    const receipt = await screen.findByRole('heading', { name: 'Tack! Din rapport är registrerad' });
    await waitFor(() => expect(receipt).toHaveFocus());
    const sent = (services.incidents.submit as jest.Mock).mock.calls[0][0];
    expect(sent).toMatchObject({ areaId: 2, eventType: 'nearMiss', severity: 'serious', lexMaria: true, anonymous: true, workEnvironmentReport: false, title: 'Fel dos nästan given' });
    expect(sent.reportId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // 14:30 Swedish summer time is 12:30 UTC.
    expect(sent.occurredAt.toISOString()).toBe('2026-07-01T12:30:00.000Z');
    expect(window.localStorage.getItem(draftKey(STAFF.id))).toBeNull();
  });

  it('keeps the draft while typing and restores it when the form opens again', async () => {
    const first = fakeServices();
    const { unmount } = await (async () => {
      const r = (await import('./fakes')).renderApp(first, { name: 'report', areaKey: 'arbetsmiljo' });
      await screen.findByRole('heading', { name: 'Rapportera händelse', level: 1 });
      return r;
    })();
    fireEvent.change(screen.getByLabelText(/^Rubrik/), { target: { value: 'Halvfärdig' } });
    const stored = (await storedDraft())!;
    expect(window.localStorage.getItem(draftKey(STAFF.id))).not.toContain('Halvfärdig');
    unmount();
    const services2 = fakeServices();
    await openForm(services2, 'patientsakerhet');
    expect(screen.getByText(/Ditt utkast från .* har återställts\./)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Rubrik/)).toHaveValue('Halvfärdig');
    expect(screen.getByLabelText(/^Säkerhetsområde/)).toHaveValue('arbetsmiljo');
    fillValid();
    submit();
    await screen.findByRole('heading', { name: 'Tack! Din rapport är registrerad' });
    // The restored draft is sent under the ReportId it was written with: a retry after a closed
    // tab can never make a second report.
    expect((services2.incidents.submit as jest.Mock).mock.calls[0][0].reportId).toBe(stored.draft.reportId);
  });

  it('keeps trying through an outage with the same ReportId, and the user can hurry it', async () => {
    const services = fakeServices();
    const submitMock = services.incidents.submit as jest.Mock;
    const real = submitMock.getMockImplementation()!;
    submitMock.mockRejectedValueOnce(new ServiceError('offline', 'Failed to fetch')).mockRejectedValueOnce(new ServiceError('throttled', 'Too many requests', 429));
    submitMock.mockImplementation(real);
    await openForm(services);
    fillValid();
    submit();
    // The message is read once; the countdown is a timer, shown but not read out every second.
    const status = (await screen.findByText('SharePoint gick inte att nå. Ditt utkast finns kvar.')).closest('[role="status"]');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('timer')).toHaveTextContent('Nytt försök om 3 sekunder.');
    expect(screen.getByRole('timer')).toHaveAttribute('aria-live', 'off');
    fireEvent.click(screen.getByRole('button', { name: 'Försök nu' }));
    await waitFor(() => expect(screen.getByRole('timer')).toHaveTextContent('Nytt försök om 6 sekunder.'));
    fireEvent.click(screen.getByRole('button', { name: 'Försök nu' }));
    await screen.findByRole('heading', { name: 'Tack! Din rapport är registrerad' });
    const ids = submitMock.mock.calls.map((c) => c[0].reportId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
  });

  it('says when SharePoint is throttling and PnPjs is waiting', async () => {
    const services = fakeServices();
    let release!: () => void;
    (services.incidents.submit as jest.Mock).mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ id: 5, title: 'x', reportId: 'r', areaId: 2, status: 'new', eventType: 'risk', occurredAt: new Date() });
        })
    );
    await openForm(services);
    fillValid();
    submit();
    await screen.findByText('Sparar rapporten i SharePoint…');
    act(() => services.retryListeners.forEach((l) => l(2, '429')));
    expect(await screen.findByText('SharePoint är belastat. Försöker igen (försök 2)…')).toBeInTheDocument();
    await act(async () => release());
    await screen.findByRole('heading', { name: 'Tack! Din rapport är registrerad' });
  });

  it('stops trying when the user cancels, and keeps the draft', async () => {
    const services = fakeServices();
    (services.incidents.submit as jest.Mock).mockRejectedValue(new ServiceError('offline', 'Failed to fetch'));
    await openForm(services);
    fillValid();
    submit();
    await waitFor(() => expect(screen.getByRole('timer')).toHaveTextContent('Nytt försök om 3 sekunder.'));
    fireEvent.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(await screen.findByText(/Rapporten kunde inte sparas\. Ditt utkast finns kvar/)).toBeInTheDocument();
    expect((await storedDraft())?.draft.title).toBe('Fel dos nästan given');
    expect(screen.getByLabelText(/^Rubrik/)).toHaveValue('Fel dos nästan given');
  });

  it('explains a refusal from SharePoint and keeps everything typed', async () => {
    const services = fakeServices();
    (services.incidents.submit as jest.Mock).mockRejectedValueOnce(new ServiceError('invalid', 'Plats (Location): The value is too long.', 400));
    await openForm(services);
    fillValid();
    submit();
    expect(await screen.findByText(/SharePoint tog inte emot uppgifterna: Plats \(Location\): The value is too long\./)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Plats/)).toHaveValue('Avdelning 5');
  });

  it('reports a failed attachment after the report was saved, and retries that attachment alone', async () => {
    const services = fakeServices();
    const add = services.incidents.addAttachment as jest.Mock;
    add.mockResolvedValueOnce({ fileName: 'a.jpg', ok: true }).mockResolvedValueOnce({ fileName: 'b.pdf', ok: false, error: 'offline' });
    await openForm(services);
    fillValid();
    fireEvent.change(screen.getByLabelText(/^Bilagor/), {
      target: { files: [new File(['a'], 'a.jpg', { type: 'image/jpeg' }), new File(['b'], 'b.pdf', { type: 'application/pdf' })] }
    });
    submit();
    await screen.findByRole('heading', { name: 'Tack! Din rapport är registrerad' });
    expect(screen.getByText('1 bilaga sparades.')).toBeInTheDocument();
    expect(screen.getByText(/Bilagan b\.pdf kunde inte laddas upp\. Rapporten är sparad/)).toBeInTheDocument();
    expect(services.incidents.submit).toHaveBeenCalledTimes(1);
    add.mockResolvedValueOnce({ fileName: 'b.pdf', ok: true });
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen med b.pdf' }));
    expect(await screen.findByText('2 bilagor sparades.')).toBeInTheDocument();
    expect(add.mock.calls.map((c) => c[1].name)).toEqual(['a.jpg', 'b.pdf', 'b.pdf']);
    expect(services.incidents.submit).toHaveBeenCalledTimes(1);
  });

  it('tells someone without the right to report, instead of a form SharePoint would refuse', async () => {
    const services = fakeServices({ ...STAFF, canReport: false });
    renderApp(services, { name: 'report' });
    expect(await screen.findByText('Du har inte behörighet att rapportera här. Kontakta säkerhetsenheten.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skicka rapporten' })).not.toBeInTheDocument();
  });
});

describe('drafts on a shared computer', () => {
  const NEXT = { ...STAFF, id: STAFF.id + 1, displayName: 'Nästa på datorn', email: 'nasta@region.example' };

  it('the next user on the browser finds neither the text nor the draft; the writer gets hers back', async () => {
    const { unmount } = renderApp(fakeServices(), { name: 'report', areaKey: 'arbetsmiljo' });
    await screen.findByRole('heading', { name: 'Rapportera händelse', level: 1 });
    fireEvent.change(screen.getByLabelText(/^Rubrik/), { target: { value: 'Min chef tog tag i min arm' } });
    const written = (await storedDraft())!;
    unmount();
    const device = Object.keys(window.localStorage).map((k) => window.localStorage.getItem(k)).join('\n');
    expect(device).not.toContain('chef');
    expect(device).not.toContain(written.draft.reportId);

    const next = fakeServices(NEXT);
    const second = renderApp(next, { name: 'report', areaKey: 'arbetsmiljo' });
    await screen.findByRole('heading', { name: 'Rapportera händelse', level: 1 });
    expect(screen.getByLabelText(/^Rubrik/)).toHaveValue('');
    expect(screen.queryByText(/har återställts/)).toBeNull();
    second.unmount();

    await openForm(fakeServices(), 'arbetsmiljo');
    expect(screen.getByLabelText(/^Rubrik/)).toHaveValue('Min chef tog tag i min arm');
  });

  it('helps choose the area from what happened: "hot" offers Arbetsmiljö with its category, chosen with one press', async () => {
    await openForm(fakeServices(), '');
    fireEvent.click(screen.getByText('Vet du inte vilket område? Sök på vad som hände'));
    const finder = screen.getByLabelText('Beskriv med några ord vad som hände');
    fireEvent.change(finder, { target: { value: 'hot' } });
    const suggestions = screen.getByRole('list', { name: 'Beskriv med några ord vad som hände' });
    expect(within(suggestions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Arbetsmiljö']);
    expect(within(suggestions).getByText('Hot och våld')).toBeInTheDocument();
    // Enter in the search does not send the report.
    fireEvent.keyDown(finder, { key: 'Enter' });
    expect(screen.queryByRole('group', { name: /Rapporten kunde inte skickas/ })).not.toBeInTheDocument();
    fireEvent.click(within(suggestions).getByRole('button', { name: 'Arbetsmiljö' }));
    expect(screen.getByLabelText(/^Säkerhetsområde/)).toHaveValue('arbetsmiljo');
    expect(screen.getByLabelText(/^Kategori/)).toHaveValue('Hot och våld');
    const spoken = (): string => screen.getAllByRole('status').map((r) => r.textContent ?? '').join(' ');
    await waitFor(() => expect(spoken()).toContain('Området Arbetsmiljö är valt.'));
    fireEvent.change(screen.getByLabelText('Beskriv med några ord vad som hände'), { target: { value: 'xyzzy' } });
    await waitFor(() => expect(spoken()).toContain('Inget område passar orden.'));
  });

  it('discarding the draft removes it from the device', async () => {
    await openForm();
    fireEvent.change(screen.getByLabelText(/^Rubrik/), { target: { value: 'Halvfärdig' } });
    expect(await storedDraft()).toBeDefined();
    // Asked first: "Avbryt" keeps everything and gives focus back to the button.
    fireEvent.click(screen.getByRole('button', { name: 'Rensa formuläret' }));
    const question = screen.getByRole('group', { name: /^Rensa formuläret\? Det du har skrivit/ });
    expect(document.activeElement).toHaveTextContent(/^Rensa formuläret\?/);
    fireEvent.click(within(question).getByRole('button', { name: 'Avbryt' }));
    expect(screen.getByLabelText(/^Rubrik/)).toHaveValue('Halvfärdig');
    expect(await storedDraft()).toBeDefined();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rensa formuläret' })));
    fireEvent.click(screen.getByRole('button', { name: 'Rensa formuläret' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, rensa' }));
    expect(screen.getByLabelText(/^Rubrik/)).toHaveValue('');
    expect(await storedDraft()).toBeUndefined();
    expect(window.localStorage.getItem(draftKey(STAFF.id))).toBeNull();
  });

  it('a key SharePoint refuses (no Utkastnycklar on the site): the form works, says the draft is not kept, and keeps nothing on the device', async () => {
    const services = fakeServices();
    (services.draftKeys.getKey as jest.Mock).mockRejectedValue(new ServiceError('notFound', 'List does not exist.', 404));
    await openForm(services);
    expect(screen.getByText(/Utkastet sparas inte på den här enheten/)).toBeInTheDocument();
    fillValid();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(Object.keys(window.localStorage)).toEqual([]);
    submit();
    await screen.findByRole('heading', { name: 'Tack! Din rapport är registrerad' });
  });

  it('a key SharePoint cannot give now (busy): the form says so and offers to try again, then opens with the draft', async () => {
    const first = fakeServices();
    renderApp(first, { name: 'report', areaKey: 'arbetsmiljo' }).unmount();
    const services = fakeServices();
    (services.draftKeys.getKey as jest.Mock).mockRejectedValueOnce(new ServiceError('throttled', 'Service unavailable', 503));
    renderApp(services, { name: 'report', areaKey: 'arbetsmiljo' });
    fireEvent.click(await screen.findByRole('button', { name: 'Försök igen' }));
    await screen.findByRole('heading', { name: 'Rapportera händelse', level: 1 });
    expect(screen.queryByText(/Utkastet sparas inte/)).toBeNull();
  });
});
