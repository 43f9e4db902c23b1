/**
 * People on the site: the signed-in user, the site's users (people who visited the site or were
 * added to it, and groups – not the directory), one user by id, the people picker's search of the
 * directory (directory.ts), and ensureUser, which adds a person of the directory to the site.
 */
import type { Call } from './call';
import { CODES, Errors, SPError } from './errors';
import { claimsLogin, findInDirectory, pickerMatches } from './directory';
import { EmulatorResponse, json, numericArg, parseJsonBody } from './http';
import { parseFilter } from './odata';
import { evaluate } from './query';
import { has, webMask } from './security';
import type { SiteUser } from './store';

/** `_api/SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser`, lower case. */
export const PEOPLE_PICKER_SEARCH = 'sp.ui.applicationpages.clientpeoplepickerwebserviceinterface.clientpeoplepickersearchuser';

export function userJson(u: SiteUser): Record<string, unknown> {
  return {
    'odata.type': 'SP.User',
    Id: u.id,
    IsHiddenInUI: false,
    Title: u.title,
    Email: u.email,
    LoginName: u.loginName,
    IsSiteAdmin: u.isSiteAdmin,
    // SP.Utilities.PrincipalType: 1 a user, 4 a security group (such as "everyone except external users").
    PrincipalType: u.principalType ?? 1,
    UserPrincipalName: (u.principalType ?? 1) === 1 ? u.email : null
  };
}

/** `_api/web/<segment>…` for people, or undefined when the path is not about people. */
export function peopleEndpoint(call: Call, segments: string[]): EmulatorResponse | Promise<EmulatorResponse> | undefined {
  const next = segments[1];
  const lower = next?.toLowerCase() ?? '';
  if (lower === 'currentuser' && segments.length === 2) {
    return json(200, userJson(call.user));
  }
  if (lower === 'siteusers' && segments.length === 2) {
    // The site's User Information List: $filter over Title, Email, Id and PrincipalType, e.g.
    // substringof('erik',Title). Only people who visited or were added, and groups.
    const q = call.req.url.searchParams;
    const filter = q.get('$filter') ? parseFilter(q.get('$filter')!) : undefined;
    const top = Number(q.get('$top') ?? 100);
    const users = [...call.store.users.values()]
      .map((u) => userJson(u))
      .filter((u) => !filter || evaluate(filter, (field) => u[field]))
      .sort((a, b) => String(a.Title).localeCompare(String(b.Title), 'sv'))
      .slice(0, top);
    return json(200, { value: users });
  }
  if ((lower.startsWith('getuserbyid(') && segments.length === 2) || (lower === 'siteusers' && segments[2]?.toLowerCase().startsWith('getbyid('))) {
    const id = numericArg(lower === 'siteusers' ? segments[2] : next);
    const found = id !== undefined ? call.store.users.get(id) : undefined;
    if (!found) {
      // sv: translation.
      throw new SPError(404, CODES.spException, { en: 'User cannot be found.', sv: 'Användaren hittades inte.' });
    }
    return json(200, userJson(found));
  }
  if (lower === 'ensureuser' && call.method === 'POST') {
    return ensureUser(call);
  }
  return undefined;
}

/**
 * `POST _api/web/ensureuser` with `{"logonName": "i:0#.f|membership|…"}` (or an e-mail): the site
 * user with that login, added to the site from the directory if they are not one yet
 * (SPWeb.EnsureUser, learn.microsoft.com ms473422: "Checks whether the specified logon name belongs
 * to a valid user of the website, and if the logon name does not already exist, adds it to the
 * website"; "The current user must have the BrowseUserInfo rights"; SPException when the user
 * "cannot be found in Active Directory"). Answers SP.User.
 */
async function ensureUser(call: Call): Promise<EmulatorResponse> {
  const { store } = call;
  if (!has(webMask(store, call.user), 'BrowseUserInfo')) {
    throw Errors.accessDenied();
  }
  const body = parseJsonBody(call.req);
  const login = typeof body.logonName === 'string' ? body.logonName : '';
  const email = login.split('|').pop()!.toLowerCase();
  const existing = [...store.users.values()].find((u) => (u.principalType ?? 1) === 1 && (u.email.toLowerCase() === email || u.loginName.toLowerCase() === login.toLowerCase()));
  if (existing) {
    return json(200, userJson(existing));
  }
  const person = findInDirectory(login, store.directory);
  if (!person) {
    // sv: translation.
    throw new SPError(400, CODES.spException, { en: `The specified user ${login} could not be found.`, sv: `Det gick inte att hitta den angivna användaren ${login}.` });
  }
  // Users and groups share one range of principal ids.
  const id = Math.max(0, ...store.users.keys(), ...store.security.groups.map((g) => g.id)) + 1;
  const user: SiteUser = { id, title: person.displayName, email: person.email, loginName: claimsLogin(person.email), isSiteAdmin: false };
  await store.putUser(user);
  return json(200, userJson(user));
}

/** SP.Utilities.PrincipalType bits. */
const PRINCIPAL = { user: 1, securityGroup: 4, sharePointGroup: 8, all: 15 } as const;

/**
 * The people picker's search (directory.ts for its sources): the directory's users, the site's
 * security-group principals and SharePoint groups that match, as far as PrincipalType asks, at
 * most MaximumEntitySuggestions, as a JSON string. Who may search is not documented; the emulator
 * asks only that the caller is signed in. SharePointGroupID (search one group's members) is not
 * emulated.
 */
export function peoplePickerSearch(call: Call): EmulatorResponse {
  const body = parseJsonBody(call.req);
  const params = (typeof body.queryParams === 'object' && body.queryParams !== null ? body.queryParams : {}) as Record<string, unknown>;
  const query = typeof params.QueryString === 'string' ? params.QueryString : '';
  // When PrincipalType is left out the emulator answers every type (its default is not documented).
  const types = typeof params.PrincipalType === 'number' && params.PrincipalType > 0 ? params.PrincipalType : PRINCIPAL.all;
  const max = typeof params.MaximumEntitySuggestions === 'number' && params.MaximumEntitySuggestions > 0 ? params.MaximumEntitySuggestions : 30;
  const entities: Record<string, unknown>[] = [];
  if (types & PRINCIPAL.user) {
    for (const p of call.store.directory.filter((d) => pickerMatches(query, d.displayName, d.email)).sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'))) {
      entities.push({
        Key: claimsLogin(p.email),
        DisplayText: p.displayName,
        IsResolved: true,
        Description: p.email,
        EntityType: 'User',
        EntityData: { IsAltSecIdPresent: 'False', ObjectId: p.objectId, Title: p.jobTitle, Email: p.email, MobilePhone: '', OtherMails: '', Department: '' },
        MultipleMatches: [],
        ProviderName: 'Tenant',
        ProviderDisplayName: 'Tenant'
      });
    }
  }
  if (types & PRINCIPAL.securityGroup) {
    for (const g of [...call.store.users.values()].filter((u) => u.principalType === 4 && pickerMatches(query, u.title))) {
      entities.push({ Key: g.loginName, DisplayText: g.title, IsResolved: true, Description: g.title, EntityType: 'SecGroup', EntityData: { DisplayName: g.title }, MultipleMatches: [], ProviderName: 'Tenant', ProviderDisplayName: 'Tenant' });
    }
  }
  if (types & PRINCIPAL.sharePointGroup) {
    for (const g of call.store.security.groups.filter((x) => pickerMatches(query, x.title))) {
      // As PnP's control reads a SharePoint group: EntityData.SPGroupID and AccountName.
      entities.push({ Key: g.title, DisplayText: g.title, IsResolved: true, Description: g.title, EntityType: 'SPGroup', EntityData: { AccountName: g.title, SPGroupID: String(g.id), PrincipalType: 'SharePointGroup' }, MultipleMatches: [], ProviderName: 'SharePoint', ProviderDisplayName: 'SharePoint' });
    }
  }
  const value = JSON.stringify(entities.slice(0, max));
  if (/odata=verbose/i.test(call.req.headers.accept ?? '')) {
    return json(200, { d: { ClientPeoplePickerSearchUser: value } });
  }
  return json(200, { ...(call.read.metadata ? { 'odata.metadata': `${call.read.apiUrl}/$metadata#Edm.String` } : {}), value });
}
