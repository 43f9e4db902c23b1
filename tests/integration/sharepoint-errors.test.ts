/**
 * SharePoint's error payloads (issue 9, point 8): every refusal carries SharePoint's code in
 * `odata.error.code`, and its message comes in the site's language – Swedish on a Swedish site
 * (SP.Web.Language 1053), English on an English one (1033). The product recognises errors by the
 * code, so it behaves the same on both. Sources: dev/emulator/errors.ts.
 */
import type { DevServer } from '../../dev/server';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';

const HANDELSER = "web/getList('%2Fsites%2Fsakerhet%2FLists%2FHandelser')";
const NOW = new Date('2026-06-15T10:00:00Z');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function report(title: string): Record<string, unknown> {
  return {
    Title: title,
    ReportId: `00000000-0000-4000-8000-${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`,
    AreaId: 11,
    EventType: 'Tillbud',
    OccurredAt: '2026-06-14T08:00:00Z',
    Location: 'Avdelning 1',
    Description: 'Något hände.',
    Severity: 'Låg'
  };
}

async function addReport(server: DevServer, title: string): Promise<number> {
  const res = await rest(server, 'anna', `${HANDELSER}/items`, { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(report(title)) });
  expect(res.status).toBe(201);
  return res.json.Id;
}

describe.each([
  {
    language: 1053 as const,
    lang: 'sv-SE',
    // Wordings: see dev/emulator/errors.ts for which are Microsoft's Swedish and which are translations.
    nameInUse: 'Det angivna namnet används redan.',
    accessDenied: 'Åtkomst nekad. Du har inte behörighet att utföra den här åtgärden eller komma åt den här resursen.',
    notFound: 'Objektet finns inte. Det kan ha tagits bort av en annan användare.',
    digest: /^Säkerhetsverifieringen för den här sidan är ogiltig/,
    required: /^Plats \(Location\): Du måste ange ett värde för det här obligatoriska fältet\.$/
  },
  {
    language: 1033 as const,
    lang: 'en-US',
    nameInUse: 'The specified name is already in use.',
    accessDenied: 'Access denied. You do not have permission to perform this action or access this resource.',
    notFound: 'Item does not exist. It may have been deleted by another user.',
    digest: /^The security validation for this page is invalid/,
    required: /^Plats \(Location\): You must specify a value for this required field\.$/
  }
])('a site in language $language', (site) => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startEmulator({ now: NOW, siteLanguage: site.language });
  });
  afterAll(() => server.close());

  it('says which language it is in (SP.Web.Language)', async () => {
    expect((await rest(server, 'anna', 'web')).json.Language).toBe(site.language);
  });

  it('answers a taken attachment name with SPException -2130575257, worded in the site language', async () => {
    const id = await addReport(server, 'Med bilaga');
    const add = (): Promise<{ status: number; json: any }> =>
      rest(server, 'anna', `${HANDELSER}/items(${id})/AttachmentFiles/add(FileName='foto.png')`, { method: 'POST', digest: true, body: PNG });
    expect((await add()).status).toBe(200);
    const again = await add();
    expect(again.json).toEqual({ 'odata.error': { code: '-2130575257, Microsoft.SharePoint.SPException', message: { lang: site.lang, value: site.nameInUse } } });
  });

  it('words access denied, not found, a bad digest and a missing required value in the site language, with the same codes', async () => {
    const id = await addReport(server, 'Annas');
    // Johan may not read Anna's report (item-level security): it does not exist for him.
    const hidden = await rest(server, 'johan', `${HANDELSER}/items(${id})`);
    expect(hidden.status).toBe(404);
    expect(hidden.json['odata.error']).toEqual({ code: '-2130575338, System.ArgumentException', message: { lang: site.lang, value: site.notFound } });
    // Nils (a visitor) has no access to Händelser.
    const visitor = await rest(server, 'nils', `${HANDELSER}/items`);
    expect(visitor.status).toBe(403);
    expect(visitor.json['odata.error']).toEqual({ code: '-2147024891, System.UnauthorizedAccessException', message: { lang: site.lang, value: site.accessDenied } });
    const noDigest = await rest(server, 'anna', `${HANDELSER}/items`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(report('x')) });
    expect(noDigest.json['odata.error'].code).toBe('-2130575252, Microsoft.SharePoint.SPException');
    expect(noDigest.json['odata.error'].message.value).toMatch(site.digest);
    const missing = await rest(server, 'anna', `${HANDELSER}/items`, { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...report('x'), Location: '' }) });
    expect(missing.status).toBe(400);
    expect(missing.json['odata.error'].code).toBe('-2130575155, Microsoft.SharePoint.SPFieldValidationException');
    expect(missing.json['odata.error'].message).toMatchObject({ lang: site.lang, value: expect.stringMatching(site.required) });
  });

  it('lets the product recognise a lost answer of an attachment by the code, in either language', async () => {
    const { services } = sessionFor(server, 'anna');
    const stored = await services.incidents.submit({
      reportId: `abcdef01-1111-4111-8111-${Math.random().toString(16).slice(2, 14).padEnd(12, '0')}`,
      areaId: 11,
      title: 'Foto efter tappat svar',
      eventType: 'deficiency',
      category: '',
      occurredAt: new Date('2026-06-14T08:30:00Z'),
      location: 'Avdelning 5',
      description: 'Beskrivning.',
      immediateAction: '',
      severity: 'low',
      anonymous: false,
      lexMaria: false,
      workEnvironmentReport: false,
      policeReport: false
    });
    const file = new File([PNG], 'foto.png', { type: 'image/png' });
    // The upload is stored and its answer lost on the way back; PnPjs sends it again (it retries a
    // request whose connection failed), and SharePoint answers that the name is in use.
    const since = server.requests.length;
    server.faults.set([{ kind: 'dropAfterCommit', method: 'POST', path: 'AttachmentFiles', count: 1 }]);
    expect(await services.incidents.addAttachment(stored.id, file)).toEqual({ fileName: 'foto.png', storedName: 'foto.png', ok: true });
    const sent = server.requests.slice(since).filter((r) => /AttachmentFiles\/add/i.test(r.path));
    expect(sent.map((r) => r.status)).toEqual([200, 409]);
    expect(server.store.list('incidents').items.get(stored.id)!.attachments.map((a) => a.name)).toEqual(['foto.png']);
    // The form's own retry of the same file later says the same.
    expect(await services.incidents.addAttachment(stored.id, file)).toEqual({ fileName: 'foto.png', storedName: 'foto.png', ok: true });
    // A refusal that is not "name in use" stays a failure: Johan cannot add to Anna's report.
    const johan = sessionFor(server, 'johan').services;
    expect(await johan.incidents.addAttachment(stored.id, new File([PNG], 'annan.png'))).toMatchObject({ ok: false, error: 'notFound' });
  });
});
