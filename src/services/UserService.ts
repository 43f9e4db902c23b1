import { GOALS_LIST, INCIDENTS_LIST } from '../model/schema';
import type { IPerson } from '../model/types';
import type { ICurrentUser, IUserService } from './interfaces';
import { listOf, noAccessAs, odataString } from './lists';
import type { SessionCache } from './SessionCache';
import { hasPermissions, PermissionKind, type SPFI } from './sp';

interface IPermissions {
  EffectiveBasePermissions: { High: number; Low: number };
}

export class UserService implements IUserService {
  constructor(private readonly sp: SPFI, private readonly siteUrl: string, private readonly cache: SessionCache) {}

  public get cached(): boolean {
    return this.cache.has('user');
  }

  public async searchPeople(text: string): Promise<IPerson[]> {
    const q = text.trim().slice(0, 60);
    if (q.length < 2) {
      return [];
    }
    const rows: Record<string, unknown>[] = await this.sp.web.siteUsers
      .select('Id', 'Title', 'Email')
      .filter(`substringof(${odataString(q)},Title) or substringof(${odataString(q)},Email)`)
      .top(8)();
    return rows.map((r) => ({ id: Number(r.Id), displayName: String(r.Title ?? ''), email: String(r.Email ?? '') || undefined }));
  }

  /**
   * Who is signed in and what SharePoint lets them do. The UI only hides what they may not do;
   * SharePoint refuses it regardless.
   */
  public getCurrentUser(sp: SPFI = this.sp): Promise<ICurrentUser> {
    return this.cache.get('user', async () => {
      const incidents = listOf(sp, INCIDENTS_LIST, this.siteUrl);
      const goals = listOf(sp, GOALS_LIST, this.siteUrl);
      const [me, webPerms, incidentPerms, goalPerms] = await Promise.all([
        sp.web.currentUser.select('Id', 'Title', 'Email', 'LoginName')() as Promise<Record<string, unknown>>,
        sp.web.select('EffectiveBasePermissions')() as Promise<IPermissions>,
        // Visitors have no access to Händelser at all: SharePoint refuses the list (403) – for
        // them that means no rights on it, not an error.
        (incidents.select('EffectiveBasePermissions')() as Promise<IPermissions>).catch(noAccessAs<IPermissions>({ EffectiveBasePermissions: { High: 0, Low: 0 } })),
        goals.select('EffectiveBasePermissions')() as Promise<IPermissions>
      ]);
      return {
        id: Number(me.Id),
        displayName: String(me.Title ?? ''),
        email: String(me.Email ?? ''),
        loginName: String(me.LoginName ?? ''),
        // Under item-level security only Override List Behaviors (PermissionKind.CancelCheckout) reads
        // and edits other people's reports; Manage Lists does not (OfficeDocs-SharePoint,
        // user-permissions-and-permission-levels). Handling needs both it and Edit Items.
        canManageReports:
          incidents.hasPermissions(incidentPerms.EffectiveBasePermissions, PermissionKind.CancelCheckout) &&
          incidents.hasPermissions(incidentPerms.EffectiveBasePermissions, PermissionKind.EditListItems),
        // The Owners group (Full Control) has Manage Lists; the area owners' level does not.
        handlesAllAreas: incidents.hasPermissions(incidentPerms.EffectiveBasePermissions, PermissionKind.ManageLists),
        canReport: incidents.hasPermissions(incidentPerms.EffectiveBasePermissions, PermissionKind.AddListItems),
        canEditGoals: goals.hasPermissions(goalPerms.EffectiveBasePermissions, PermissionKind.EditListItems),
        // The installation check changes permission levels and role assignments (Manage Permissions)
        // and list and column settings (Manage Lists): what SharePoint checks for its repairs.
        canCheckInstallation:
          hasPermissions(webPerms.EffectiveBasePermissions, PermissionKind.ManagePermissions) && hasPermissions(webPerms.EffectiveBasePermissions, PermissionKind.ManageLists)
      };
    });
  }
}
