/**
 * The sample site behind `npm start` and the tests: the site as the package creates it, its people
 * in the site's groups, then the product's own installation check run as the site owner (which
 * sets permissions, item-level security, indexes and adds the 14 areas), then the sample content
 * of src/model/sample/. Every item goes through the same write checks as a REST request, so the
 * sample cannot hold a value SharePoint would refuse.
 */
import { createHash } from 'crypto';
import { AREA_OWNERS_GROUP, SITE_URL, SecurityGroup, ACTION_STATUSES, ASSESSMENT_STATUSES, RISK_STATUSES, DOCUMENT_STATUSES, DOCUMENT_TYPES, EVENT_TYPES, GOAL_DIRECTIONS, GOAL_STATUSES, INCIDENT_STATUSES, INDICATOR_SOURCES, MEASURES, SEVERITIES, ListKey, choiceValue } from '../../src/model/schema';
import type { IRepairResult } from '../../src/services/SetupService';
import { SAMPLE_ACTIONS } from '../../src/model/sample/actions';
import { GUIDELINE_AREAS } from '../../src/model/areas';
import { SAMPLE_AREA_DEPUTIES, SAMPLE_AREA_OWNERS } from '../../src/model/sample/areaOwners';
import { SAMPLE_DOCUMENTS } from '../../src/model/sample/documents';
import { SAMPLE_GOALS } from '../../src/model/sample/goals';
import { SAMPLE_INCIDENTS } from '../../src/model/sample/incidents';
import { SAMPLE_PEOPLE } from '../../src/model/sample/people';
import { ISampleAssessment, SAMPLE_RISKS } from '../../src/model/sample/risks';
import { fromScores, toFacts } from '../../src/services/mapping';
import { measureIndicator } from '../../src/analytics/indicators';
import { applyWrite } from './validation';
import { wallClockIn } from '../../src/model/calendar';
import { simplePdf } from './pdf';
import { Store, StoredItem } from './store';

const DAY = 24 * 60 * 60 * 1000;
/** The sample site's wall clock (regional.ts: Stockholm). */
const stockholm = (instant: Date): { date: string; time: string } => wallClockIn(instant, 'Europe/Stockholm');
export const FIRST_USER_ID = 10;

/** A deterministic GUID for sample item `n` of a list. */
function sampleGuid(list: string, n: number): string {
  const h = createHash('sha1').update(`sample:${list}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The security chief creates the site and runs the installation check. */
export const SITE_CREATOR = 'maria';

/** The site users' ids by sample person key (they are the directory's people who use the site). */
export function sampleUserIds(): Map<string, number> {
  return new Map(SAMPLE_PEOPLE.map((p, i) => [p.key, FIRST_USER_ID + i]));
}

/**
 * The people of the sample site and what the site owner does by hand in Site permissions (README,
 * deployment step 4): the security chief in Owners, staff in Members, intranet visitors in
 * Visitors. On a site just created (`creatorOnly`), only its creator – the security chief – is in
 * Owners, as SharePoint makes the creator an owner.
 */
export function seedPeople(store: Store, creatorOnly = false): void {
  const userIds = sampleUserIds();
  for (const p of SAMPLE_PEOPLE) {
    const id = userIds.get(p.key)!;
    store.users.set(id, { id, key: p.key, title: p.displayName, email: p.email, loginName: `i:0#.f|membership|${p.email}`, group: p.group, isSiteAdmin: false });
  }
  // Site users are people who visited or were added, and groups: SharePoint Online puts "everyone
  // except external users" among them (a security group, PrincipalType 4). The rest of the
  // directory (directory.ts) is not a site user until ensured (people.ts, ensureUser).
  const everyone = FIRST_USER_ID + SAMPLE_PEOPLE.length;
  store.users.set(everyone, { id: everyone, title: 'Alla utom externa användare', email: '', loginName: 'c:0-.f|rolemanager|spo-grid-all-users/6b0d9d3c-7a8e-4c1e-9f5b-2a3d4e5f6a7b', isSiteAdmin: false, principalType: 4 });
  const security = store.security;
  const membersOf = (group: SecurityGroup): number[] => SAMPLE_PEOPLE.filter((p) => p.group === group && (!creatorOnly || p.key === SITE_CREATOR)).map((p) => userIds.get(p.key)!);
  security.groups.find((g) => g.id === security.associated.owners)!.members = membersOf('owners');
  security.groups.find((g) => g.id === security.associated.members)!.members = membersOf('staff');
  security.groups.find((g) => g.id === security.associated.visitors)!.members = membersOf('visitors');
}

/**
 * The site owner's step after the installation check created the area owners' group (README,
 * deployment step 6): the area owners become its members.
 */
export function addAreaOwnersToGroup(store: Store): void {
  const group = store.security.groups.find((g) => g.title === AREA_OWNERS_GROUP.name);
  if (!group) {
    throw new Error(`The group ${AREA_OWNERS_GROUP.name} does not exist: the installation check creates it.`);
  }
  const userIds = sampleUserIds();
  group.members = SAMPLE_PEOPLE.filter((p) => p.group === 'areaOwners').map((p) => userIds.get(p.key)!);
}

/**
 * The product's own installation check, run as the site owner over HTTP against a site the
 * package has just created: it is what sets the sample site's permission level, group, unique
 * permissions, item-level security, indexes and the 14 areas (one piece of code for both).
 * @throws Error naming what the repair could not do
 */
export async function repairAsSiteOwner(origin: string, user: string = SITE_CREATOR): Promise<IRepairResult> {
  // Loaded here only: the product's PnPjs services, as a browser loads them.
  const [{ createSp }, { SetupService }, { InjectHeaders }, { devSpfxContext }] = await Promise.all([
    import('../../src/services/sp'),
    import('../../src/services/SetupService'),
    import('@pnp/queryable'),
    import('../host/context')
  ]);
  const sp = createSp(devSpfxContext(origin), InjectHeaders({ Cookie: `sakerhet-user=${user}` }));
  const result = await new SetupService(sp, SITE_URL).repair();
  if (result.failed.length > 0) {
    throw new Error(`The installation check could not repair: ${result.failed.map((f) => `${f.issue.kind} ${f.issue.listTitle ?? ''} ${f.issue.subject ?? ''}: ${f.error.message}`).join('; ')}`);
  }
  return result;
}

/**
 * The sample content of a site that has passed the installation check: each area's owner (as the
 * site owner sets it in the list), goals, governing documents (as small PDFs), reports and actions.
 * Every item goes through the same write checks as a REST request. Dates are relative to `now`.
 */
export function seedSampleContent(store: Store, now: Date = new Date()): void {
  const userIds = sampleUserIds();
  const areaIds = new Map<string, number>();
  for (const item of store.list('areas').items.values()) {
    areaIds.set(String(item.fields.AreaKey), item.id);
  }
  for (const a of GUIDELINE_AREAS) {
    const id = areaIds.get(a.key);
    if (id === undefined) {
      throw new Error(`Area ${a.key} is missing: the installation check adds the 14 areas.`);
    }
    const item = store.list('areas').items.get(id)!;
    store.loadItems('areas', [{ ...item, version: item.version + 1, fields: { ...item.fields, OwnerId: userIds.get(SAMPLE_AREA_OWNERS[a.key]), DeputyId: SAMPLE_AREA_DEPUTIES[a.key] ? userIds.get(SAMPLE_AREA_DEPUTIES[a.key]) : null } }]);
  }

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

  const ownerOf = (areaKey: string): number => userIds.get(SAMPLE_AREA_OWNERS[areaKey])!;
  const year = now.getFullYear();
  const computedGoals: { item: StoredItem; goal: (typeof SAMPLE_GOALS)[number] }[] = [];
  for (const g of SAMPLE_GOALS) {
    const goalItem = add(
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
    if (g.measure) {
      computedGoals.push({ item: goalItem, goal: g });
    }
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
    // The status last changed when the report was closed, or a few days after it came in; a new
    // report's status never changed.
    const statusChangedAt = closedAt ?? (s.status === 'new' ? undefined : new Date(Math.min(created.getTime() + 3 * DAY, now.getTime() - 2 * 3600 * 1000)));
    const addedAt = s.addition ? new Date(Math.min(created.getTime() + s.addition.afterDays * DAY, now.getTime() - 3600 * 1000)) : undefined;
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
        AuthorityReportedAt: reportedAt ? iso(new Date(Math.min(reportedAt.getTime(), now.getTime() - 3600 * 1000))) : null,
        StatusChangedAt: statusChangedAt ? iso(statusChangedAt) : null,
        ReporterMessage: s.reporterMessage || null,
        // As the product writes it (IncidentService.addInformation): headed by its moment in Stockholm.
        ReporterAddition: s.addition && addedAt ? `[${stockholm(addedAt).date} ${stockholm(addedAt).time}]\n${s.addition.text}` : null,
        ReporterAddedAt: addedAt ? iso(addedAt) : null
      },
      userIds.get(s.reporter)!,
      created
    );
    incidentIds.set(s.title, { id: item.id, created, area: s.area });
  });

  // The computed goals' outcomes as the app stores them after an area owner's write
  // (OutcomeService): from all of the area's reports at `now`, with when they were computed, from
  // how many reports and until when they hold – what staff, who cannot read the reports, are shown.
  const zone = store.timeZone.iana;
  const facts = [...store.list('incidents').items.values()].map((r) => toFacts({ ...r.fields, Id: r.id }));
  for (const { item, goal } of computedGoals) {
    const indicator = measureIndicator(goal.measure!, facts.filter((f) => f.areaId === item.fields.AreaId), Number(item.fields.Period), now, zone);
    const stored = store.list('goals').items.get(item.id)!;
    store.loadItems('goals', [
      {
        ...stored,
        version: stored.version + 1,
        fields: {
          ...stored.fields,
          Outcome: indicator.value ?? null,
          OutcomeComputedAt: iso(now),
          OutcomeBasis: indicator.basis,
          OutcomeValidUntil: indicator.validUntil ? iso(indicator.validUntil) : null
        }
      }
    ]);
  }

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

  // The risk register: each risk with its assessments (oldest first), the current fastställd one
  // copied into the risk as the app does, the report that realised it and its actions.
  const scores = (a: ISampleAssessment): Record<string, unknown> =>
    fromScores({
      before: { likelihood: a.before[0], consequence: a.before[1] },
      after: a.after ? { likelihood: a.after[0], consequence: a.after[1] } : undefined
    });
  SAMPLE_RISKS.forEach((r) => {
    const owner = ownerOf(r.area);
    const firstDay = r.assessments.length > 0 ? r.assessments[0].daysAgo + 14 : 20;
    const current = [...r.assessments].reverse().find((a) => !a.draft);
    const risk = add(
      'risks',
      {
        Title: r.title,
        AreaId: areaIds.get(r.area),
        Threat: r.threat,
        Harm: r.harm,
        Location: r.location,
        Controls: r.controls,
        RiskOwnerId: owner,
        RiskStatus: choiceValue(RISK_STATUSES, r.status),
        ...(current ? { ...scores(current), AssessedAt: iso(new Date(now.getTime() - current.daysAgo * DAY)) } : {}),
        NextReview: r.reviewInDays === undefined ? null : iso(new Date(now.getTime() + r.reviewInDays * DAY))
      },
      owner,
      new Date(now.getTime() - firstDay * DAY)
    );
    for (const a of r.assessments) {
      const at = new Date(now.getTime() - a.daysAgo * DAY);
      add(
        'riskAssessments',
        {
          Title: a.summary,
          RiskId: risk.id,
          AssessedAt: iso(at),
          AssessmentStatus: choiceValue(ASSESSMENT_STATUSES, a.draft ? 'draft' : 'approved'),
          AssessorId: owner,
          Motivation: a.motivation,
          ...scores(a)
        },
        owner,
        at
      );
    }
    if (r.realisedBy) {
      const incident = incidentIds.get(r.realisedBy);
      if (!incident) {
        throw new Error(`Sample risk realised by unknown report ${r.realisedBy}`);
      }
      const item = store.list('incidents').items.get(incident.id)!;
      store.loadItems('incidents', [{ ...item, version: item.version + 1, fields: { ...item.fields, RiskId: risk.id } }]);
    }
    for (const a of r.actions ?? []) {
      add(
        'actions',
        {
          Title: a.title,
          RiskId: risk.id,
          ActionOwnerId: userIds.get(a.owner ?? '') ?? owner,
          DueDate: iso(new Date(now.getTime() + a.dueInDays * DAY)),
          ActionStatus: choiceValue(ACTION_STATUSES, a.status),
          CompletedAt: null
        },
        owner,
        new Date(now.getTime() - 30 * DAY)
      );
    }
  });
}
