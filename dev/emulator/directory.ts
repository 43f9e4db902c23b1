/**
 * The organisation's directory (Microsoft Entra ID) as SharePoint's people picker sees it: larger
 * than the site's users. A site's users (`web/siteusers`, the User Information List) are only the
 * people who have visited the site or been added to it, and groups; everyone else is found through
 * the people picker and becomes a site user by `ensureUser` (people.ts).
 *
 * Sources:
 * - `POST _api/SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser`
 *   with `{ queryParams: SP.UI.ApplicationPages.ClientPeoplePickerQueryParameters }` (QueryString,
 *   MaximumEntitySuggestions, PrincipalType, PrincipalSource, AllowEmailAddresses, …) answers a
 *   ClientResult<string> (learn.microsoft.com, ClientPeoplePickerWebServiceInterface.
 *   ClientPeoplePickerSearchUser, jj169335): the result is a JSON *string* of picker entities, in
 *   `value` with JSON light (`{"d":{"ClientPeoplePickerSearchUser":"…"}}` with odata=verbose).
 *   PnPjs reads it so (@pnp/sp 4.21.0, profiles/types.js, clientPeoplePickerSearchUser: POST to
 *   `…clientpeoplepickerwebserviceinterface.clientpeoplepickersearchuser` with body `{ queryParams }`,
 *   then `JSON.parse(typeof res === "object" ? res.ClientPeoplePickerSearchUser : res)`), as does PnP's own people picker control
 *   (pnp/sp-dev-fx-controls-react, src/services/PeopleSearchService.ts: `JSON.parse(userDataResp.value)`,
 *   EntityType 'User' | 'SecGroup' | 'FormsRole' | SharePoint groups with EntityData.SPGroupID).
 * - An entity as recorded from SharePoint Online (in a public SPFx sample, quoted in full there):
 *   `{"Key":"i:0#.f|membership|vijay@…","DisplayText":"Vijay Natrajan","IsResolved":true,
 *   "Description":"vijay@…","EntityType":"User","EntityData":{"IsAltSecIdPresent":"False",
 *   "ObjectId":"a83fcd06-…","Title":"","Email":"vijay@…","MobilePhone":"","OtherMails":"…",
 *   "Department":""},"MultipleMatches":[],"ProviderName":"Tenant","ProviderDisplayName":"Tenant"}`;
 *   no match answers `value: "[]"` (pnp/sp-dev-fx-controls-react issue #1934).
 * - PrincipalType is a bit mask: 1 User, 2 DistributionList, 4 SecurityGroup, 8 SharePointGroup
 *   (SP.Utilities.PrincipalType; PnP's control sums the types it wants). Only the asked types come.
 * - Matching: SharePoint matches the start of the name's words, the e-mail and the account name,
 *   not any substring (pnp/sp-dev-fx-controls-react issue #1534, "search too strict"); the exact
 *   algorithm and its order are not documented, and Microsoft has changed it without notice
 *   (SharePoint/sp-dev-docs issue #10096, 2025: first names stopped matching for some users). The emulator matches word starts, case-insensitively
 *   (not accent-insensitively: "oberg" finds Göran Öberg by his e-mail), and orders by display name.
 */
import { createHash } from 'crypto';
import { SAMPLE_DIRECTORY_ONLY, SAMPLE_PEOPLE } from '../../src/model/sample/people';

export interface DirectoryPerson {
  displayName: string;
  email: string;
  jobTitle: string;
  /** The Entra ID object id (a GUID). */
  objectId: string;
}

/** SharePoint Online's claims login for a directory user (what the picker's `Key` holds). */
export function claimsLogin(email: string): string {
  return `i:0#.f|membership|${email.toLowerCase()}`;
}

function objectId(email: string): string {
  const h = createHash('sha1').update(`directory:${email.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The sample region's directory: everyone on the site and the people who never visited it. */
export const DIRECTORY: readonly DirectoryPerson[] = [...SAMPLE_PEOPLE, ...SAMPLE_DIRECTORY_ONLY].map((p) => ({
  displayName: p.displayName,
  email: p.email,
  jobTitle: p.jobTitle,
  objectId: objectId(p.email)
}));

/**
 * A directory person by claims login, e-mail or user principal name.
 * @param directory the tenant's directory (Store.directory; the sample region's by default)
 */
export function findInDirectory(logon: string, directory: readonly DirectoryPerson[] = DIRECTORY): DirectoryPerson | undefined {
  const name = logon.split('|').pop()!.toLowerCase();
  return directory.find((p) => p.email.toLowerCase() === name);
}

function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv');
}

/** Whether the query matches the start of a word of the name, the e-mail or the account name. */
export function pickerMatches(query: string, ...texts: string[]): boolean {
  const q = fold(query.trim());
  if (!q) {
    return false;
  }
  return texts.some((t) => {
    const folded = fold(t);
    return folded.startsWith(q) || folded.split(/[\s.@_-]+/).some((word) => word.startsWith(q));
  });
}
