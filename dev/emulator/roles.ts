/**
 * Permissions over REST, as the installation check uses them: the web's EffectiveBasePermissions,
 * its permission levels (RoleDefinitions), SharePoint groups (SiteGroups, the associated Owners,
 * Members and Visitors groups, the current user's groups), and a list's role assignments
 * (HasUniqueRoleAssignments, RoleAssignments, BreakRoleInheritance, AddRoleAssignment,
 * RemoveRoleAssignment). The computation of rights is security.ts's.
 *
 * Sources:
 * - sp-dev-docs, "Set custom permissions on a list by using the REST interface": sitegroups,
 *   roledefinitions, `breakroleinheritance(true)`, `roleassignments/getbyprincipalid(id)` with
 *   DELETE, `roleassignments/addroleassignment(principalid=…,roledefid=…)`; it needs "sufficient
 *   permissions to change list permissions (such as site owners)".
 * - Users, groups, and roles REST API reference (learn.microsoft.com dn531432) and the sp.js pages:
 *   SP.RoleDefinitionCollection.add ("send a POST request to the RoleDefinitions endpoint"; body
 *   SP.RoleDefinitionCreationInformation: BasePermissions, Description, Name, Order),
 *   SP.RoleDefinition (Id, Name, Description, Hidden, Order, RoleTypeKind, BasePermissions),
 *   SP.Web.associatedOwnerGroup/MemberGroup/VisitorGroup, SP.User.groups ("the groups of which the
 *   user is a member"), SP.SecurableObject.hasUniqueRoleAssignments.
 * - PnPjs 4 (@pnp/sp security and site-groups), whose requests the product sends:
 *   `breakroleinheritance(copyroleassignments=…, clearsubscopes=…)`,
 *   `roleassignments/addroleassignment(principalid=…, roledefid=…)`,
 *   `roleassignments/removeroleassignment(…)`, `roledefinitions/getById(id)` with MERGE,
 *   POST `sitegroups` with { Title, Description }.
 * - OfficeDocs-SharePoint, "User permissions and permission levels": Manage Permissions ("create
 *   and change permission levels on the website and assign permissions to users and groups"),
 *   Enumerate Permissions ("enumerate permissions on the website, list, folder, document, or list
 *   item"), Create Groups, Browse User Information.
 * Exact error messages SharePoint sends for a duplicate level or group, or an assignment on an
 * object that inherits, are not recorded here; the codes are SPException's (-2146232832).
 */
import type { Call } from './call';
import { Errors, SPError } from './errors';
import { EmulatorResponse, json, numericArg, parseJsonBody, quotedArg } from './http';
import { parseList } from './odata';
import { userJson } from './people';
import { BasePermissions, Permission, RoleDefinition, SiteGroup, effectiveMask, fromBasePermissions, has, toBasePermissions } from './security';
import type { ListData } from './store';

const SP_EXCEPTION = '-2146232832, Microsoft.SharePoint.SPException';

function requireWeb(call: Call, permission: Permission): void {
  if (!has(effectiveMask(call.store.security, call.user), permission)) {
    throw Errors.accessDenied();
  }
}

function requireList(call: Call, list: ListData, permission: Permission): void {
  if (!has(effectiveMask(call.store.security, call.user, list), permission)) {
    throw Errors.accessDenied();
  }
}

/** Only the properties asked for with $select (all when none), as SharePoint answers. */
function selected(call: Call, all: Record<string, unknown>, type: string): Record<string, unknown> {
  const select = parseList(call.req.url.searchParams.get('$select')).filter((s) => !s.includes('/'));
  if (select.length === 0) {
    return { 'odata.type': type, ...all };
  }
  const out: Record<string, unknown> = { 'odata.type': type };
  for (const s of select) {
    if (!(s in all)) {
      throw Errors.badRequest(`The field or property '${s}' does not exist.`);
    }
    out[s] = all[s];
  }
  return out;
}

export function roleDefinitionJson(r: RoleDefinition): Record<string, unknown> {
  return { Id: r.id, Name: r.name, Description: r.description, Hidden: r.hidden, Order: r.order, RoleTypeKind: r.roleTypeKind, BasePermissions: toBasePermissions(r.mask) };
}

function groupJson(g: SiteGroup): Record<string, unknown> {
  return { Id: g.id, Title: g.title, LoginName: g.title, Description: g.description ?? '', PrincipalType: 8, OwnerTitle: g.ownerTitle ?? '' };
}

function principalJson(call: Call, principalId: number): Record<string, unknown> {
  const group = call.store.security.groups.find((g) => g.id === principalId);
  if (group) {
    return { 'odata.type': 'SP.Group', ...groupJson(group) };
  }
  const user = call.store.users.get(principalId);
  return user ? userJson(user) : { 'odata.type': 'SP.Principal', Id: principalId };
}

/** `_api/web/…` permission endpoints, or undefined when the path is not one of them. */
export async function webSecurityEndpoint(call: Call, segments: string[]): Promise<EmulatorResponse | undefined> {
  const head = segments[1]?.toLowerCase() ?? '';
  const security = call.store.security;
  if (head === 'effectivebasepermissions' && segments.length === 2 && call.method === 'GET') {
    // Everyone may read their own permissions on the web.
    return json(200, toBasePermissions(effectiveMask(security, call.user)));
  }
  if (head === 'currentuser' && segments[2]?.toLowerCase() === 'groups' && segments.length === 3 && call.method === 'GET') {
    // SP.User.groups: the groups the user is a member of – one's own membership is always readable.
    const mine = security.groups.filter((g) => g.members.includes(call.user.id));
    return json(200, { value: mine.map((g) => selected(call, groupJson(g), 'SP.Group')) });
  }
  if (['associatedownergroup', 'associatedmembergroup', 'associatedvisitorgroup'].includes(head) && segments.length === 2 && call.method === 'GET') {
    requireWeb(call, 'BrowseUserInfo');
    const id = head === 'associatedownergroup' ? security.associated.owners : head === 'associatedmembergroup' ? security.associated.members : security.associated.visitors;
    const group = security.groups.find((g) => g.id === id);
    if (!group) {
      throw new SPError(404, SP_EXCEPTION, 'Group cannot be found.');
    }
    return json(200, selected(call, groupJson(group), 'SP.Group'));
  }
  if (head === 'sitegroups') {
    return siteGroupsEndpoint(call, segments.slice(2));
  }
  if (head === 'roledefinitions') {
    return roleDefinitionsEndpoint(call, segments.slice(2));
  }
  return undefined;
}

async function siteGroupsEndpoint(call: Call, rest: string[]): Promise<EmulatorResponse> {
  const security = call.store.security;
  if (rest.length === 0 && call.method === 'GET') {
    requireWeb(call, 'BrowseUserInfo');
    return json(200, { value: security.groups.map((g) => selected(call, groupJson(g), 'SP.Group')) });
  }
  if (rest.length === 0 && call.method === 'POST') {
    // Creating a SharePoint group needs Create Groups on the web.
    requireWeb(call, 'CreateGroups');
    const body = parseJsonBody(call.req);
    const title = typeof body.Title === 'string' ? body.Title.trim() : '';
    if (!title) {
      throw Errors.badRequest('The group needs a Title.');
    }
    if (security.groups.some((g) => g.title.toLowerCase() === title.toLowerCase())) {
      throw new SPError(400, SP_EXCEPTION, 'The specified name is already in use.');
    }
    const id = Math.max(0, ...security.groups.map((g) => g.id), ...call.store.users.keys()) + 1;
    const group: SiteGroup = { id, title, members: [], description: typeof body.Description === 'string' ? body.Description : '', ownerTitle: call.user.title };
    security.groups.push(group);
    await call.store.putSecurity();
    return json(201, { 'odata.type': 'SP.Group', ...groupJson(group) });
  }
  const lower = rest[0]?.toLowerCase() ?? '';
  const name = lower.startsWith('getbyname(') ? quotedArg(rest[0]) : undefined;
  const id = lower.startsWith('getbyid(') ? numericArg(rest[0]) : undefined;
  if ((name !== undefined || id !== undefined) && call.method === 'GET' && (rest.length === 1 || (rest.length === 2 && rest[1].toLowerCase() === 'users'))) {
    requireWeb(call, 'BrowseUserInfo');
    const group = security.groups.find((g) => (name !== undefined ? g.title.toLowerCase() === name.toLowerCase() : g.id === id));
    if (!group) {
      throw new SPError(404, SP_EXCEPTION, 'Group cannot be found.');
    }
    if (rest.length === 2) {
      // SP.Group.users. Who may see a group's members is a setting of the group (by default its
      // members, or everyone for the associated groups); the emulator lets anyone who may browse
      // user information see them, and the product reads them only as a site owner.
      return json(200, { value: group.members.map((m) => call.store.users.get(m)).filter((u) => !!u).map((u) => userJson(u!)) });
    }
    return json(200, selected(call, groupJson(group), 'SP.Group'));
  }
  throw Errors.badRequest(`The emulator does not serve sitegroups/${rest.join('/')} with ${call.method}.`);
}

async function roleDefinitionsEndpoint(call: Call, rest: string[]): Promise<EmulatorResponse> {
  const security = call.store.security;
  if (rest.length === 0 && call.method === 'GET') {
    // Reading the levels is what the Permission Levels page does: Enumerate Permissions.
    requireWeb(call, 'EnumeratePermissions');
    return json(200, { value: security.roleDefinitions.map((r) => selected(call, roleDefinitionJson(r), 'SP.RoleDefinition')) });
  }
  if (rest.length === 0 && call.method === 'POST') {
    requireWeb(call, 'ManagePermissions');
    const body = parseJsonBody(call.req);
    const name = typeof body.Name === 'string' ? body.Name.trim() : '';
    const perms = body.BasePermissions as { High?: unknown; Low?: unknown } | undefined;
    if (!name || !perms || perms.High === undefined || perms.Low === undefined) {
      throw Errors.badRequest('A permission level needs a Name and BasePermissions (High, Low).');
    }
    if (security.roleDefinitions.some((r) => r.name.toLowerCase() === name.toLowerCase())) {
      throw new SPError(400, SP_EXCEPTION, 'A permission level with this name already exists.');
    }
    const role: RoleDefinition = {
      id: Math.max(1073741924, ...security.roleDefinitions.map((r) => r.id)) + 1,
      name,
      description: typeof body.Description === 'string' ? body.Description : '',
      // SP.RoleType.none: a level the site owner made.
      roleTypeKind: 0,
      mask: fromBasePermissions(perms as BasePermissions),
      hidden: false,
      order: typeof body.Order === 'number' ? body.Order : 1000
    };
    security.roleDefinitions.push(role);
    await call.store.putSecurity();
    return json(201, { 'odata.type': 'SP.RoleDefinition', ...roleDefinitionJson(role) });
  }
  const id = rest[0] && /^(getbyid)?\(\d+\)$/i.test(rest[0]) ? numericArg(rest[0]) : undefined;
  const byName = rest[0]?.toLowerCase().startsWith('getbyname(') ? quotedArg(rest[0]) : undefined;
  const role = id !== undefined ? security.roleDefinitions.find((r) => r.id === id) : byName !== undefined ? security.roleDefinitions.find((r) => r.name.toLowerCase() === byName.toLowerCase()) : undefined;
  if ((id !== undefined || byName !== undefined) && rest.length === 1) {
    if (!role) {
      throw new SPError(404, SP_EXCEPTION, 'Permission level cannot be found.');
    }
    if (call.method === 'GET') {
      requireWeb(call, 'EnumeratePermissions');
      return json(200, selected(call, roleDefinitionJson(role), 'SP.RoleDefinition'));
    }
    if (call.method === 'MERGE' || call.method === 'PATCH') {
      requireWeb(call, 'ManagePermissions');
      if (role.roleTypeKind === 5) {
        // Full Control cannot be changed (the Permission Levels page offers no edit for it).
        throw new SPError(400, SP_EXCEPTION, 'This permission level cannot be changed.');
      }
      const body = parseJsonBody(call.req);
      for (const key of Object.keys(body)) {
        if (key === '__metadata' || key.startsWith('odata.')) {
          continue;
        }
        if (key === 'BasePermissions') {
          role.mask = fromBasePermissions(body.BasePermissions as BasePermissions);
        } else if (key === 'Description' && typeof body.Description === 'string') {
          role.description = body.Description;
        } else if (key === 'Order' && typeof body.Order === 'number') {
          role.order = body.Order;
        } else {
          throw Errors.badRequest(`The emulator does not change the property '${key}' of a permission level.`);
        }
      }
      await call.store.putSecurity();
      return { status: 204, headers: {}, body: '' };
    }
  }
  throw Errors.badRequest(`The emulator does not serve roledefinitions/${rest.join('/')} with ${call.method}.`);
}

/**
 * A list's role assignments: `roleassignments` (GET, with $expand=Member,RoleDefinitionBindings),
 * `roleassignments/addroleassignment(…)`, `removeroleassignment(…)`, `getbyprincipalid(id)` (GET,
 * DELETE), and `breakroleinheritance(…)`. Undefined when the path is none of them.
 */
export async function listSecurityEndpoint(call: Call, list: ListData, segs: string[]): Promise<EmulatorResponse | undefined> {
  const head = segs[0]?.toLowerCase() ?? '';
  const security = call.store.security;
  if (head.startsWith('breakroleinheritance')) {
    if (call.method !== 'POST' || segs.length !== 1) {
      throw Errors.badRequest('breakroleinheritance needs POST.');
    }
    requireList(call, list, 'ManagePermissions');
    const args = /^breakroleinheritance\((?:copyroleassignments=)?(true|false)(?:\s*,\s*(?:clearsubscopes=)?(true|false))?\)$/i.exec(segs[0]);
    if (!args) {
      throw Errors.badRequest(`The parameters of ${segs[0]} are not valid.`);
    }
    // Already unique: SharePoint leaves the assignments as they are.
    if (!list.roleAssignments) {
      const copy = args[1].toLowerCase() === 'true';
      list.roleAssignments = copy
        ? security.webAssignments.map((a) => ({ principalId: a.principalId, roleDefinitionIds: [...a.roleDefinitionIds] }))
        : // Without copying, the user who breaks inheritance keeps Full Control on the object so as
          // not to lock themselves out (the sp-dev-docs page: "add the current user to the Manage
          // permission level").
          [{ principalId: call.user.id, roleDefinitionIds: [security.roleDefinitions.find((r) => r.roleTypeKind === 5)!.id] }];
      await call.store.putSecurity();
    }
    return { status: 200, headers: {}, body: '' };
  }
  if (head !== 'roleassignments') {
    return undefined;
  }
  const sub = segs[1] ?? '';
  const lower = sub.toLowerCase();
  if (!sub && call.method === 'GET') {
    requireList(call, list, 'EnumeratePermissions');
    const expand = new Set(parseList(call.req.url.searchParams.get('$expand')).map((e) => e.toLowerCase()));
    const assignments = list.roleAssignments ?? security.webAssignments;
    return json(200, {
      value: assignments.map((a) => ({
        'odata.type': 'SP.RoleAssignment',
        PrincipalId: a.principalId,
        ...(expand.has('member') ? { Member: principalJson(call, a.principalId) } : {}),
        ...(expand.has('roledefinitionbindings')
          ? { RoleDefinitionBindings: a.roleDefinitionIds.map((id) => security.roleDefinitions.find((r) => r.id === id)).filter((r): r is RoleDefinition => !!r).map((r) => ({ 'odata.type': 'SP.RoleDefinition', ...roleDefinitionJson(r) })) }
          : {})
      }))
    });
  }
  const change = /^(addroleassignment|removeroleassignment)\(principalid=(\d+),\s*roledefid=(\d+)\)$/i.exec(sub);
  if (change && segs.length === 2) {
    if (call.method !== 'POST') {
      throw Errors.badRequest(`${change[1]} needs POST.`);
    }
    requireList(call, list, 'ManagePermissions');
    if (!list.roleAssignments) {
      throw new SPError(400, SP_EXCEPTION, 'This operation is not allowed on an object that inherits permissions.');
    }
    const principalId = Number(change[2]);
    const roleId = Number(change[3]);
    if (!security.groups.some((g) => g.id === principalId) && !call.store.users.has(principalId)) {
      throw new SPError(400, SP_EXCEPTION, 'The user or group does not exist.');
    }
    if (!security.roleDefinitions.some((r) => r.id === roleId)) {
      throw new SPError(404, SP_EXCEPTION, 'Permission level cannot be found.');
    }
    const existing = list.roleAssignments.find((a) => a.principalId === principalId);
    if (change[1].toLowerCase() === 'addroleassignment') {
      if (!existing) {
        list.roleAssignments.push({ principalId, roleDefinitionIds: [roleId] });
      } else if (!existing.roleDefinitionIds.includes(roleId)) {
        existing.roleDefinitionIds.push(roleId);
      }
    } else if (existing) {
      existing.roleDefinitionIds = existing.roleDefinitionIds.filter((id) => id !== roleId);
      if (existing.roleDefinitionIds.length === 0) {
        list.roleAssignments = list.roleAssignments.filter((a) => a !== existing);
      }
    }
    await call.store.putSecurity();
    return { status: 200, headers: {}, body: '' };
  }
  if (lower.startsWith('getbyprincipalid(') && segs.length === 2) {
    const principalId = numericArg(sub) ?? Number(quotedArg(sub));
    const assignments = list.roleAssignments ?? security.webAssignments;
    const found = assignments.find((a) => a.principalId === principalId);
    if (call.method === 'GET') {
      requireList(call, list, 'EnumeratePermissions');
      if (!found) {
        throw new SPError(404, SP_EXCEPTION, 'Can not find the principal with id: ' + principalId + '.');
      }
      return json(200, { 'odata.type': 'SP.RoleAssignment', PrincipalId: found.principalId });
    }
    if (call.method === 'DELETE') {
      requireList(call, list, 'ManagePermissions');
      if (!list.roleAssignments) {
        throw new SPError(400, SP_EXCEPTION, 'This operation is not allowed on an object that inherits permissions.');
      }
      list.roleAssignments = list.roleAssignments.filter((a) => a.principalId !== principalId);
      await call.store.putSecurity();
      return { status: 200, headers: {}, body: '' };
    }
  }
  throw Errors.badRequest(`The emulator does not serve roleassignments/${segs.slice(1).join('/')} with ${call.method}.`);
}
