/**
 * Loads the sample content of src/model/sample/ into an empty store: the directory's people, the
 * 14 areas, their goals, the governing documents (as small PDFs) and the example reports. Every
 * item goes through the same write checks as a REST request, so the sample cannot hold a value
 * SharePoint would refuse. Dates are relative to `now`, so the sample stays current.
 */
import { createHash } from 'crypto';
import { AREA_OWNER_LEVEL, LISTS, Right, SecurityGroup, ACTION_STATUSES, DOCUMENT_STATUSES, DOCUMENT_TYPES, EVENT_TYPES, GOAL_DIRECTIONS, GOAL_STATUSES, INCIDENT_STATUSES, INDICATOR_SOURCES, MEASURES, REPORT_FLAGS, SEVERITIES, ListKey, choiceValue } from '../../src/model/schema';
import { SAMPLE_ACTIONS } from '../../src/model/sample/actions';
import { SAMPLE_AREAS } from '../../src/model/sample/areas';
import { SAMPLE_DOCUMENTS } from '../../src/model/sample/documents';
import { SAMPLE_GOALS } from '../../src/model/sample/goals';
import { SAMPLE_INCIDENTS } from '../../src/model/sample/incidents';
import { SAMPLE_PEOPLE } from '../../src/model/sample/people';
import { applyWrite } from './validation';
import { simplePdf } from './pdf';
import { maskOf } from './security';
import { Store, StoredItem } from './store';

const DAY = 24 * 60 * 60 * 1000;
export const FIRST_USER_ID = 10;

/** A deterministic GUID for sample item `n` of a list. */
function sampleGuid(list: string, n: number): string {
  const h = createHash('sha1').update(`sample:${list}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function seedSampleContent(store: Store, now: Date = new Date()): void {
  const userIds = new Map<string, number>();
  SAMPLE_PEOPLE.forEach((p, i) => {
    const id = FIRST_USER_ID + i;
    userIds.set(p.key, id);
    store.users.set(id, {
      id,
      key: p.key,
      title: p.displayName,
      email: p.email,
      loginName: `i:0#.f|membership|${p.email}`,
      group: p.group,
      isSiteAdmin: false
    });
  });
  const owner = userIds.get('maria')!;

  // The site's groups, as the site owner fills them (README, deployment step 4).
  const membersOf = (group: string): number[] => SAMPLE_PEOPLE.filter((p) => p.group === group).map((p) => userIds.get(p.key)!);
  const security = store.security;
  const groupIds: Record<SecurityGroup, number> = { owners: security.associated.owners, staff: security.associated.members, visitors: security.associated.visitors, areaOwners: 6 };
  security.groups.find((g) => g.id === groupIds.owners)!.members = membersOf('owners');
  security.groups.find((g) => g.id === groupIds.staff)!.members = membersOf('staff');
  security.groups.find((g) => g.id === groupIds.visitors)!.members = membersOf('visitors');
  security.groups.push({ id: groupIds.areaOwners, title: 'Säkerhetsområdesansvariga', members: membersOf('areaOwners') });

  // What the installation check sets on a new site (issue 9 point 7; a stand-in until it exists):
  // the area owners' permission level, unique permissions on every list as the schema's rights
  // say, item-level security on Händelser (feature XML cannot declare it) and an index on Skapad av.
  const areaOwnerLevel = { id: 1073742000, name: AREA_OWNER_LEVEL.name, description: AREA_OWNER_LEVEL.description, roleTypeKind: 0, mask: maskOf(AREA_OWNER_LEVEL.permissions), hidden: false, order: 200 };
  security.roleDefinitions.push(areaOwnerLevel);
  const levelIds: Record<Exclude<Right, 'none'>, number> = { read: 1073741826, contribute: 1073741827, areaOwner: areaOwnerLevel.id, fullControl: 1073741829 };
  for (const schema of LISTS) {
    const list = store.list(schema.key);
    list.roleAssignments = (Object.keys(schema.rights) as SecurityGroup[])
      .filter((g) => schema.rights[g] !== 'none')
      .map((g) => ({ principalId: groupIds[g], roleDefinitionIds: [levelIds[schema.rights[g] as Exclude<Right, 'none'>]] }));
  }
  const incidents = store.list('incidents').schema;
  incidents.readSecurity = 'own';
  incidents.writeSecurity = 'own';
  incidents.indexedBuiltIns.add('AuthorId');
  // The draft keys: each user reads and edits only her own (README, deployment step 4).
  const draftKeys = store.list('draftKeys').schema;
  draftKeys.readSecurity = 'own';
  draftKeys.writeSecurity = 'own';
  draftKeys.indexedBuiltIns.add('AuthorId');

  const add = (key: ListKey, body: Record<string, unknown>, author: number, created: Date, extra: Partial<StoredItem> = {}): StoredItem => {
    const list = store.list(key);
    const fields = applyWrite(store, list, undefined, body);
    const item: StoredItem = {
      id: store.allocateId(key),
      version: 1,
      guid: sampleGuid(key, list.nextId),
      fields: { ...fields, Created: iso(created), Modified: iso(created), AuthorId: author, EditorId: author },
      attachments: [],
      ...extra
    };
    store.loadItems(key, [item]);
    return item;
  };

  const areaIds = new Map<string, number>();
  SAMPLE_AREAS.forEach((a, i) => {
    const item = add(
      'areas',
      {
        Title: a.title,
        AreaKey: a.key,
        Scope: a.scope,
        Purpose: a.purpose,
        Responsibility: a.responsibility,
        OwnerRole: a.ownerRole,
        OwnerId: userIds.get(a.owner),
        Laws: a.laws.join('\n'),
        ReportCategories: a.reportCategories.join('\n'),
        ReportFlags: a.reportFlags.map((f) => choiceValue(REPORT_FLAGS, f)),
        SortOrder: (i + 1) * 10
      },
      owner,
      new Date(now.getTime() - 800 * DAY)
    );
    areaIds.set(a.key, item.id);
  });

  const ownerOf = (areaKey: string): number => userIds.get(SAMPLE_AREAS.find((a) => a.key === areaKey)!.owner)!;
  const year = now.getFullYear();
  for (const g of SAMPLE_GOALS) {
    add(
      'goals',
      {
        Title: g.title,
        AreaId: areaIds.get(g.area),
        Period: year + g.periodOffset,
        Indicator: g.indicator,
        Unit: g.unit,
        Direction: choiceValue(GOAL_DIRECTIONS, g.direction),
        Baseline: g.baseline ?? null,
        Target: g.target,
        Outcome: g.outcome ?? null,
        IndicatorSource: choiceValue(INDICATOR_SOURCES, g.measure ? 'computed' : 'manual'),
        Measure: g.measure ? choiceValue(MEASURES, g.measure.kind) : null,
        MeasureEventTypes: (g.measure?.eventTypes ?? []).map((t) => choiceValue(EVENT_TYPES, t)),
        MeasureCategory: g.measure?.category || null,
        MeasureMinSeverity: g.measure?.minSeverity ? choiceValue(SEVERITIES, g.measure.minSeverity) : null,
        MeasureDays: g.measure?.days ?? null,
        StatusOverride: g.judged ? choiceValue(GOAL_STATUSES, g.judged.status) : null,
        StatusComment: g.judged?.comment ?? null,
        ResponsibleId: userIds.get(g.responsible ?? '') ?? ownerOf(g.area),
        FollowUp: g.followUp
      },
      ownerOf(g.area),
      new Date(Date.UTC(year + g.periodOffset, 0, 15))
    );
  }

  for (const d of SAMPLE_DOCUMENTS) {
    const created = new Date(now.getTime() + Math.min(d.validFromDays, 0) * DAY - 20 * DAY);
    const pdf = simplePdf(d.title, [
      `${choiceValue(DOCUMENT_TYPES, d.type)} · Diarienummer ${d.registrationNumber} · Version ${d.version}`,
      `Fastställd av ${d.approvedBy}. Ansvarig verksamhet: ${d.responsibleUnit}.`,
      d.summary,
      'Exempeldokument i Säkerhets lokala utvecklingsmiljö.'
    ]);
    const body: Record<string, unknown> = {
      Title: d.title,
      DocumentType: choiceValue(DOCUMENT_TYPES, d.type),
      AreasId: d.areas.map((a) => areaIds.get(a)),
      RegistrationNumber: d.registrationNumber,
      DocVersion: d.version,
      DocumentOwnerId: userIds.get(d.owner),
      ResponsibleUnit: d.responsibleUnit,
      ApprovedBy: d.approvedBy,
      ValidFrom: iso(new Date(now.getTime() + d.validFromDays * DAY)),
      ValidTo: d.validToDays === undefined ? null : iso(new Date(now.getTime() + d.validToDays * DAY)),
      DocStatus: choiceValue(DOCUMENT_STATUSES, d.status)
    };
    add('documents', body, userIds.get(d.owner)!, created, {
      file: { name: d.fileName, blob: store.putBlob(pdf), size: pdf.length, version: 1, created: iso(created), modified: iso(created) }
    });
  }

  // Reports are created in time order, as in life, so item IDs grow with the date.
  const chronological = SAMPLE_INCIDENTS.map((s, i) => ({ s, i })).sort((a, b) => b.s.daysAgo - a.s.daysAgo || a.i - b.i);
  const incidentIds = new Map<string, { id: number; created: Date; area: string }>();
  chronological.forEach(({ s, i }) => {
    const day = new Date(now.getTime() - s.daysAgo * DAY);
    // The hour is local (Stockholm); one hour's difference from UTC is close enough for samples.
    const occurred = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), s.hour - 1, (i * 7) % 60));
    const created = new Date(Math.min(occurred.getTime() + (2 + (i % 5)) * 60 * 60 * 1000, now.getTime() - 60 * 1000));
    const closedAt =
      s.status === 'closed' ? new Date(Math.min(created.getTime() + (s.closedAfterDays ?? 5 + ((i * 11) % 50)) * DAY, now.getTime() - 3600 * 1000)) : undefined;
    const flagged = s.lexMaria || s.workEnvironmentReport || s.policeReport;
    const reportedAt = flagged && s.reportedAfterDays !== undefined ? new Date(occurred.getTime() + s.reportedAfterDays * DAY + 6 * 3600 * 1000) : undefined;
    const item = add(
      'incidents',
      {
        Title: s.title,
        ReportId: sampleGuid('report', i),
        AreaId: areaIds.get(s.area),
        EventType: choiceValue(EVENT_TYPES, s.type),
        Category: s.category,
        OccurredAt: iso(occurred),
        Location: s.location,
        Description: s.description,
        ImmediateAction: s.immediateAction,
        Severity: choiceValue(SEVERITIES, s.severity),
        Status: choiceValue(INCIDENT_STATUSES, s.status),
        Anonymous: !!s.anonymous,
        LexMaria: !!s.lexMaria,
        WorkEnvironmentReport: !!s.workEnvironmentReport,
        PoliceReport: !!s.policeReport,
        InvestigatorId: s.status === 'new' ? null : ownerOf(s.area),
        Analysis: s.analysis || null,
        ClosedAt: closedAt ? iso(closedAt) : null,
        AuthorityReportedAt: reportedAt ? iso(new Date(Math.min(reportedAt.getTime(), now.getTime() - 3600 * 1000))) : null
      },
      userIds.get(s.reporter)!,
      created
    );
    incidentIds.set(s.title, { id: item.id, created, area: s.area });
  });

  for (const a of SAMPLE_ACTIONS) {
    const incident = incidentIds.get(a.incident);
    if (!incident) {
      throw new Error(`Sample action for unknown report ${a.incident}`);
    }
    const due = new Date(incident.created.getTime() + a.dueAfterDays * DAY);
    const done = a.status === 'done' ? new Date(Math.min(incident.created.getTime() + (a.doneAfterDays ?? a.dueAfterDays) * DAY, now.getTime() - DAY)) : undefined;
    add(
      'actions',
      {
        Title: a.title,
        IncidentId: incident.id,
        ActionOwnerId: userIds.get(a.owner ?? '') ?? ownerOf(incident.area),
        DueDate: iso(due),
        ActionStatus: choiceValue(ACTION_STATUSES, a.status),
        CompletedAt: done ? iso(done) : null
      },
      ownerOf(incident.area),
      new Date(incident.created.getTime() + DAY)
    );
  }
}
