import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { safeAttachmentName } from '../../src/services/IncidentService';
import { SP_CODES, ServiceError, toServiceError } from '../../src/services/errors';
import { INCIDENT_SHAPE, fromNewIncident, reporterOf, reporterVisibleTo, toArea, toGoal, toIncident } from '../../src/services/mapping';

describe('errors from SharePoint', () => {
  const pnp = (status: number, body: object): Error & { status: number } =>
    Object.assign(new Error(`Error making HttpClient request in queryable [${status}] ::> ${JSON.stringify(body)}`), { status });

  it('classifies by status and by SharePoint exception', () => {
    expect(toServiceError(pnp(412, { 'odata.error': { code: '-1, Microsoft.SharePoint.Client.ClientServiceException', message: { value: 'ETag' } } })).kind).toBe('conflict');
    expect(toServiceError(pnp(400, { 'odata.error': { code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException', message: { value: 'This value already exists in the list.' } } }))).toMatchObject({ kind: 'duplicate', message: 'This value already exists in the list.' });
    expect(toServiceError(pnp(500, { 'odata.error': { code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', message: { value: 'threshold' } } })).kind).toBe('threshold');
    expect(toServiceError(pnp(429, {})).transient).toBe(true);
    expect(toServiceError(pnp(503, {})).transient).toBe(true);
    expect(toServiceError(pnp(403, {})).kind).toBe('forbidden');
    expect(toServiceError(pnp(404, {})).kind).toBe('notFound');
    expect(toServiceError(new TypeError('Failed to fetch'))).toMatchObject({ kind: 'offline', transient: true });
  });

  it('recognises SharePoint errors by their code, whatever language the site words them in', () => {
    // The same error from a Swedish and an English site (dev/emulator/errors.ts, nameInUse).
    const sv = toServiceError(pnp(409, { 'odata.error': { code: '-2130575257, Microsoft.SharePoint.SPException', message: { lang: 'sv-SE', value: 'Det angivna namnet används redan.' } } }));
    const en = toServiceError(pnp(409, { 'odata.error': { code: '-2130575257, Microsoft.SharePoint.SPException', message: { lang: 'en-US', value: 'The specified name is already in use.' } } }));
    for (const e of [sv, en]) {
      expect(e.spCode).toBe(-2130575257);
      expect(e.is(SP_CODES.nameInUse)).toBe(true);
      expect(e.is(SP_CODES.duplicateValue)).toBe(false);
    }
    expect(sv.message).toBe('Det angivna namnet används redan.');
    // OData v4 JSON ('error' instead of 'odata.error'), as SharePoint sends with odata.metadata=… headers.
    expect(toServiceError(pnp(400, { error: { code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException', message: 'Värdet finns redan.' } }))).toMatchObject({ kind: 'duplicate', message: 'Värdet finns redan.' });
    // A body that is not SharePoint's (a proxy's page) has no code, and an English word in it means nothing.
    const proxy = toServiceError(Object.assign(new Error('Error making HttpClient request in queryable [409] Conflict ::> <html>already exists</html>'), { status: 409 }));
    expect(proxy.spCode).toBeUndefined();
    expect(proxy.is(SP_CODES.nameInUse)).toBe(false);
    // The product's own rule names are codes too, but not SharePoint's numbers.
    expect(new ServiceError('rule', 'x', undefined, 'listNotPrivate').spCode).toBeUndefined();
  });
});

describe('batches', () => {
  it('every batch goes through settlingBatch (PnPjs alone leaves its queries pending for ever when the $batch fails)', () => {
    const dir = join(__dirname, '..', '..', 'src', 'services');
    const callers = readdirSync(dir).filter((name) => /\.batched\s*\(/.test(readFileSync(join(dir, name), 'utf8')));
    expect(callers).toEqual(['batch.ts']);
  });
});

describe('mapping', () => {
  const raw = {
    Id: 3,
    'odata.etag': '"4"',
    ReportId: 'r',
    AreaId: 2,
    Title: 'T',
    EventType: 'Tillbud',
    Severity: 'Mycket allvarlig',
    Status: 'Åtgärd pågår',
    OccurredAt: '2026-01-01T10:00:00Z',
    Anonymous: true,
    AuthorId: 10,
    Author: { Id: 10, Title: 'Anna Lind', EMail: 'a@x' },
    Attachments: true
  };

  it('turns stored choice values into keys; the reporter comes only from the query that may know it', () => {
    const shown = toIncident(raw, reporterOf(raw));
    expect(shown).toMatchObject({ id: 3, etag: '"4"', eventType: 'nearMiss', severity: 'critical', status: 'actionsOngoing', anonymous: true, hasAttachments: true });
    expect(shown.reporter?.displayName).toBe('Anna Lind');
    // A row that carries an Author is not enough: without the reporter query's answer, nobody is named.
    expect(toIncident(raw, undefined).reporter).toBeUndefined();
  });

  it('writes a new report with the stored choice values and no empty optional text', () => {
    const body = fromNewIncident({ ...toIncident(raw, undefined), reportId: 'r', areaId: 2, category: '', immediateAction: '', lexMaria: false, workEnvironmentReport: true, policeReport: false });
    expect(body).toMatchObject({ EventType: 'Tillbud', Severity: 'Mycket allvarlig', Category: null, ImmediateAction: null, WorkEnvironmentReport: true, OccurredAt: '2026-01-01T10:00:00.000Z' });
    expect(body).not.toHaveProperty('Status');
    expect(body).not.toHaveProperty('AuthorId');
  });

  it('offers only the report categories Händelser can store, and keeps the rest for owners to see', () => {
    // Händelser's Kategori is text of at most 100 characters (schema.ts); this line is 112.
    const long = `Hot, våld och trakasserier från patienter, anhöriga och besökare i samband med vård, behandling eller ${'x'.repeat(10)}`;
    expect(long).toHaveLength(112);
    const area = toArea({ Id: 1, Title: 'Arbetsmiljö', ReportCategories: `Halka och fall\r\n${long}\r\n\r\nBuller\r` });
    expect(area.reportCategories).toEqual(['Halka och fall', 'Buller']);
    expect(area.unusableCategories).toEqual([long]);
  });

  it('keeps the line breaks owners type, whichever kind SharePoint returns', () => {
    const goal = toGoal({ Id: 1, FollowUp: 'Rad 1\r\nRad 2\r\n\r\nStycke 2', StatusComment: 'A\rB' });
    expect(goal.followUp).toBe('Rad 1\nRad 2\n\nStycke 2');
    expect(goal.statusComment).toBe('A\nB');
    expect(toArea({ Id: 1, Purpose: 'Ett.\r\nTvå.' }).purpose).toBe('Ett.\nTvå.');
  });

  it('selects every schema field of Händelser, with people expanded, and never the reporter (Author) or the last editor (Editor)', () => {
    expect(INCIDENT_SHAPE.select).toEqual(expect.arrayContaining(['ReportId', 'AreaId', 'EventType', 'OccurredAt', 'Severity', 'Status', 'Anonymous', 'Investigator/Title']));
    expect(INCIDENT_SHAPE.expand).toEqual(['Investigator']);
    expect([...INCIDENT_SHAPE.select, ...INCIDENT_SHAPE.expand].filter((f) => /^(Author|Editor)(Id)?(\/|$)/.test(f))).toEqual([]);
    expect(reporterVisibleTo(7)).toBe('(Anonymous eq 0 or AuthorId eq 7)');
  });
});

describe('attachment names', () => {
  it('makes names SharePoint accepts and keeps them unique', () => {
    expect(safeAttachmentName('foto:1?.jpg')).toBe('foto_1_.jpg');
    expect(safeAttachmentName('..hemlig..pdf')).toBe('hemlig.pdf');
    expect(safeAttachmentName('bild.jpg', ['bild.jpg', 'bild (2).jpg'])).toBe('bild (3).jpg');
    expect(safeAttachmentName('\u202eexe.jpg')).toBe('_exe.jpg');
    expect(safeAttachmentName('   ')).toBe('bilaga');
    // Names SharePoint reserves (dev/emulator/files.ts, invalidFileName).
    expect(safeAttachmentName('desktop.ini')).toBe('bilaga-desktop.ini');
    expect(safeAttachmentName('CON')).toBe('bilaga-CON');
    expect(safeAttachmentName('.lock')).toBe('lock');
    expect(safeAttachmentName('~$rapport.docx')).toBe('$rapport.docx');
    expect(safeAttachmentName('a_vti_b.png')).toBe('a_vti-b.png');
  });
});
