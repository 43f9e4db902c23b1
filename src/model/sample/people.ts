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
