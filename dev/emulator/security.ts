/**
 * Who may do what, as SharePoint computes it: permission levels (role definitions) are sets of base
 * permissions; role assignments bind a principal (a user or a SharePoint group) to levels on the
 * web, or on a list whose inheritance is broken; a user's EffectiveBasePermissions on a list are
 * the union over the assignments of that scope that name the user or a group the user is in.
 * Item-level security (ReadSecurity/WriteSecurity 2) limits a user to items they created unless
 * they have Override List Behaviors.
 *
 * Sources: OfficeDocs-SharePoint, "User permissions and permission levels" (the levels and what
 * each includes) and "Permission levels in SharePoint" (SharePoint Online: Owners Full Control,
 * Members Edit, Visitors Read); PnPjs PermissionKind (the bit numbers); SP.RoleDefinition ids
 * as SharePoint Online answers `_api/web/RoleDefinitions` (Full Control 1073741829, Design
 * 1073741828, Edit 1073741830, Contribute 1073741827, Read 1073741826, Limited Access 1073741825).
 */
import type { ListData, SiteUser, StoredItem } from './store';

/** PnPjs PermissionKind: the permission's bit is value − 1 of the 64-bit mask (High:Low). */
export const PermissionKind = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  CancelCheckout: 9,
  ManagePersonalViews: 10,
  ManageLists: 12,
  ViewFormPages: 13,
  Open: 17,
  ViewPages: 18,
  AddAndCustomizePages: 19,
  ApplyThemeAndBorder: 20,
  ApplyStyleSheets: 21,
  CreateSSCSite: 23,
  ManageSubwebs: 24,
  CreateGroups: 25,
  ManagePermissions: 26,
  BrowseDirectories: 27,
  BrowseUserInfo: 28,
  AddDelPrivateWebParts: 29,
  UpdatePersonalWebParts: 30,
  ManageWeb: 31,
  UseClientIntegration: 37,
  UseRemoteAPIs: 38,
  CreateAlerts: 40,
  EditMyUserInfo: 41,
  EnumeratePermissions: 63
} as const;
export type Permission = keyof typeof PermissionKind;

/** A 64-bit permission mask as SharePoint's REST API writes it: two 32-bit halves as strings. */
export interface BasePermissions {
  High: string;
  Low: string;
}

export function maskOf(permissions: readonly Permission[]): bigint {
  return permissions.reduce((m, p) => m | (1n << BigInt(PermissionKind[p] - 1)), 0n);
}

export const FULL_MASK = (1n << 64n) - 1n;

export function toBasePermissions(mask: bigint): BasePermissions {
  return { High: String(Number((mask >> 32n) & 0xffffffffn)), Low: String(Number(mask & 0xffffffffn)) };
}

export function fromBasePermissions(p: { High: unknown; Low: unknown }): bigint {
  return (BigInt(Number(p.High)) << 32n) | BigInt(Number(p.Low));
}

export function has(mask: bigint, permission: Permission): boolean {
  return (mask & (1n << BigInt(PermissionKind[permission] - 1))) !== 0n;
}

// The default levels, each as "the level below, plus" (user-permissions-and-permission-levels).
const LIMITED: Permission[] = ['ViewFormPages', 'Open', 'BrowseUserInfo', 'UseRemoteAPIs', 'UseClientIntegration'];
const READ: Permission[] = [...LIMITED, 'ViewListItems', 'OpenItems', 'ViewVersions', 'CreateAlerts', 'CreateSSCSite', 'ViewPages'];
const CONTRIBUTE: Permission[] = [...READ, 'AddListItems', 'EditListItems', 'DeleteListItems', 'DeleteVersions', 'BrowseDirectories', 'EditMyUserInfo', 'ManagePersonalViews', 'AddDelPrivateWebParts', 'UpdatePersonalWebParts'];
const EDIT: Permission[] = [...CONTRIBUTE, 'ManageLists'];
const DESIGN: Permission[] = [...EDIT, 'AddAndCustomizePages', 'ApplyThemeAndBorder', 'ApplyStyleSheets', 'CancelCheckout', 'ApproveItems'];

export interface RoleDefinition {
  id: number;
  name: string;
  description: string;
  /** SP.RoleType: 0 none (custom), 1 Guest, 2 Reader, 3 Contributor, 4 WebDesigner, 5 Administrator, 6 Editor. */
  roleTypeKind: number;
  mask: bigint;
  hidden: boolean;
  order: number;
}

export function defaultRoleDefinitions(): RoleDefinition[] {
  return [
    { id: 1073741829, name: 'Full Control', description: 'Has full control.', roleTypeKind: 5, mask: FULL_MASK, hidden: false, order: 1 },
    { id: 1073741828, name: 'Design', description: 'Can view, add, update, delete, approve, and customize.', roleTypeKind: 4, mask: maskOf(DESIGN), hidden: false, order: 32 },
    { id: 1073741830, name: 'Edit', description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.', roleTypeKind: 6, mask: maskOf(EDIT), hidden: false, order: 48 },
    { id: 1073741827, name: 'Contribute', description: 'Can view, add, update, and delete list items and documents.', roleTypeKind: 3, mask: maskOf(CONTRIBUTE), hidden: false, order: 64 },
    { id: 1073741826, name: 'Read', description: 'Can view pages and list items and download documents.', roleTypeKind: 2, mask: maskOf(READ), hidden: false, order: 128 },
    { id: 1073741825, name: 'Limited Access', description: 'Can view specific lists, document libraries, list items, folders, or documents when given permissions.', roleTypeKind: 1, mask: maskOf(LIMITED), hidden: true, order: 160 }
  ];
}

export interface SiteGroup {
  id: number;
  title: string;
  /** Site user ids. */
  members: number[];
  description?: string;
  /** Who owns the group (the user who created it). */
  ownerTitle?: string;
}

export interface RoleAssignment {
  principalId: number;
  roleDefinitionIds: number[];
}

/** The site's security: levels, groups and the web's role assignments. Lists carry their own when unique. */
export interface SiteSecurity {
  roleDefinitions: RoleDefinition[];
  groups: SiteGroup[];
  webAssignments: RoleAssignment[];
  associated: { owners: number; members: number; visitors: number };
}

/** The role assignments that apply to a list: its own when inheritance is broken, else the web's. */
export function assignmentsOf(security: SiteSecurity, list: ListData): RoleAssignment[] {
  return list.roleAssignments ?? security.webAssignments;
}

/** The user's EffectiveBasePermissions on a list (a site collection administrator has all). */
export function effectiveMask(security: SiteSecurity, user: SiteUser, list?: ListData): bigint {
  if (user.isSiteAdmin) {
    return FULL_MASK;
  }
  const principals = new Set<number>([user.id, ...security.groups.filter((g) => g.members.includes(user.id)).map((g) => g.id)]);
  let mask = 0n;
  for (const a of list ? assignmentsOf(security, list) : security.webAssignments) {
    if (principals.has(a.principalId)) {
      for (const id of a.roleDefinitionIds) {
        mask |= security.roleDefinitions.find((r) => r.id === id)?.mask ?? 0n;
      }
    }
  }
  return mask;
}

/**
 * A user's permissions on the web itself. Besides the web's role assignments, a principal that has
 * permissions on a list with unique permissions holds Limited Access on the web, which SharePoint
 * assigns by itself and which cannot be assigned by hand (user-permissions-and-permission-levels,
 * Limited Access: "Can view specific lists, document libraries, list items, folders, or documents
 * when given permissions") – so an area owner, whose group has rights on lists only, can still
 * Open the web and Browse User Information.
 */
export function webMask(store: { security: SiteSecurity; lists: Map<string, ListData> }, user: SiteUser): bigint {
  const principals = new Set<number>([user.id, ...store.security.groups.filter((g) => g.members.includes(user.id)).map((g) => g.id)]);
  const onAList = [...store.lists.values()].some((l) => l.roleAssignments?.some((a) => principals.has(a.principalId) && a.roleDefinitionIds.length > 0));
  return effectiveMask(store.security, user) | (onAList ? maskOf(LIMITED) : 0n);
}

export type Rights = { read: boolean; add: boolean; edit: boolean; delete: boolean; manage: boolean; override: boolean; managePermissions: boolean };

export function rightsOf(mask: bigint): Rights {
  return {
    read: has(mask, 'ViewListItems'),
    add: has(mask, 'AddListItems'),
    edit: has(mask, 'EditListItems'),
    delete: has(mask, 'DeleteListItems'),
    manage: has(mask, 'ManageLists'),
    // Override List Behaviors: "change or override settings that allow users to read/edit only
    // their own items" (user-permissions-and-permission-levels); the list settings page: "Users
    // with the Cancel Checkout permission can read and edit all items".
    override: has(mask, 'CancelCheckout'),
    managePermissions: has(mask, 'ManagePermissions')
  };
}

/** A user's rights on a list, from the site's role assignments. */
export function rights(store: { security: SiteSecurity }, user: SiteUser, list: ListData): Rights {
  return rightsOf(effectiveMask(store.security, user, list));
}

/**
 * Under item-level security a user without Override List Behaviors reads only items they created
 * (MS-WSSCAML 2.3.2.11.3, ReadSecurity 2: "visible only to the item's author and list administrators").
 */
export function canSee(store: { security: SiteSecurity }, user: SiteUser, list: ListData, item: StoredItem): boolean {
  const r = rights(store, user, list);
  return r.read && (list.schema.readSecurity === 'all' || r.override || item.fields.AuthorId === user.id);
}

/**
 * Edit under item-level security: only own items, unless Override List Behaviors (MS-WSSCAML
 * 2.3.2.11.3, WriteSecurity 2: "changed only by the item's author and list administrators"). Per
 * item, not per field: the author may change any field of her item.
 */
export function canEdit(store: { security: SiteSecurity }, user: SiteUser, list: ListData, item: StoredItem): boolean {
  const r = rights(store, user, list);
  return r.edit && (list.schema.writeSecurity === 'all' || r.override || item.fields.AuthorId === user.id);
}

/**
 * Delete (or recycle) an item: Delete Items, and under item-level write security only one's own
 * items unless Override List Behaviors (user-permissions-and-permission-levels: Delete Items;
 * SP.ListItem.recycle answers UnauthorizedAccessException without the right).
 */
export function canDelete(store: { security: SiteSecurity }, user: SiteUser, list: ListData, item: StoredItem): boolean {
  const r = rights(store, user, list);
  return r.delete && (list.schema.writeSecurity === 'all' || r.override || item.fields.AuthorId === user.id);
}

/** EffectiveBasePermissions of the user on the list, as REST answers them. */
export function permissionMask(store: { security: SiteSecurity }, user: SiteUser, list: ListData): BasePermissions {
  return toBasePermissions(effectiveMask(store.security, user, list));
}
