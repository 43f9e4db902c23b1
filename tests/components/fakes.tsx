/**
 * A fake of the product's services for component tests: plain models, and promises the test
 * decides the fate of. The app is rendered exactly as a host mounts it.
 */
import * as React from 'react';
import { startOfDay, yearIn } from '../../src/model/calendar';
import { render, RenderResult, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/app/App';
import type { IHost } from '../../src/app/host';
import type { Route } from '../../src/app/routes';
import type { IArea, IGoal, IGoverningDocument, IIncident, IIncidentDetail, IRisk, IRiskAssessment } from '../../src/model/types';
import type { IQueueRow } from '../../src/model/queue';
import { handledAreas } from '../../src/model/scope';
import { ServiceError } from '../../src/services/errors';
import type { ICaseChange, ICurrentUser, IServices } from '../../src/services/interfaces';

/** The sample site's time zone, as the emulator's regional settings answer it. */
export const SITE_ZONE = 'Europe/Stockholm';

export const AREAS: IArea[] = [
  {
    id: 1,
    key: 'arbetsmiljo',
    title: 'Arbetsmiljö',
    scope: 'Hälsofrämjande och förebyggande arbete.',
    purpose: 'En trygg arbetsmiljö för alla. Mer text här.',
    responsibility: 'Varje chef med arbetsmiljöuppgifter.',
    ownerRole: 'HR-strateg',
    owner: { id: 14, displayName: 'Karin Sjöberg', email: 'karin@region.example' },
    laws: ['Arbetsmiljölagen (1977:1160)'],
    reportCategories: ['Hot och våld', 'Halka och fall'],
    reportFlags: ['workEnvironmentAuthority'],
    sortOrder: 10
  },
  {
    id: 2,
    key: 'patientsakerhet',
    title: 'Patientsäkerhet',
    scope: 'Systematiskt patientsäkerhetsarbete.',
    purpose: 'Färre vårdskador.',
    responsibility: 'Vårdgivaren.',
    ownerRole: 'Verksamhetsstrateg patientsäkerhet',
    owner: { id: 11, displayName: 'Erik Holm', email: 'erik@region.example' },
    laws: ['Patientsäkerhetslagen (2010:659)', 'HSLF-FS 2017:41'],
    reportCategories: ['Fall', 'Vårdskada'],
    reportFlags: ['lexMaria'],
    sortOrder: 20
  }
];

export const STAFF: ICurrentUser = { id: 10, displayName: 'Anna Lind', email: 'anna@region.example', loginName: 'i:0#.f|membership|anna@region.example', canManageReports: false, handlesAllAreas: false, canEditGoals: false, canReport: true, canCheckInstallation: false };
export const OWNER: ICurrentUser = { ...STAFF, id: 11, displayName: 'Erik Holm', canManageReports: true, canEditGoals: true };
/** The security chief: handles every area. */
export const CHIEF: ICurrentUser = { ...STAFF, id: 12, displayName: 'Maria Berg', canManageReports: true, handlesAllAreas: true, canEditGoals: true };

/** The queue's fixture: reports of both areas. */
export function queueRow(id: number, overrides: Partial<IQueueRow> = {}): IQueueRow {
  const r = incident({ id, title: `Rapport ${id}`, ...overrides });
  return { ...r, reportId: `${String(id).padStart(8, '0')}-0000-4000-8000-000000000000`, anonymous: r.anonymous, ...overrides };
}

export const GOALS: IGoal[] = [
  { id: 1, etag: '"1"', areaId: 2, title: 'Färre fallskador', period: new Date().getFullYear(), indicator: 'Fall per 1 000 vårddagar', unit: 'per 1 000 vårddagar', direction: 'atMost', baseline: 1.9, target: 1.5, outcome: 1.6, indicatorSource: 'manual', statusComment: '', followUp: 'Riskbedömning vid inskrivning.' }
];

const day = 86400000;
export const DOCUMENTS: IGoverningDocument[] = [
  { id: 1, title: 'Säkerhetspolicy', fileName: 'policy.pdf', fileUrl: '/sites/sakerhet/StyrandeDokument/policy.pdf', documentType: 'policy', areaIds: [], registrationNumber: 'RS 2024/1864', version: '2', owner: { id: 12, displayName: 'Maria Berg' }, responsibleUnit: 'Säkerhetsenheten', approvedBy: 'Regionfullmäktige', validFrom: new Date(Date.now() - 400 * day), status: 'approved', modified: new Date() },
  { id: 2, title: 'Rutin för fallprevention', fileName: 'fall.pdf', fileUrl: '/sites/sakerhet/StyrandeDokument/fall.pdf', documentType: 'routine', areaIds: [2], registrationNumber: 'RS 2025/210', version: '1', responsibleUnit: '', approvedBy: 'Chefläkare', validFrom: new Date(Date.now() - 100 * day), validTo: new Date(Date.now() + 30 * day), status: 'approved', modified: new Date() },
  { id: 3, title: 'Gammal anvisning', fileName: 'gammal.pdf', fileUrl: '/sites/sakerhet/StyrandeDokument/gammal.pdf', documentType: 'instruction', areaIds: [1], registrationNumber: 'RS 2019/1', version: '1', responsibleUnit: '', approvedBy: 'Säkerhetschef', validFrom: new Date(Date.now() - 900 * day), validTo: new Date(Date.now() - 10 * day), status: 'approved', modified: new Date() }
];

export function incident(overrides: Partial<IIncident> = {}): IIncident {
  return {
    id: 7,
    etag: '"1"',
    reportId: 'abcdef12-0000-4000-8000-000000000000',
    areaId: 2,
    title: 'Patient föll',
    eventType: 'accident',
    category: 'Fall',
    occurredAt: new Date('2026-11-20T09:00:00Z'),
    location: 'Avd 3',
    description: 'Föll vid toaletten.',
    immediateAction: '',
    severity: 'moderate',
    status: 'new',
    anonymous: false,
    lexMaria: false,
    workEnvironmentReport: false,
    policeReport: false,
    created: new Date('2026-11-20T10:00:00Z'),
    modified: new Date('2026-11-20T10:00:00Z'),
    reporter: { id: 10, displayName: 'Anna Lind' },
    hasAttachments: false,
    analysis: '',
    reporterMessage: '',
    reporterAddition: '',
    ...overrides
  };
}

/** Area 2's register: one risk assessed (Stor × Betydande = 9, Mycket hög), its review 20 Nov 2026 (due on the pinned day); one only identified. */
export const RISKS: IRisk[] = [
  {
    id: 41,
    etag: '"1"',
    areaId: 2,
    title: 'Patient förväxlas vid provtagning',
    threat: 'Id-kontroll hoppas över vid hög belastning.',
    harm: 'Patienter.',
    location: 'Akutmottagningen',
    controls: 'Id-band.',
    owner: { id: 11, displayName: 'Erik Holm' },
    status: 'assessed',
    scores: { before: { likelihood: 3, consequence: 3 }, after: { likelihood: 1, consequence: 3 } },
    assessedAt: startOfDay('2026-10-11', SITE_ZONE),
    nextReview: startOfDay('2026-11-20', SITE_ZONE),
    modified: new Date('2026-10-11T08:00:00Z'),
    editor: { id: 11, displayName: 'Erik Holm' }
  },
  { id: 42, etag: '"1"', areaId: 2, title: 'Läkemedel till fel patient', threat: 'Avbrott.', harm: 'Patienter.', location: '', controls: '', status: 'identified' }
];

export const ASSESSMENTS: IRiskAssessment[] = [
  { id: 402, etag: '"2"', riskId: 41, title: 'Omprövning efter händelse', assessedAt: startOfDay('2026-10-11', SITE_ZONE), status: 'approved', scores: RISKS[0].scores, assessor: { id: 11, displayName: 'Erik Holm' }, motivation: 'Två förväxlingar i år.' },
  { id: 401, etag: '"2"', riskId: 41, title: 'Årlig riskanalys', assessedAt: startOfDay('2025-10-01', SITE_ZONE), status: 'approved', scores: { before: { likelihood: 2, consequence: 3 }, after: { likelihood: 2, consequence: 2 } }, motivation: '' }
];

export interface IFake extends IServices {
  retryListeners: Set<(attempt: number, status: string) => void>;
}

/** Services that answer with the fixtures; override any method with jest.fn(). */
/** A user's draft key in the fakes (32 bytes, base64), different for every user. */
export function draftSecretOf(userId: number): string {
  return Buffer.alloc(32, userId % 256).toString('base64');
}

export function fakeServices(user: ICurrentUser = STAFF, overrides: Partial<Record<string, unknown>> = {}): IFake {
  const retryListeners = new Set<(attempt: number, status: string) => void>();
  const reports = [incident()];
  const services: IFake = {
    retryListeners,
    onRetry: (l) => {
      retryListeners.add(l);
      return () => retryListeners.delete(l);
    },
    areas: { getAreas: jest.fn(async () => AREAS) },
    // The area's computed goals stored after a write.
    outcomes: { reportChanged: jest.fn(async () => ({ outcome: 'stored' as const, stored: 1 })) },
    // E-mail as Graph accepts it: one recipient.
    notifications: { reportStored: jest.fn(async () => ({ outcome: 'sent' as const, recipients: 1 })), reportClosed: jest.fn(async () => ({ outcome: 'sent' as const, recipients: 1 })) },
    // Each user's draft key, as Utkastnycklar would hand it to her alone.
    draftKeys: { getKey: jest.fn(async (me: ICurrentUser) => draftSecretOf(me.id)) },
    // The installation check: a site the check finds in order.
    setup: jest.fn(async () => ({ check: jest.fn(async () => ({ issues: [], canRepair: user.canCheckInstallation })), repair: jest.fn(async () => ({ repaired: [], failed: [], report: { issues: [], canRepair: user.canCheckInstallation } })) })),
    goals: { getGoals: jest.fn(async () => GOALS), updateGoal: jest.fn(async (g) => g), storeOutcomes: jest.fn(async (outcomes: unknown[]) => outcomes.length) },
    documents: { getDocuments: jest.fn(async () => DOCUMENTS) },
    users: { getCurrentUser: jest.fn(async () => user), searchPeople: jest.fn(async () => [{ key: 'i:0#.f|membership|erik.holm@region.example', displayName: 'Erik Holm', email: 'erik@region.example' }]),
      ensurePerson: jest.fn(async (p: { displayName: string; email?: string }) => ({ id: 11, displayName: p.displayName, email: p.email }))
    },
    actions: {
      getActions: jest.fn(async () => []),
      addAction: jest.fn(async (incidentId: number, a) => ({ id: 1, etag: '"1"', incidentId, title: a.title, owner: { id: a.ownerId, displayName: 'Erik Holm' }, dueDate: startOfDay(a.dueDate, SITE_ZONE), status: 'planned' as const })),
      setActionStatus: jest.fn(async (a, status) => ({ ...a, status, etag: '"2"' })),
      updateAction: jest.fn(async (a, change) => ({ ...a, title: change.title, owner: { id: change.ownerId, displayName: 'Erik Holm' }, dueDate: startOfDay(change.dueDate, SITE_ZONE), etag: '"2"' })),
      removeAction: jest.fn(async () => undefined),
      addRiskAction: jest.fn(async (riskId: number, a) => ({ id: 2, etag: '"1"', incidentId: 0, riskId, title: a.title, owner: { id: a.ownerId, displayName: 'Erik Holm' }, dueDate: startOfDay(a.dueDate, SITE_ZONE), status: 'planned' as const })),
      getRiskActions: jest.fn(async () => [])
    },
    // As RiskService answers: a save moves the ETag on; an assessment approved at once becomes the risk's.
    risks: {
      getRisk: jest.fn(async (id: number) => RISKS.find((r) => r.id === id)!),
      getAssessments: jest.fn(async () => ASSESSMENTS),
      addRisk: jest.fn(async (r) => ({ id: 43, etag: '"1"', areaId: r.areaId, title: r.title, threat: r.threat, harm: r.harm, location: r.location ?? '', controls: r.controls ?? '', status: 'identified' as const })),
      updateRisk: jest.fn(async (r: IRisk, c) => ({ ...r, ...c, owner: r.owner, nextReview: r.nextReview, etag: '"2"' }) as IRisk),
      assess: jest.fn(async (r: IRisk, a) => {
        const assessment: IRiskAssessment = { id: 403, etag: '"1"', riskId: r.id, title: a.title, assessedAt: startOfDay(a.assessedAt, SITE_ZONE), status: a.approve ? 'approved' : 'draft', scores: a.scores, motivation: a.motivation ?? '' };
        return { risk: a.approve ? { ...r, scores: a.scores, status: r.status === 'identified' ? ('assessed' as const) : r.status, etag: '"2"' } : r, assessment };
      }),
      approve: jest.fn(async (r: IRisk, d: IRiskAssessment) => ({ risk: { ...r, scores: d.scores, etag: '"3"' }, assessment: { ...d, status: 'approved' as const } }))
    },
    incidents: {
      submit: jest.fn(async (r) => incident({ ...r, id: 99, status: 'new', created: new Date(), modified: new Date(), reporter: { id: user.id, displayName: user.displayName } })),
      addAttachment: jest.fn(async (_id: number, f: File) => ({ fileName: f.name, ok: true })),
      getMyReports: jest.fn(async () => reports),
      getReport: jest.fn(async (id: number): Promise<IIncidentDetail> => ({ ...incident({ id }), attachments: [] })),
      updateCase: jest.fn(async (r: IIncident, change: ICaseChange) => ({
        ...r,
        status: change.status ?? r.status,
        analysis: change.analysis ?? r.analysis,
        authorityReportedAt: change.authorityReportedAt ?? undefined,
        reporterMessage: change.reporterMessage ?? r.reporterMessage,
        riskId: change.riskId === undefined ? r.riskId : change.riskId ?? undefined,
        etag: '"2"',
        attachments: []
      })),
      // As SharePoint stores it: appended under its moment, the report's ETag moves on.
      addInformation: jest.fn(async (r: IIncident, text: string) => ({
        ...r,
        reporterAddition: `${r.reporterAddition ? `${r.reporterAddition}\n\n` : ''}[2026-11-20 13:00]\n${text.trim()}`,
        reporterAddedAt: new Date(),
        etag: '"3"',
        attachments: []
      }))
    },
    views: {
      loadStart: jest.fn(async () => ({ areas: AREAS, user, timeZone: SITE_ZONE, openCounts: new Map([[2, 3]]), handledAreaIds: new Set(handledAreas(user, AREAS).map((a) => a.id)) })),
      loadArea: jest.fn(async (key: string) => {
        const area = AREAS.find((a) => a.key === key);
        if (!area) {
          throw new ServiceError('notFound', 'No such area', 404);
        }
        return { area, handlesArea: handledAreas(user, AREAS).includes(area), user, timeZone: SITE_ZONE, period: yearIn(new Date(), SITE_ZONE), goals: GOALS.filter((g) => g.areaId === area.id), documents: DOCUMENTS.filter((d) => d.areaIds.length === 0 || d.areaIds.includes(area.id)), reports: reports.filter((r) => r.areaId === area.id), risks: RISKS.filter((r) => r.areaId === area.id) };
      }),
      loadDocuments: jest.fn(async () => ({ areas: AREAS, user, timeZone: SITE_ZONE, documents: DOCUMENTS })),
      loadMyReports: jest.fn(async () => ({ areas: AREAS, user, timeZone: SITE_ZONE, reports })),
      loadReportForm: jest.fn(async () => ({ areas: AREAS, user, timeZone: SITE_ZONE })),
      loadCase: jest.fn(async (id: number) => ({ areas: AREAS, user, timeZone: SITE_ZONE, report: { ...incident({ id }), attachments: [{ fileName: 'foto.png', url: '/sites/sakerhet/Lists/Handelser/Attachments/7/foto.png' }] }, actions: [], handles: handledAreas(user, AREAS).some((a) => a.id === 2), risks: handledAreas(user, AREAS).some((a) => a.id === 2) ? RISKS : [] })),
      loadRisk: jest.fn(async (id: number) => {
        const risk = RISKS.find((r) => r.id === id);
        if (!risk) {
          throw new ServiceError('notFound', 'No such risk', 404);
        }
        const handles = handledAreas(user, AREAS).some((a) => a.id === risk.areaId);
        return { areas: AREAS, area: AREAS.find((a) => a.id === risk.areaId)!, user, timeZone: SITE_ZONE, risk, handles, assessments: handles ? ASSESSMENTS.filter((a) => a.riskId === id) : [], actions: [], reports: handles ? [{ id: 7, title: 'Fel patient fick provsvar' }] : [] };
      }),
      loadNewRisk: jest.fn(async (key: string, reportId?: number) => {
        const area = AREAS.find((a) => a.key === key)!;
        const handles = handledAreas(user, AREAS).some((a) => a.id === area.id);
        return { areas: AREAS, area, user, timeZone: SITE_ZONE, handles, report: handles && reportId !== undefined ? { ...incident({ id: reportId }), attachments: [] } : undefined };
      }),
      loadSituation: jest.fn(async (year?: number) => ({ year: year ?? yearIn(new Date(), SITE_ZONE), areas: AREAS, user, timeZone: SITE_ZONE, goals: GOALS, facts: [], risks: [], riskActions: [] })),
      loadAnnualReport: jest.fn(async (year: number) => ({ year, areas: AREAS, user, timeZone: SITE_ZONE, goals: GOALS, facts: [], risks: [], riskActions: [], analyses: new Map(), completedActions: [], assessments: [] })),
      loadQueue: jest.fn(async () => ({ areas: AREAS, handled: handledAreas(user, AREAS), user, timeZone: SITE_ZONE, rows: handledAreas(user, AREAS).length ? [queueRow(7), queueRow(8, { areaId: 1, severity: 'critical' })].filter((r) => handledAreas(user, AREAS).some((a) => a.id === r.areaId)) : [] })),
      loadQueueDetails: jest.fn(async () => new Map())
    }
  };
  Object.assign(services, overrides);
  return services;
}

export const SHAREPOINT: IHost = { kind: 'sharepoint', locale: 'sv-SE', theme: 'light', contentLanguage: 'sv-SE' };

/**
 * The live region with role `role` that has a message, once it has one. Views keep their live
 * regions in the page, empty, from the start (a region inserted with its message is often not
 * read), so there may be several, and this finds the one that speaks.
 */
export async function findMessage(role: 'alert' | 'status' = 'alert'): Promise<HTMLElement> {
  return waitFor(() => {
    const speaking = screen.getAllByRole(role).filter((r) => r.textContent?.trim());
    expect(speaking).toHaveLength(1);
    return speaking[0];
  });
}

export function renderApp(services: IServices, home: Route, options: { host?: IHost; mode?: 'app' | 'view' } = {}): RenderResult {
  return render(<App services={services} host={options.host ?? SHAREPOINT} home={home} mode={options.mode ?? 'view'} routing="memory" headingLevel={1} />);
}
