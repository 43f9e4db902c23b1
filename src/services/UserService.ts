import { GOALS_LIST, INCIDENTS_LIST } from '../model/schema';
import type { IDirectoryPerson, IPerson } from '../model/types';
import { toServiceError } from './errors';
import type { ICurrentUser, IUserService } from './interfaces';
import { listOf, noAccessAs } from './lists';
import type { SessionCache } from './SessionCache';
import { hasPermissions, PermissionKind, PrincipalSource, PrincipalType, type SPFI } from './sp';

interface IPermissions {
  EffectiveBasePermissions: { High: number; Low: number };
}

export class UserService implements IUserService {
  constructor(private readonly sp: SPFI, private readonly siteUrl: string, private readonly cache: SessionCache) {}

  public get cached(): boolean {
    return this.cache.has('user');
  }

  /**
   * People of the directory, as SharePoint's own people picker searches them:
   * `clientPeoplePickerSearchUser` (SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface,
   * through PnPjs's @pnp/sp/profiles), users only (PrincipalType 1) from every source
   * (PrincipalSource 15), no e-mail addresses outside the directory. `siteUsers` would hold only
   * the people who have visited the site or been added to it, and groups.
   * @param text at least two characters; at most 60 are sent
   * @returns at most 8 people, in SharePoint's order
   * @throws ServiceError as SharePoint refuses the search (e.g. 'throttled' past the retries)
   */
  public async searchPeople(text: string): Promise<IDirectoryPerson[]> {
    const q = text.trim().slice(0, 60);
    if (q.length < 2) {
      return [];
    }
    let entities: Awaited<ReturnType<SPFI['profiles']['clientPeoplePickerSearchUser']>>;
    try {
      entities = await this.sp.profiles.clientPeoplePickerSearchUser({
        AllowEmailAddresses: false,
        AllowMultipleEntities: false,
        AllUrlZones: false,
        MaximumEntitySuggestions: 8,
        PrincipalSource: PrincipalSource.All,
        PrincipalType: PrincipalType.User,
        QueryString: q
      });
    } catch (err) {
      throw toServiceError(err);
    }
    return entities
      .filter((e) => e.EntityType === 'User' && e.EntityData?.PrincipalType !== 'UNVALIDATED_EMAIL_ADDRESS')
      .map((e) => ({ key: e.Key, displayName: e.DisplayText, email: e.EntityData?.Email || undefined, jobTitle: e.EntityData?.Title || undefined }));
  }

  /**
   * The site user for a person found in the directory, added to the site's users if they have
   * never visited it (`web/ensureuser`, which needs Browse User Information on the site): a person
   * column takes a site user's id.
   * @throws ServiceError as SharePoint refuses it (e.g. 'forbidden', or 'invalid' for a person no longer in the directory)
   */
  public async ensurePerson(person: IDirectoryPerson): Promise<IPerson> {
    try {
      const user = (await this.sp.web.ensureUser(person.key)) as unknown as Record<string, unknown>;
      return { id: Number(user.Id), displayName: String(user.Title ?? person.displayName), email: String(user.Email ?? '') || undefined };
    } catch (err) {
      throw toServiceError(err);
    }
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
