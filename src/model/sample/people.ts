/**
 * Sample people of the region's directory. Those marked devUser can sign in to the local dev host
 * (staff, an area owner, the security chief and an intranet visitor); the rest appear as owners of
 * areas, goals and documents. Names are invented.
 */
import type { SecurityGroup } from '../schema';

export interface ISamplePerson {
  key: string;
  displayName: string;
  email: string;
  jobTitle: string;
  /** SharePoint group the person belongs to on the Säkerhet site. */
  group: SecurityGroup;
  /** Offered as a user in the dev host's sign-in menu. */
  devUser?: boolean;
}

export const SAMPLE_PEOPLE: readonly ISamplePerson[] = [
  { key: 'anna', displayName: 'Anna Lind', email: 'anna.lind@region.example', jobTitle: 'Undersköterska, medicinavdelning 3', group: 'staff', devUser: true },
  { key: 'erik', displayName: 'Erik Holm', email: 'erik.holm@region.example', jobTitle: 'Verksamhetsstrateg patientsäkerhet', group: 'areaOwners', devUser: true },
  { key: 'maria', displayName: 'Maria Berg', email: 'maria.berg@region.example', jobTitle: 'Säkerhetschef', group: 'owners', devUser: true },
  { key: 'johan', displayName: 'Johan Ek', email: 'johan.ek@region.example', jobTitle: 'Sjuksköterska, akutmottagningen', group: 'staff', devUser: true },
  { key: 'karin', displayName: 'Karin Sjöberg', email: 'karin.sjoberg@region.example', jobTitle: 'HR-strateg arbetsmiljö', group: 'areaOwners' },
  { key: 'lars', displayName: 'Lars Nyström', email: 'lars.nystrom@region.example', jobTitle: 'Beredskapssamordnare', group: 'areaOwners' },
  { key: 'sofia', displayName: 'Sofia Åberg', email: 'sofia.aberg@region.example', jobTitle: 'Brandskyddssamordnare', group: 'areaOwners' },
  { key: 'mats', displayName: 'Mats Lindqvist', email: 'mats.lindqvist@region.example', jobTitle: 'Fastighetschef', group: 'areaOwners' },
  { key: 'helena', displayName: 'Helena Forsberg', email: 'helena.forsberg@region.example', jobTitle: 'Informationssäkerhetsstrateg', group: 'areaOwners' },
  { key: 'peter', displayName: 'Peter Sundberg', email: 'peter.sundberg@region.example', jobTitle: 'Verksamhetschef IT och medicinteknisk drift', group: 'areaOwners' },
  { key: 'ingrid', displayName: 'Ingrid Dahl', email: 'ingrid.dahl@region.example', jobTitle: 'Läkemedelsstrateg, vårdkvalitetsenheten', group: 'areaOwners' },
  { key: 'ahmed', displayName: 'Ahmed Karimi', email: 'ahmed.karimi@region.example', jobTitle: 'Miljösamordnare och säkerhetsrådgivare farligt gods', group: 'areaOwners' },
  { key: 'eva', displayName: 'Eva Nordin', email: 'eva.nordin@region.example', jobTitle: 'Chef medicinsk teknik', group: 'areaOwners' },
  { key: 'olof', displayName: 'Olof Strand', email: 'olof.strand@region.example', jobTitle: 'Smittskyddsläkare', group: 'areaOwners' },
  { key: 'lena', displayName: 'Lena Holmberg', email: 'lena.holmberg@region.example', jobTitle: 'Sjukhusfysiker, strålskyddsexpert', group: 'areaOwners' },
  { key: 'sara', displayName: 'Sara Wikström', email: 'sara.wikstrom@region.example', jobTitle: 'Hygienöverläkare, vårdhygien', group: 'areaOwners' },
  { key: 'nils', displayName: 'Nils Bergman', email: 'nils.bergman@region.example', jobTitle: 'Regiondirektör', group: 'visitors', devUser: true }
];

/**
 * More people of the region's directory (Microsoft Entra ID), who have never visited the Säkerhet
 * site and are in none of its groups: the people picker finds them, and choosing one adds them to
 * the site's users (ensureUser). Names are invented.
 */
export const SAMPLE_DIRECTORY_ONLY: readonly Omit<ISamplePerson, 'group' | 'devUser'>[] = [
  { key: 'fredrik', displayName: 'Fredrik Lund', email: 'fredrik.lund@region.example', jobTitle: 'Överläkare, akutmottagningen' },
  { key: 'amira', displayName: 'Amira Haddad', email: 'amira.haddad@region.example', jobTitle: 'Vårdenhetschef, medicinavdelning 3' },
  { key: 'birgitta', displayName: 'Birgitta Holm', email: 'birgitta.holm@region.example', jobTitle: 'Sjuksköterska, ortopedavdelningen' },
  { key: 'goran', displayName: 'Göran Öberg', email: 'goran.oberg@region.example', jobTitle: 'Driftingenjör, fastighet' },
  { key: 'linnea', displayName: 'Linnéa Ek', email: 'linnea.ek@region.example', jobTitle: 'Apotekare, läkemedelsenheten' },
  { key: 'jonas', displayName: 'Jonas Sjöberg', email: 'jonas.sjoberg@region.example', jobTitle: 'IT-säkerhetsspecialist' },
  { key: 'maja', displayName: 'Maja Lindqvist', email: 'maja.lindqvist@region.example', jobTitle: 'Arbetsmiljöingenjör' },
  { key: 'omar', displayName: 'Omar Farah', email: 'omar.farah@region.example', jobTitle: 'Ambulanssjuksköterska' },
  { key: 'ulla', displayName: 'Ulla Bergström', email: 'ulla.bergstrom@region.example', jobTitle: 'Hygiensjuksköterska, vårdhygien' },
  { key: 'per', displayName: 'Per Åkesson', email: 'per.akesson@region.example', jobTitle: 'Säkerhetssamordnare, regionservice' }
];
