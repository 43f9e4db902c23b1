/**
 * People on the site: the signed-in user, the site's users, one user by id, and ensureUser, which
 * adds a person of the directory to the site.
 */
import type { Call } from './call';
import { CODES, SPError } from './errors';
import { EmulatorResponse, json, numericArg, parseJsonBody } from './http';
import { parseFilter } from './odata';
import { evaluate } from './query';
import type { SiteUser } from './store';

export function userJson(u: SiteUser): Record<string, unknown> {
  return {
    'odata.type': 'SP.User',
    Id: u.id,
    Title: u.title,
    Email: u.email,
    LoginName: u.loginName,
    IsSiteAdmin: u.isSiteAdmin,
    PrincipalType: 1,
    UserPrincipalName: u.email
  };
}

/** `_api/web/<segment>…` for people, or undefined when the path is not about people. */
export function peopleEndpoint(call: Call, segments: string[]): EmulatorResponse | undefined {
  const next = segments[1];
  const lower = next?.toLowerCase() ?? '';
  if (lower === 'currentuser' && segments.length === 2) {
    return json(200, userJson(call.user));
  }
  if (lower === 'siteusers' && segments.length === 2) {
    // People search: $filter over Title, Email and Id, e.g. substringof('erik',Title).
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

function ensureUser(call: Call): EmulatorResponse {
  const body = parseJsonBody(call.req);
  const login = typeof body.logonName === 'string' ? body.logonName : '';
  const email = login.split('|').pop()!.toLowerCase();
  const existing = [...call.store.users.values()].find((u) => u.email.toLowerCase() === email || u.loginName.toLowerCase() === login.toLowerCase());
  if (existing) {
    return json(200, userJson(existing));
  }
  // Only people of the (emulated) directory can be added; everyone else is unknown.
  // sv: translation.
  throw new SPError(400, CODES.spException, { en: `The specified user ${login} could not be found.`, sv: `Det gick inte att hitta den angivna användaren ${login}.` });
}
