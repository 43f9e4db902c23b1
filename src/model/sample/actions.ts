/**
 * Actions decided in the investigation of some of the sample reports. `incident` is the report's
 * title; days are relative to the report's date.
 */
import type { ActionStatusKey } from '../types';

export interface ISampleAction {
  incident: string;
  title: string;
  /** Person key; defaults to the area's owner. */
  owner?: string;
  dueAfterDays: number;
  status: ActionStatusKey;
  doneAfterDays?: number;
}

export const SAMPLE_ACTIONS: readonly ISampleAction[] = [
  { incident: 'Fördröjd triagering under hög belastning', title: 'Inför reservtriage när väntetiden överstiger 30 minuter', dueAfterDays: 45, status: 'ongoing' },
  { incident: 'Fördröjd triagering under hög belastning', title: 'Följ upp väntetid till triage varje vecka i ledningsgruppen', dueAfterDays: 30, status: 'planned' },
  { incident: 'Fel patient fick provsvar uppläst', title: 'Kontrollera två identitetsuppgifter vid varje samtal om provsvar', owner: 'erik', dueAfterDays: 20, status: 'done', doneAfterDays: 14 },
  { incident: 'Fel patient fick provsvar uppläst', title: 'Undvik att placera patienter med samma efternamn på samma sal', owner: 'erik', dueAfterDays: 60, status: 'ongoing' },
  { incident: 'Remiss försvann vid byte av journalmodul', title: 'Stäm av antal öppna remisser före och efter varje systembyte', owner: 'peter', dueAfterDays: 30, status: 'done', doneAfterDays: 25 },
  { incident: 'Remiss försvann vid byte av journalmodul', title: 'Gå igenom alla remisser från bytesperioden', owner: 'erik', dueAfterDays: 14, status: 'done', doneAfterDays: 6 },
  { incident: 'Ryggbesvär efter förflyttning utan lyft', title: 'Reparera taklyften och byt ut laddaren', owner: 'mats', dueAfterDays: 14, status: 'ongoing' },
  { incident: 'Svinn av narkotikaklassat läkemedel', title: 'Inför dubbelsignering vid uttag ur narkotikaförrådet nattetid', owner: 'ingrid', dueAfterDays: 30, status: 'ongoing' },
  { incident: 'Svinn av narkotikaklassat läkemedel', title: 'Polisanmäl svinnet efter genomgång med verksamhetschefen', owner: 'maria', dueAfterDays: 7, status: 'done', doneAfterDays: 5 },
  { incident: 'Strömavbrott i operationsavdelningen', title: 'Anslut operationslamporna till den avbrottsfria kraften', owner: 'mats', dueAfterDays: 10, status: 'ongoing' },
  { incident: 'Patient hotade med kniv', title: 'Bygg en andra utgång i undersökningsrum 6', owner: 'mats', dueAfterDays: 120, status: 'done', doneAfterDays: 110 },
  { incident: 'Patient hotade med kniv', title: 'Utöka väktarbemanningen nattetid på akuten', owner: 'maria', dueAfterDays: 60, status: 'done', doneAfterDays: 45 },
  { incident: 'Misstänkt mässling på akuten', title: 'Inför screeningfråga om utslag och feber i receptionen', owner: 'olof', dueAfterDays: 21, status: 'ongoing' },
  { incident: 'Fel undersökning utförd på grund av förväxlad remiss', title: 'Identitetskontroll mot remissen vid undersökningsrummet', owner: 'lena', dueAfterDays: 30, status: 'ongoing' },
  { incident: 'Förslag: larmknappar i samtalsrummen', title: 'Installera överfallslarm i psykiatrins samtalsrum', owner: 'mats', dueAfterDays: 90, status: 'planned' },
  { incident: 'Utbrott av vinterkräksjuka på avdelningen', title: 'Uppdatera besöksinformationen om magsjuka', owner: 'sara', dueAfterDays: 14, status: 'done', doneAfterDays: 10 }
];
