/**
 * The installation check (issue 9 point 7): compares the site with what the product needs – the
 * lists and their columns, indexes, delete behaviour of lookups, item-level security, the area
 * owners' permission level and group, unique permissions with exactly the schema's rights on every
 * list, and the 14 areas – and repairs what can be repaired over REST with the site owner's rights.
 * It is also how a later version's columns reach lists that already exist.
 *
 * Every request has SharePoint's documented shape (sources in the README's table "What the
 * installation check does"):
 * - reading: `web?$select=EffectiveBasePermissions`, `web/roledefinitions`, `web/sitegroups`,
 *   `web/associatedownergroup|associatedmembergroup|associatedvisitorgroup`,
 *   `sitegroups/getbyid(id)/users`, `getList(url)?$select=…,HasUniqueRoleAssignments`,
 *   `getList(url)/fields`, `getList(url)/roleassignments?$expand=Member,RoleDefinitionBindings`;
 * - repairing: POST `web/roledefinitions` (SP.RoleDefinitionCreationInformation), MERGE
 *   `roledefinitions/getById(id)`, POST `web/sitegroups`, POST `fields/createfieldasxml`, MERGE a
 *   field (Indexed, Required, Choices, RelationshipDeleteBehavior) and a list (ReadSecurity,
 *   WriteSecurity, EnableAttachments), POST `breakroleinheritance(copyroleassignments=true,
 *   clearsubscopes=false)`, POST `roleassignments/addroleassignment(principalid=…, roledefid=…)`
 *   and `removeroleassignment(…)`, POST `items` for missing areas.
 * SharePoint checks the owner's rights on each: Manage Permissions (levels, assignments), Create
 * Groups, Manage Lists (columns, list settings), Add Items (areas).
 */
import { SPCollection, SPInstance, spPost, spPostMerge, type ISPQueryable } from '@pnp/sp';
import { body } from '@pnp/queryable';
import { fieldXml } from '../model/caml';
import { AREA_OWNER_LEVEL, AREA_OWNERS_GROUP, AREAS_LIST, DRAFT_KEYS_LIST, IFieldSchema, IListSchema, INCIDENTS_LIST, ACTIONS_LIST, LISTS, RISKS_LIST, RISK_ASSESSMENTS_LIST, ListKey, REPORT_FLAGS, Right, SecurityGroup, choiceValue, deleteBehaviorOf, listServerRelativeUrl } from '../model/schema';
import type { IGuidelineArea } from '../model/areas';
import { settledInOneBatch, settlingBatch } from './batch';
import { ServiceError, toServiceError } from './errors';
import type { ISetupService } from './interfaces';
import { hasPermissions, PermissionKind, type SPFI } from './sp';

type Raw = Record<string, unknown>;

/** The guideline's 14 areas, loaded with the check (an owner's rare visit), not with the app. */
function guidelineAreas(): Promise<readonly IGuidelineArea[]> {
  return import(/* webpackChunkName: 'sakerhet-guideline-areas' */ '../model/areas').then((m) => m.GUIDELINE_AREAS);
}

export type SetupIssueKind =
  | 'listMissing'
  | 'fieldMissing'
  | 'fieldType'
  | 'fieldRequired'
  | 'fieldIndexed'
  | 'fieldChoices'
  | 'deleteBehavior'
  | 'itemLevelSecurity'
  | 'attachments'
  | 'levelMissing'
  | 'levelPermissions'
  | 'groupMissing'
  | 'groupEmpty'
  | 'associatedGroupMissing'
  | 'inheritsPermissions'
  | 'assignmentMissing'
  | 'assignmentExtra'
  | 'areasMissing';

/** One difference between the site and what the product needs. */
export interface ISetupIssue {
  kind: SetupIssueKind;
  /** `auto`: the check repairs it; `manual`: the site owner must (the UI says how). */
  repair: 'auto' | 'manual';
  /** The list concerned, by key, and its title on the site (or the schema's when it is missing). */
  list?: ListKey;
  listTitle?: string;
  /** A column's display name, a group's or a level's name, or the missing areas' titles. */
  subject?: string;
  /** What the product needs and what the site has, as names or values (level names, choices). */
  expected?: string;
  actual?: string;
  /** What the repair needs to know (ids, names), not shown. */
  data?: Record<string, unknown>;
}

export interface ISetupReport {
  issues: ISetupIssue[];
  /** Whether the user has the rights SharePoint checks for the repairs (Manage Permissions, Manage Lists). */
  canRepair: boolean;
}

export interface IRepairResult {
  repaired: ISetupIssue[];
  failed: { issue: ISetupIssue; error: ServiceError }[];
  /** The site as it is after the repair. */
  report: ISetupReport;
}

/** The groups the schema's rights name, and SharePoint's level for each of the schema's rights. */
interface IPrincipals {
  groups: Partial<Record<SecurityGroup, { id: number; title: string }>>;
  levels: Partial<Record<Exclude<Right, 'none'>, { id: number; name: string }>>;
}

interface ISiteList {
  schema: IListSchema;
  found: boolean;
  id?: string;
  title?: string;
  readSecurity?: number;
  writeSecurity?: number;
  enableAttachments?: boolean;
  hasUniqueRoleAssignments?: boolean;
  fields: Raw[];
  assignments: { principalId: number; principalTitle: string; bindings: { id: number; name: string; hidden: boolean }[] }[];
}

/** What the check read from the site. */
export interface ISiteSnapshot {
  webMask: { High: number; Low: number };
  levels: { id: number; name: string; roleTypeKind: number; mask: { High: number; Low: number }; hidden: boolean }[];
  groups: { id: number; title: string }[];
  associated: { owners?: number; members?: number; visitors?: number };
  areaOwnerMembers: number | undefined;
  lists: ISiteList[];
  areaKeys: string[];
}

/** SP.RoleType of SharePoint's default levels (names differ by site language; the kinds do not). */
const ROLE_TYPE: Record<Exclude<Right, 'none' | 'areaOwner'>, number> = { read: 2, contribute: 3, fullControl: 5 };
/** SP.RelationshipDeleteBehaviorType. */
const DELETE_BEHAVIOR = { None: 0, Cascade: 1, Restrict: 2 } as const;
/** Lists where nobody but the schema's groups may have access: reports, actions, the risk register and its assessments, the draft keys. */
const PRIVATE_LISTS: readonly ListKey[] = [INCIDENTS_LIST.key, ACTIONS_LIST.key, RISKS_LIST.key, RISK_ASSESSMENTS_LIST.key, DRAFT_KEYS_LIST.key];
/**
 * The built-in column Author ("Skapad av") is indexed on Händelser for the list view Mina rapporter,
 * and on Utkastnycklar, which the form reads by its author (one item per person who reports).
 */
const BUILT_IN_INDEXES: Partial<Record<ListKey, readonly string[]>> = { incidents: ['Author'], draftKeys: ['Author'] };

/** The 64-bit mask of a set of PnPjs PermissionKind names, as SharePoint's REST API writes it. */
export function maskOf(permissions: readonly (keyof typeof PermissionKind)[]): { High: number; Low: number } {
  let high = 0;
  let low = 0;
  for (const p of permissions) {
    const bit = PermissionKind[p] - 1;
    if (bit < 32) {
      low = (low | (1 << bit)) >>> 0;
    } else {
      high = (high | (1 << (bit - 32))) >>> 0;
    }
  }
  return { High: high, Low: low };
}

function sameMask(a: { High: number; Low: number }, b: { High: number; Low: number }): boolean {
  return Number(a.High) >>> 0 === Number(b.High) >>> 0 && Number(a.Low) >>> 0 === Number(b.Low) >>> 0;
}

/** The field's internal type name as SharePoint's TypeAsString says it. */
function typeAsString(field: IFieldSchema): string {
  return field.type;
}

/** The groups and levels on the site that the schema's rights mean. */
export function principalsOf(site: ISiteSnapshot): IPrincipals {
  const group = (id: number | undefined): { id: number; title: string } | undefined => site.groups.find((g) => g.id === id);
  const areaOwners = site.groups.find((g) => g.title === AREA_OWNERS_GROUP.name);
  const levelOfType = (kind: number): { id: number; name: string } | undefined => site.levels.find((l) => l.roleTypeKind === kind);
  const areaOwnerLevel = site.levels.find((l) => l.name === AREA_OWNER_LEVEL.name);
  return {
    groups: { owners: group(site.associated.owners), staff: group(site.associated.members), visitors: group(site.associated.visitors), areaOwners },
    levels: { read: levelOfType(ROLE_TYPE.read), contribute: levelOfType(ROLE_TYPE.contribute), fullControl: levelOfType(ROLE_TYPE.fullControl), areaOwner: areaOwnerLevel }
  };
}

/**
 * Every difference between the site and the schema. Pure: the site as read by `read()`.
 * Order: levels and groups, then list by list (columns, settings, permissions), then the areas.
 */
export function findIssues(site: ISiteSnapshot, areas: readonly Pick<IGuidelineArea, 'key' | 'title'>[]): ISetupIssue[] {
  const issues: ISetupIssue[] = [];
  const who = principalsOf(site);
  const wanted = maskOf(AREA_OWNER_LEVEL.permissions);
  const level = site.levels.find((l) => l.name === AREA_OWNER_LEVEL.name);
  if (!level) {
    issues.push({ kind: 'levelMissing', repair: 'auto', subject: AREA_OWNER_LEVEL.name });
  } else if (!sameMask(level.mask, wanted)) {
    issues.push({ kind: 'levelPermissions', repair: 'auto', subject: AREA_OWNER_LEVEL.name, data: { id: level.id } });
  }
  const associated: [keyof ISiteSnapshot['associated'], SecurityGroup][] = [
    ['owners', 'owners'],
    ['members', 'staff'],
    ['visitors', 'visitors']
  ];
  for (const [key] of associated) {
    if (site.associated[key] === undefined || !site.groups.some((g) => g.id === site.associated[key])) {
      issues.push({ kind: 'associatedGroupMissing', repair: 'manual', subject: key });
    }
  }
  if (!who.groups.areaOwners) {
    issues.push({ kind: 'groupMissing', repair: 'auto', subject: AREA_OWNERS_GROUP.name });
  } else if (site.areaOwnerMembers === 0) {
    issues.push({ kind: 'groupEmpty', repair: 'manual', subject: AREA_OWNERS_GROUP.name });
  }

  for (const list of site.lists) {
    const schema = list.schema;
    const title = list.title ?? schema.title;
    const at = { list: schema.key, listTitle: title };
    if (!list.found) {
      issues.push({ kind: 'listMissing', repair: 'manual', ...at, subject: listServerRelativeUrl(schema) });
      continue;
    }
    for (const field of schema.fields) {
      const found = list.fields.find((f) => f.InternalName === field.name);
      if (!found) {
        issues.push({ kind: 'fieldMissing', repair: 'auto', ...at, subject: field.displayName, data: { name: field.name } });
        continue;
      }
      if (found.TypeAsString !== typeAsString(field)) {
        issues.push({ kind: 'fieldType', repair: 'manual', ...at, subject: String(found.Title ?? field.displayName), expected: typeAsString(field), actual: String(found.TypeAsString) });
        continue;
      }
      if (!!found.Required !== !!field.required && !field.builtIn) {
        issues.push({ kind: 'fieldRequired', repair: 'auto', ...at, subject: String(found.Title), expected: String(!!field.required), actual: String(!!found.Required), data: { name: field.name } });
      }
      if (field.indexed && !found.Indexed) {
        issues.push({ kind: 'fieldIndexed', repair: 'auto', ...at, subject: String(found.Title), data: { name: field.name } });
      }
      if (field.choices) {
        const have = Array.isArray(found.Choices) ? (found.Choices as string[]) : [];
        const missing = field.choices.map((c) => c.value).filter((v) => !have.includes(v));
        if (missing.length > 0) {
          // The site may have more choices than the product (an owner added some); those stay.
          issues.push({ kind: 'fieldChoices', repair: 'auto', ...at, subject: String(found.Title), expected: missing.join(', '), data: { name: field.name, choices: [...have, ...missing] } });
        }
      }
      const behavior = deleteBehaviorOf(field);
      if (behavior !== 'None' && Number(found.RelationshipDeleteBehavior ?? 0) !== DELETE_BEHAVIOR[behavior]) {
        issues.push({ kind: 'deleteBehavior', repair: 'auto', ...at, subject: String(found.Title), expected: behavior, data: { name: field.name, value: DELETE_BEHAVIOR[behavior], indexed: !!found.Indexed } });
      }
    }
    for (const builtIn of BUILT_IN_INDEXES[schema.key] ?? []) {
      const found = list.fields.find((f) => f.InternalName === builtIn);
      if (found && !found.Indexed) {
        issues.push({ kind: 'fieldIndexed', repair: 'auto', ...at, subject: String(found.Title ?? builtIn), data: { name: builtIn } });
      }
    }
    const ownSecurity = schema.readSecurity === 'own' ? 2 : 1;
    const ownWrite = schema.writeSecurity === 'own' ? 2 : 1;
    if (list.readSecurity !== ownSecurity || list.writeSecurity !== ownWrite) {
      issues.push({ kind: 'itemLevelSecurity', repair: 'auto', ...at, expected: `${ownSecurity}/${ownWrite}`, actual: `${list.readSecurity}/${list.writeSecurity}`, data: { read: ownSecurity, write: ownWrite } });
    }
    if (schema.enableAttachments && list.enableAttachments === false) {
      issues.push({ kind: 'attachments', repair: 'auto', ...at });
    }
    if (!list.hasUniqueRoleAssignments) {
      issues.push({ kind: 'inheritsPermissions', repair: 'auto', ...at });
    }
    issues.push(...assignmentIssues(list, who, at));
  }

  const areaList = site.lists.find((l) => l.schema.key === AREAS_LIST.key);
  if (areaList?.found) {
    const missing = areas.filter((a) => !site.areaKeys.includes(a.key));
    if (missing.length > 0) {
      issues.push({ kind: 'areasMissing', repair: 'auto', list: AREAS_LIST.key, listTitle: areaList.title, subject: missing.map((m) => m.title).join(', '), expected: String(missing.length), data: { keys: missing.map((m) => m.key) } });
    }
  }
  return issues;
}

/** Exactly the schema's group → level bindings; on Händelser and Åtgärder nobody else. */
function assignmentIssues(list: ISiteList, who: IPrincipals, at: { list: ListKey; listTitle: string }): ISetupIssue[] {
  const issues: ISetupIssue[] = [];
  const wantedBy = new Map<number, number>();
  for (const group of Object.keys(list.schema.rights) as SecurityGroup[]) {
    const right = list.schema.rights[group];
    const principal = who.groups[group];
    if (right === 'none') {
      continue;
    }
    if (!principal) {
      // The area owners' group is created first (groupMissing); a missing associated group is the
      // site owner's to fix (associatedGroupMissing).
      if (group === 'areaOwners') {
        issues.push({ kind: 'assignmentMissing', repair: 'auto', ...at, subject: AREA_OWNERS_GROUP.name, expected: AREA_OWNER_LEVEL.name, data: { group, right } });
      }
      continue;
    }
    const level = who.levels[right];
    if (!level) {
      // The level is created first (levelMissing); its binding follows in the same repair.
      issues.push({ kind: 'assignmentMissing', repair: 'auto', ...at, subject: principal.title, expected: right === 'areaOwner' ? AREA_OWNER_LEVEL.name : right, data: { group, right } });
      continue;
    }
    wantedBy.set(principal.id, level.id);
    const has = list.assignments.find((a) => a.principalId === principal.id)?.bindings.some((b) => b.id === level.id);
    if (!has || !list.hasUniqueRoleAssignments) {
      issues.push({ kind: 'assignmentMissing', repair: 'auto', ...at, subject: principal.title, expected: level.name, data: { group, right } });
    }
  }
  // A right the region may give as a setting (Risker: staff read the register) is left as it is.
  const optional = new Set<string>();
  for (const [group, right] of Object.entries(list.schema.optionalRights ?? {}) as [SecurityGroup, Right][]) {
    const principal = who.groups[group];
    const level = right === 'none' ? undefined : who.levels[right];
    if (principal && level) {
      optional.add(`${principal.id}:${level.id}`);
    }
  }
  const schemaGroups = new Set((Object.keys(list.schema.rights) as SecurityGroup[]).map((g) => who.groups[g]?.id).filter((id): id is number => id !== undefined));
  for (const a of list.assignments) {
    const isSchemaGroup = schemaGroups.has(a.principalId);
    if (!isSchemaGroup && !PRIVATE_LISTS.includes(list.schema.key)) {
      // Other people and groups on the public lists are the region's business.
      continue;
    }
    for (const b of a.bindings) {
      // Limited Access is SharePoint's own bookkeeping and cannot be removed.
      if (b.hidden || wantedBy.get(a.principalId) === b.id || optional.has(`${a.principalId}:${b.id}`)) {
        continue;
      }
      issues.push({ kind: 'assignmentExtra', repair: 'auto', ...at, subject: a.principalTitle, actual: b.name, data: { principalId: a.principalId, roleId: b.id } });
    }
  }
  return issues;
}

/** Parts per $batch: well under what SharePoint accepts in one request. */
const MAX_BATCH = 80;

export class SetupService implements ISetupService {
  constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  private list(sp: SPFI, schema: IListSchema): ISPQueryable {
    return sp.web.getList(listServerRelativeUrl(schema, this.siteUrl));
  }

  /** Reads everything the check compares, in one $batch. */
  public async read(): Promise<ISiteSnapshot> {
    const [b, execute] = settlingBatch(this.sp);
    const optional = <T>(p: Promise<T>): Promise<T | undefined> => p.catch((err) => {
      const e = toServiceError(err);
      if (e.kind === 'notFound') {
        return undefined;
      }
      throw e;
    });
    const web = SPInstance(b.web).select('EffectiveBasePermissions')() as Promise<Raw>;
    const levels = SPCollection(b.web, 'roledefinitions').select('Id', 'Name', 'RoleTypeKind', 'BasePermissions', 'Hidden')() as Promise<Raw[]>;
    const groups = SPCollection(b.web, 'sitegroups').select('Id', 'Title')() as Promise<Raw[]>;
    const associated = (['associatedownergroup', 'associatedmembergroup', 'associatedvisitorgroup'] as const).map((p) => optional(SPInstance(b.web, p).select('Id')() as Promise<Raw>));
    const lists = LISTS.map((schema) => {
      const l = this.list(b, schema);
      return {
        props: optional(SPInstance(l).select('Id', 'Title', 'ReadSecurity', 'WriteSecurity', 'EnableAttachments', 'HasUniqueRoleAssignments')() as Promise<Raw>),
        fields: optional(SPCollection(l, 'fields')() as Promise<Raw[]>),
        assignments: optional(SPCollection(l, 'roleassignments').expand('Member', 'RoleDefinitionBindings')() as Promise<Raw[]>)
      };
    });
    const areaKeys = optional(SPCollection(this.list(b, AREAS_LIST), 'items').select('AreaKey').top(500)() as Promise<Raw[]>);
    const all = Promise.allSettled([web, levels, groups, ...associated, ...lists.flatMap((l) => [l.props, l.fields, l.assignments]), areaKeys]);
    await execute();
    await all;
    const snapshot: ISiteSnapshot = {
      webMask: (await web).EffectiveBasePermissions as { High: number; Low: number },
      levels: (await levels).map((l) => ({ id: Number(l.Id), name: String(l.Name), roleTypeKind: Number(l.RoleTypeKind), mask: l.BasePermissions as { High: number; Low: number }, hidden: l.Hidden === true })),
      groups: (await groups).map((g) => ({ id: Number(g.Id), title: String(g.Title) })),
      associated: {},
      areaOwnerMembers: undefined,
      lists: [],
      areaKeys: ((await areaKeys) ?? []).map((r) => String(r.AreaKey ?? ''))
    };
    const [owners, members, visitors] = await Promise.all(associated);
    snapshot.associated = { owners: owners ? Number(owners.Id) : undefined, members: members ? Number(members.Id) : undefined, visitors: visitors ? Number(visitors.Id) : undefined };
    for (let i = 0; i < LISTS.length; i++) {
      const props = await lists[i].props;
      const fields = (await lists[i].fields) ?? [];
      const assignments = (await lists[i].assignments) ?? [];
      snapshot.lists.push({
        schema: LISTS[i],
        found: !!props,
        id: props ? String(props.Id) : undefined,
        title: props ? String(props.Title) : undefined,
        readSecurity: props ? Number(props.ReadSecurity) : undefined,
        writeSecurity: props ? Number(props.WriteSecurity) : undefined,
        enableAttachments: props ? props.EnableAttachments === true : undefined,
        hasUniqueRoleAssignments: props ? props.HasUniqueRoleAssignments === true : undefined,
        fields,
        assignments: assignments.map((a) => ({
          principalId: Number(a.PrincipalId),
          principalTitle: String((a.Member as Raw | undefined)?.Title ?? a.PrincipalId),
          bindings: ((a.RoleDefinitionBindings as Raw[] | undefined) ?? []).map((r) => ({ id: Number(r.Id), name: String(r.Name), hidden: r.Hidden === true }))
        }))
      });
    }
    const areaOwners = snapshot.groups.find((g) => g.title === AREA_OWNERS_GROUP.name);
    if (areaOwners) {
      const users = await optional(SPCollection(this.sp.web, `sitegroups/getbyid(${areaOwners.id})/users`).select('Id')() as Promise<Raw[]>);
      snapshot.areaOwnerMembers = users?.length;
    }
    return snapshot;
  }

  /**
   * Compares the site with the schema.
   * @throws ServiceError 'forbidden' when the user may not read the site's permissions (not an owner)
   */
  public async check(): Promise<ISetupReport> {
    try {
      const [site, areas] = await Promise.all([this.read(), guidelineAreas()]);
      return { issues: findIssues(site, areas), canRepair: hasPermissions(site.webMask, PermissionKind.ManagePermissions) && hasPermissions(site.webMask, PermissionKind.ManageLists) };
    } catch (err) {
      throw toServiceError(err);
    }
  }

  /**
   * Repairs every `auto` issue in two $batch round trips, in the order SharePoint needs: first the
   * level, the group, columns (a lookup's index before its delete behaviour), list settings, unique
   * permissions and the areas; then, with the new level's and group's IDs, the schema's role
   * assignments and – last, so that nobody loses access on the way – the removal of the others.
   * A part SharePoint refuses is reported with its error; the other parts still run. What counts as
   * repaired is what the check no longer finds afterwards.
   */
  public async repair(): Promise<IRepairResult> {
    const [site, areas] = await Promise.all([this.read(), guidelineAreas()]);
    const found = findIssues(site, areas).filter((i) => i.repair === 'auto');
    const failed: IRepairResult['failed'] = [];
    const listIn = (snapshot: ISiteSnapshot, key: ListKey | undefined): ISiteList => snapshot.lists.find((l) => l.schema.key === key)!;

    const first: IStep[] = [];
    for (const issue of found) {
      const list = issue.list ? listIn(site, issue.list) : undefined;
      const field = (b: SPFI): ISPQueryable => SPInstance(this.list(b, list!.schema), `fields/getByInternalNameOrTitle('${String(issue.data!.name).replace(/'/g, "''")}')`);
      switch (issue.kind) {
        case 'levelMissing':
          first.push({ issue, act: (b) => [spPost(SPCollection(b.web, 'roledefinitions'), body({ BasePermissions: maskOf(AREA_OWNER_LEVEL.permissions), Description: AREA_OWNER_LEVEL.description, Name: AREA_OWNER_LEVEL.name, Order: 200 }))] });
          break;
        case 'levelPermissions':
          first.push({ issue, act: (b) => [spPostMerge(SPInstance(b.web, `roledefinitions/getById(${Number(issue.data!.id)})`), body({ BasePermissions: maskOf(AREA_OWNER_LEVEL.permissions) }))] });
          break;
        case 'groupMissing':
          first.push({ issue, act: (b) => [spPost(SPCollection(b.web, 'sitegroups'), body({ Title: AREA_OWNERS_GROUP.name, Description: AREA_OWNERS_GROUP.description }))] });
          break;
        case 'fieldMissing': {
          const schemaField = list!.schema.fields.find((f) => f.name === issue.data!.name)!;
          // A lookup names its list by GUID over REST; its delete behaviour follows in the next check.
          const xml = fieldXml(schemaField, { lookupList: (key) => `{${listIn(site, key).id}}`, deleteBehavior: false });
          first.push({ issue, act: (b) => [spPost(SPCollection(this.list(b, list!.schema), 'fields/createfieldasxml'), body({ parameters: { SchemaXml: xml } }))] });
          break;
        }
        case 'fieldIndexed':
          first.push({ issue, act: (b) => [spPostMerge(field(b), body({ Indexed: true }))] });
          break;
        case 'fieldRequired':
          first.push({ issue, act: (b) => [spPostMerge(field(b), body({ Required: issue.expected === 'true' }))] });
          break;
        case 'fieldChoices':
          first.push({ issue, act: (b) => [spPostMerge(field(b), body({ Choices: issue.data!.choices }))] });
          break;
        case 'deleteBehavior':
          // SharePoint enforces a relationship only on an indexed lookup: the index comes first.
          first.push({ issue, act: (b) => [...(issue.data!.indexed ? [] : [spPostMerge(field(b), body({ Indexed: true }))]), spPostMerge(field(b), body({ RelationshipDeleteBehavior: issue.data!.value }))] });
          break;
        case 'itemLevelSecurity':
          first.push({ issue, act: (b) => [spPostMerge(this.list(b, list!.schema), body({ ReadSecurity: issue.data!.read, WriteSecurity: issue.data!.write }))] });
          break;
        case 'attachments':
          first.push({ issue, act: (b) => [spPostMerge(this.list(b, list!.schema), body({ EnableAttachments: true }))] });
          break;
        case 'inheritsPermissions':
          // Copy the web's assignments so that nobody loses access mid-way; the second batch corrects them.
          first.push({ issue, act: (b) => [spPost(SPInstance(this.list(b, list!.schema), 'breakroleinheritance(copyroleassignments=true, clearsubscopes=false)'))] });
          break;
        case 'areasMissing': {
          const keys = issue.data!.keys as string[];
          first.push({ issue, act: (b) => areas.filter((a) => keys.includes(a.key)).map((area) => spPost(SPCollection(this.list(b, AREAS_LIST), 'items'), body(areaFields(area, areas.indexOf(area))))) });
          break;
        }
        default:
          // Role assignments need the level's and group's IDs: the second batch.
          break;
      }
    }
    await this.runBatches(first, failed);

    // The schema's bindings with the IDs the first batch created; removals after additions.
    const now = await this.read();
    const assignments = findIssues(now, areas).filter((i) => i.kind === 'assignmentMissing' || i.kind === 'assignmentExtra');
    const who = principalsOf(now);
    const second: IStep[] = [];
    for (const issue of assignments.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'assignmentMissing' ? -1 : 1))) {
      const list = listIn(now, issue.list).schema;
      if (issue.kind === 'assignmentMissing') {
        const group = who.groups[issue.data!.group as SecurityGroup];
        const level = who.levels[issue.data!.right as Exclude<Right, 'none'>];
        if (!group || !level) {
          failed.push({ issue, error: new ServiceError('rule', 'The group or the permission level does not exist.') });
          continue;
        }
        second.push({ issue, act: (b) => [spPost(SPInstance(this.list(b, list), `roleassignments/addroleassignment(principalid=${group.id}, roledefid=${level.id})`))] });
      } else {
        second.push({ issue, act: (b) => [spPost(SPInstance(this.list(b, list), `roleassignments/removeroleassignment(principalid=${Number(issue.data!.principalId)}, roledefid=${Number(issue.data!.roleId)})`))] });
      }
    }
    await this.runBatches(second, failed);

    const report = await this.check();
    const key = (i: ISetupIssue): string => `${i.kind}|${i.list ?? ''}|${i.subject ?? ''}|${i.actual ?? ''}`;
    const left = new Set(report.issues.map(key));
    return { repaired: found.filter((i) => !left.has(key(i))), failed, report };
  }

  /** Runs the steps in $batch round trips of at most MAX_BATCH parts, in order; records failures. */
  private async runBatches(steps: IStep[], failed: IRepairResult['failed']): Promise<void> {
    let i = 0;
    while (i < steps.length) {
      const pending: ISetupIssue[] = [];
      const results = await settledInOneBatch(this.sp, (b) => {
        const parts: Promise<unknown>[] = [];
        let count = 0;
        while (i < steps.length && (count === 0 || count + 16 <= MAX_BATCH)) {
          const promises = steps[i].act(b);
          count += promises.length;
          pending.push(steps[i].issue);
          parts.push(Promise.all(promises));
          i++;
        }
        return parts;
      });
      results.forEach((r, n) => {
        if (r.status === 'rejected') {
          failed.push({ issue: pending[n], error: toServiceError(r.reason) });
        }
      });
    }
  }
}

/** One repair: the requests it adds to a batch. */
interface IStep {
  issue: ISetupIssue;
  act: (batched: SPFI) => Promise<unknown>[];
}

/** An area of the guideline as Säkerhetsområden stores it (its owner is the site owner's to choose). */
function areaFields(area: IGuidelineArea, index: number): Record<string, unknown> {
  return {
    Title: area.title,
    AreaKey: area.key,
    Scope: area.scope,
    Purpose: area.purpose,
    Responsibility: area.responsibility,
    OwnerRole: area.ownerRole,
    Laws: area.laws.join('\n'),
    ReportCategories: area.reportCategories.join('\n'),
    ReportFlags: area.reportFlags.map((f) => choiceValue(REPORT_FLAGS, f)),
    SortOrder: (index + 1) * 10
  };
}
