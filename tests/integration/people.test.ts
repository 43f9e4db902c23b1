/**
 * People (issue 9, point 5): choosing an investigator or an action owner searches the
 * organisation's directory the way SharePoint's own people picker does, then adds the person to
 * the site with ensureUser. Sources of the emulator's rules are in dev/emulator/directory.ts and
 * dev/emulator/people.ts:
 * - `clientPeoplePickerSearchUser` (SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface,
 *   learn.microsoft.com jj169335) answers a JSON *string* of picker entities; PrincipalType is a bit
 *   mask (SP.Utilities.PrincipalType: 1 User, 4 SecurityGroup, 8 SharePointGroup).
 * - `web/siteusers` holds only the people who have visited or been added to the site, and groups.
 * - `web/ensureuser` adds a directory person to the site's users (SPWeb.EnsureUser, ms473422).
 */
import type { DevServer } from '../../dev/server';
import { DIRECTORY } from '../../dev/emulator/directory';
import { errorMessage } from '../../src/components/common/errorMessage';
import enUS from '../../src/loc/en-us';
import svSE from '../../src/loc/sv-se';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';

const NOW = new Date('2026-06-15T10:00:00Z');
const PICKER = 'SP.UI.ApplicationPages.ClientPeoplePickerWebServiceInterface.clientPeoplePickerSearchUser';
let server: DevServer;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
});
afterAll(() => server.close());

const siteUserEmails = (): string[] => [...server.store.users.values()].map((u) => u.email.toLowerCase());

describe('the directory is larger than the site users', () => {
  it('holds people who are not site users, and the site users include a directory security group', () => {
    const outside = DIRECTORY.filter((p) => !siteUserEmails().includes(p.email.toLowerCase()));
    // Ten people of the sample directory have never visited the site (src/model/sample/people.ts).
    expect(outside.map((p) => p.displayName)).toContain('Fredrik Lund');
    expect(outside).toHaveLength(10);
    expect([...server.store.users.values()].filter((u) => u.principalType === 4).map((u) => u.title)).toEqual(['Alla utom externa användare']);
  });

  it('answers the picker search as SharePoint does: a JSON string of entities, only the types asked for', async () => {
    const search = (query: Record<string, unknown>): ReturnType<typeof rest> =>
      rest(server, 'erik', PICKER, { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ queryParams: query }) });
    const users = await search({ QueryString: 'fredr', PrincipalType: 1, PrincipalSource: 15, MaximumEntitySuggestions: 8 });
    expect(users.status).toBe(200);
    expect(typeof users.json.value).toBe('string');
    const entities = JSON.parse(users.json.value);
    expect(entities).toEqual([
      expect.objectContaining({ Key: 'i:0#.f|membership|fredrik.lund@region.example', DisplayText: 'Fredrik Lund', EntityType: 'User', IsResolved: true, ProviderName: 'Tenant' })
    ]);
    // Users only (1): the security group "Alla utom externa användare" is left out; with 4 it comes.
    expect(JSON.parse((await search({ QueryString: 'alla', PrincipalType: 1 })).json.value)).toEqual([]);
    expect(JSON.parse((await search({ QueryString: 'alla', PrincipalType: 4 })).json.value)).toEqual([expect.objectContaining({ EntityType: 'SecGroup', DisplayText: 'Alla utom externa användare' })]);
    // Word starts, not any substring (pnp/sp-dev-fx-controls-react #1534): 'drik' finds nobody.
    expect(JSON.parse((await search({ QueryString: 'drik', PrincipalType: 1 })).json.value)).toEqual([]);
    // No match: "[]" as a string (pnp/sp-dev-fx-controls-react #1934).
    expect((await search({ QueryString: 'zzzz', PrincipalType: 1 })).json.value).toBe('[]');
  });
});

describe('choosing a person as the product does (IUserService)', () => {
  it('finds a directory person who is not yet on the site, and ensureUser adds them; a second time finds the same user', async () => {
    const erik = sessionFor(server, 'erik').services;
    expect(siteUserEmails()).not.toContain('amira.haddad@region.example');
    const found = await erik.users.searchPeople('amira');
    expect(found).toEqual([{ key: 'i:0#.f|membership|amira.haddad@region.example', displayName: 'Amira Haddad', email: 'amira.haddad@region.example', jobTitle: 'Vårdenhetschef, medicinavdelning 3' }]);
    const person = await erik.users.ensurePerson(found[0]);
    expect(person).toMatchObject({ displayName: 'Amira Haddad', email: 'amira.haddad@region.example' });
    const stored = server.store.users.get(person.id);
    expect(stored).toMatchObject({ title: 'Amira Haddad', loginName: 'i:0#.f|membership|amira.haddad@region.example' });
    // SPWeb.EnsureUser: "if the logon name does not already exist, adds it" – once.
    expect((await erik.users.ensurePerson(found[0])).id).toBe(person.id);
    expect([...server.store.users.values()].filter((u) => u.email === 'amira.haddad@region.example')).toHaveLength(1);
  });

  it('names a directory person as investigator and as action owner', async () => {
    const erik = sessionFor(server, 'erik').services;
    const id = [...server.store.list('incidents').items.values()].find((i) => i.fields.Title === 'Patient föll vid toalettbesök')!.id;
    const [linnea] = await erik.users.searchPeople('linnéa');
    const investigator = await erik.users.ensurePerson(linnea);
    const report = await erik.incidents.getReport(id);
    const saved = await erik.incidents.updateCase(report, { investigatorId: investigator.id });
    expect(saved.investigator).toMatchObject({ id: investigator.id, displayName: 'Linnéa Ek' });
    const [per] = await erik.users.searchPeople('åkesson');
    const owner = await erik.users.ensurePerson(per);
    const action = await erik.actions.addAction(id, { title: 'Se över larmrutinen', ownerId: owner.id, dueDate: '2026-08-01' });
    expect(action.owner).toMatchObject({ id: owner.id, displayName: 'Per Åkesson' });
  });

  it('searches users only: a group is never offered, and a person column refuses one (UserSelectionMode PeopleOnly)', async () => {
    const erik = sessionFor(server, 'erik').services;
    expect(await erik.users.searchPeople('alla')).toEqual([]);
    const everyone = [...server.store.users.values()].find((u) => u.principalType === 4)!;
    const res = await rest(server, 'erik', "web/getList('/sites/sakerhet/Lists/Atgarder')/items", {
      method: 'POST',
      digest: true,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Title: 'Grupp som ägare', IncidentId: 1, ActionOwnerId: everyone.id, DueDate: '2026-07-01T00:00:00Z', ActionStatus: 'Planerad' })
    });
    expect(res.status).toBe(400);
    expect(res.json['odata.error'].code).toBe('-2146232832, Microsoft.SharePoint.SPException');
  });

  it('refuses a person who is not in the directory: ensureUser answers SPException, in the site\'s language', async () => {
    const erik = sessionFor(server, 'erik').services;
    await expect(erik.users.ensurePerson({ key: 'i:0#.f|membership|ingen.alls@region.example', displayName: 'Ingen Alls' })).rejects.toMatchObject({ kind: 'invalid' });
    const res = await rest(server, 'erik', 'web/ensureuser', { method: 'POST', digest: true, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ logonName: 'i:0#.f|membership|ingen.alls@region.example' }) });
    expect(res.status).toBe(400);
    expect(res.json['odata.error'].message).toEqual({ lang: 'sv-SE', value: 'Det gick inte att hitta den angivna användaren i:0#.f|membership|ingen.alls@region.example.' });
  });

  it('a refused search (throttled past the retries) becomes a clear error in Swedish and English', async () => {
    const erik = sessionFor(server, 'erik').services;
    server.faults.set([{ kind: 'throttle', retryAfter: 1, method: 'POST', path: 'clientPeoplePickerSearchUser' }]);
    try {
      const error = await erik.users.searchPeople('fredrik').then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error).toMatchObject({ kind: 'throttled' });
      expect(errorMessage(svSE, error as never)).toBe(svSE.errorThrottled);
      expect(errorMessage(enUS, error as never)).toBe(enUS.errorThrottled);
      expect(svSE.errorThrottled).not.toBe(enUS.errorThrottled);
    } finally {
      server.faults.clear();
    }
  });
});
