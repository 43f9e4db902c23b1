/**
 * Who may do what with a list and its items: the rights of the user's SharePoint group on the list,
 * item-level security (ReadSecurity/WriteSecurity: only items the user created), and the
 * EffectiveBasePermissions mask SharePoint reports for them.
 */
import type { ListData, SiteUser, StoredItem } from './store';

/**
 * `manage` is Manage Lists (change the list's settings and columns); `override` is Override List
 * Behaviors (PermissionKind.CancelCheckout), the only permission that reads and edits other people's
 * items under item-level security ("change or override settings that allow users to read/edit only
 * their own items" – OfficeDocs-SharePoint, user-permissions-and-permission-levels; the list
 * settings page: "Users with the Cancel Checkout permission can read and edit all items").
 */
export type Rights = { read: boolean; add: boolean; edit: boolean; manage: boolean; override: boolean };

// SharePoint's PermissionKind bit numbers (value - 1).
const PERM = { ViewListItems: 0, AddListItems: 1, EditListItems: 2, DeleteListItems: 3, ApproveItems: 4, OpenItems: 5, ViewVersions: 6, CancelCheckout: 8, ManageLists: 11, ViewFormPages: 12, Open: 16, ViewPages: 17 };

export function rights(user: SiteUser, list: ListData): Rights {
  if (user.isSiteAdmin) {
    return { read: true, add: true, edit: true, manage: true, override: true };
  }
  const right = user.group ? list.schema.rights[user.group] : 'none';
  switch (right) {
    case 'read':
      return { read: true, add: false, edit: false, manage: false, override: false };
    case 'contribute':
      return { read: true, add: true, edit: true, manage: false, override: false };
    case 'edit':
      // SharePoint's Edit level: Manage Lists, but not Override List Behaviors.
      return { read: true, add: true, edit: true, manage: true, override: false };
    case 'manage':
      // Full Control: everything, Override List Behaviors included.
      return { read: true, add: true, edit: true, manage: true, override: true };
    default:
      return { read: false, add: false, edit: false, manage: false, override: false };
  }
}

export function canSee(user: SiteUser, list: ListData, item: StoredItem): boolean {
  const r = rights(user, list);
  return r.read && (list.schema.readSecurity === 'all' || r.override || item.fields.AuthorId === user.id);
}

export function canEdit(user: SiteUser, list: ListData, item: StoredItem): boolean {
  const r = rights(user, list);
  return r.edit && (list.schema.writeSecurity === 'all' || r.override || item.fields.AuthorId === user.id);
}

export function permissionMask(user: SiteUser, list: ListData): { High: string; Low: string } {
  const r = rights(user, list);
  let low = 0;
  const set = (bit: number): void => {
    low |= 1 << bit;
  };
  if (r.read) {
    [PERM.ViewListItems, PERM.OpenItems, PERM.ViewVersions, PERM.ViewFormPages, PERM.Open, PERM.ViewPages].forEach(set);
  }
  if (r.add) {
    set(PERM.AddListItems);
  }
  if (r.edit) {
    [PERM.EditListItems, PERM.DeleteListItems].forEach(set);
  }
  if (r.manage) {
    set(PERM.ManageLists);
  }
  if (r.override) {
    [PERM.CancelCheckout, PERM.ApproveItems].forEach(set);
  }
  return { High: r.manage ? '432' : '0', Low: String(low >>> 0) };
}
