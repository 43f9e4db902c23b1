/**
 * Governing documents: the region's security policy and guideline and a routine or two per area.
 * Dates are relative to the day the sample is loaded (days from today) so that some documents are
 * always close to expiry and some have expired.
 */
import type { DocumentStatusKey, DocumentTypeKey } from '../types';

export interface ISampleDocument {
  fileName: string;
  title: string;
  type: DocumentTypeKey;
  /** Area keys; empty means the document governs every area. */
  areas: string[];
  registrationNumber: string;
  version: string;
  /** Person key. */
  owner: string;
  responsibleUnit: string;
  approvedBy: string;
  validFromDays: number;
  /** Undefined: valid until further notice (tillsvidare). */
  validToDays?: number;
  status: DocumentStatusKey;
  /** A short summary written into the sample file. */
  summary: string;
}

export const SAMPLE_DOCUMENTS: readonly ISampleDocument[] = [
  {
    fileName: 'Sakerhetspolicy.pdf', title: 'Säkerhetspolicy', type: 'policy', areas: [], registrationNumber: 'RS 2024/1864', version: '2',
    owner: 'maria', responsibleUnit: 'Säkerhets- och beredskapsavdelningen', approvedBy: 'Regionfullmäktige', validFromDays: -774, status: 'approved',
    summary: 'Policyn anger den politiska viljeinriktningen: regionens verksamheter ska vara robusta och fungera pålitligt i vardag, kris och höjd beredskap. Alla förtroendevalda, chefer och medarbetare deltar i säkerhetsarbetet och rapporterar omständigheter som hotar den egna eller andras säkerhet.'
  },
  {
    fileName: 'Riktlinje-sakerhet.pdf', title: 'Riktlinje för säkerhet', type: 'guideline', areas: [], registrationNumber: 'RS 2022/583', version: '1.3',
    owner: 'maria', responsibleUnit: 'Regiondirektörens stab', approvedBy: 'Regiondirektör', validFromDays: -1180, validToDays: 45, status: 'underRevision',
    summary: 'Riktlinjen bygger på säkerhetspolicyn och beskriver mål, organisation, roller och ansvar samt de 14 säkerhetsområdena. Principerna är ansvarsprincipen, närhetsprincipen och likhetsprincipen.'
  },
  {
    fileName: 'Rutin-rapportera-handelser.pdf', title: 'Rutin för att rapportera brister, händelser och incidenter', type: 'routine', areas: [], registrationNumber: 'RS 2023/912', version: '3',
    owner: 'maria', responsibleUnit: 'Säkerhetsenheten', approvedBy: 'Säkerhetschef', validFromDays: -520, validToDays: 575, status: 'approved',
    summary: 'Alla medarbetare rapporterar brister, händelser och incidenter i Säkerhet-appen så snart som möjligt. Rapporten går till områdesansvarig, som utreder, återkopplar och avslutar ärendet.'
  },
  {
    fileName: 'Rutin-hot-och-vald.pdf', title: 'Rutin vid hot och våld mot medarbetare', type: 'routine', areas: ['arbetsmiljo', 'kriminalitet'], registrationNumber: 'RS 2024/220', version: '2',
    owner: 'karin', responsibleUnit: 'HR-avdelningen', approvedBy: 'HR-direktör', validFromDays: -300, validToDays: 430, status: 'approved',
    summary: 'Rutinen beskriver hur medarbetare förebygger och hanterar hot och våld, hur chefen stöttar efteråt och när händelsen ska polisanmälas och anmälas till Arbetsmiljöverket.'
  },
  {
    fileName: 'Anvisning-skyddsrond.pdf', title: 'Anvisning för skyddsrond', type: 'instruction', areas: ['arbetsmiljo'], registrationNumber: 'RS 2021/877', version: '1',
    owner: 'karin', responsibleUnit: 'HR-avdelningen', approvedBy: 'HR-direktör', validFromDays: -1500, validToDays: -30, status: 'approved',
    summary: 'Anvisningen beskriver hur chef och skyddsombud planerar, genomför och följer upp skyddsronden.'
  },
  {
    fileName: 'Regional-krisledningsplan.pdf', title: 'Regional plan för krisberedskap', type: 'plan', areas: ['beredskap'], registrationNumber: 'RS 2023/1401', version: '4',
    owner: 'lars', responsibleUnit: 'Säkerhetsenheten', approvedBy: 'Regionstyrelsen', validFromDays: -400, validToDays: 690, status: 'approved',
    summary: 'Planen beskriver regional och lokal krisledning, tjänsteman i beredskap och hur regionen går upp i stabsläge.'
  },
  {
    fileName: 'Rutin-TiB.pdf', title: 'Rutin för tjänsteman i beredskap', type: 'routine', areas: ['beredskap'], registrationNumber: 'RS 2024/305', version: '2',
    owner: 'lars', responsibleUnit: 'Säkerhetsenheten', approvedBy: 'Säkerhetschef', validFromDays: -210, status: 'approved',
    summary: 'Rutinen beskriver hur TiB larmas, vilka beslut TiB får fatta och hur krisledningen aktiveras.'
  },
  {
    fileName: 'Anvisning-brandsakerhet.pdf', title: 'Anvisning för systematiskt brandskyddsarbete', type: 'instruction', areas: ['brandsakerhet'], registrationNumber: 'RS 2022/1190', version: '2',
    owner: 'sofia', responsibleUnit: 'Säkerhetsenheten', approvedBy: 'Säkerhetschef', validFromDays: -900, validToDays: 20, status: 'approved',
    summary: 'Anvisningen beskriver brandskyddsorganisationens roller, egenkontroller, utbildning och utrymningsövningar.'
  },
  {
    fileName: 'Rutin-heta-arbeten.pdf', title: 'Rutin för heta arbeten', type: 'routine', areas: ['brandsakerhet', 'driftsakerhet'], registrationNumber: 'RS 2024/98', version: '1',
    owner: 'sofia', responsibleUnit: 'Fastighetsavdelningen', approvedBy: 'Fastighetschef', validFromDays: -250, validToDays: 480, status: 'approved',
    summary: 'Tillstånd, brandvakt och efterbevakning vid arbeten med öppen låga, svetsning och vinkelslip.'
  },
  {
    fileName: 'Rutin-reservkraft.pdf', title: 'Rutin för provning av reservkraft', type: 'routine', areas: ['driftsakerhet'], registrationNumber: 'RS 2023/640', version: '2',
    owner: 'mats', responsibleUnit: 'Fastighetsavdelningen', approvedBy: 'Fastighetschef', validFromDays: -600, validToDays: 130, status: 'approved',
    summary: 'Månatlig provstart, årlig belastningsprovning och dokumentation av reservkraftverk.'
  },
  {
    fileName: 'Riktlinje-informationssakerhet.pdf', title: 'Riktlinje för informationssäkerhet', type: 'guideline', areas: ['informationssakerhet', 'it-sakerhet'], registrationNumber: 'RS 2023/77', version: '2',
    owner: 'helena', responsibleUnit: 'Regiondirektörens stab', approvedBy: 'Regiondirektör', validFromDays: -650, validToDays: 80, status: 'approved',
    summary: 'Riktlinjen beskriver ledningssystemet för informationssäkerhet, informationsklassning och ansvar för informationstillgångar.'
  },
  {
    fileName: 'Rutin-personuppgiftsincident.pdf', title: 'Rutin vid personuppgiftsincident', type: 'routine', areas: ['informationssakerhet'], registrationNumber: 'RS 2024/501', version: '1',
    owner: 'helena', responsibleUnit: 'Dataskyddsfunktionen', approvedBy: 'Regiondirektör', validFromDays: -180, status: 'approved',
    summary: 'Hur en personuppgiftsincident rapporteras, bedöms och vid behov anmäls till Integritetsskyddsmyndigheten inom 72 timmar.'
  },
  {
    fileName: 'Anvisning-natfiske.pdf', title: 'Anvisning: misstänkt nätfiske och skadlig kod', type: 'instruction', areas: ['it-sakerhet'], registrationNumber: 'RS 2025/44', version: '1',
    owner: 'peter', responsibleUnit: 'IT-avdelningen', approvedBy: 'IT-chef', validFromDays: -90, status: 'approved',
    summary: 'Vad medarbetaren gör vid misstänkt nätfiske eller skadlig kod: rör inget, koppla från nätverket och ring IT-servicedesk.'
  },
  {
    fileName: 'Rutin-polisanmalan.pdf', title: 'Rutin för polisanmälan', type: 'routine', areas: ['kriminalitet'], registrationNumber: 'RS 2024/712', version: '2',
    owner: 'maria', responsibleUnit: 'Säkerhetsenheten', approvedBy: 'Säkerhetschef', validFromDays: -150, validToDays: 580, status: 'approved',
    summary: 'När och hur verksamhetschef eller enhetschef polisanmäler brott mot regionen och hur medarbetare skyddas i anmälan.'
  },
  {
    fileName: 'Rutin-lakemedelshantering.pdf', title: 'Rutin för läkemedelshantering', type: 'routine', areas: ['lakemedel'], registrationNumber: 'RS 2022/330', version: '5',
    owner: 'ingrid', responsibleUnit: 'Vårdkvalitetsenheten', approvedBy: 'Hälso- och sjukvårdsdirektör', validFromDays: -800, validToDays: -5, status: 'underRevision',
    summary: 'Ordination, iordningställande, administrering och förvaring av läkemedel samt kontroll av narkotikaklassade läkemedel.'
  },
  {
    fileName: 'Anvisning-farligt-gods.pdf', title: 'Anvisning för transport av farligt gods', type: 'instruction', areas: ['miljosakerhet'], registrationNumber: 'RS 2023/1120', version: '2',
    owner: 'ahmed', responsibleUnit: 'Service och länsteknik', approvedBy: 'Divisionschef service', validFromDays: -450, validToDays: 640, status: 'approved',
    summary: 'Klassning, förpackning, märkning och dokumentation när regionen skickar eller tar emot farligt gods.'
  },
  {
    fileName: 'Rutin-medicintekniska-produkter.pdf', title: 'Rutin för användning av medicintekniska produkter', type: 'routine', areas: ['mt-sakerhet'], registrationNumber: 'RS 2023/288', version: '3',
    owner: 'eva', responsibleUnit: 'Medicinsk teknik', approvedBy: 'Hälso- och sjukvårdsdirektör', validFromDays: -500, validToDays: 230, status: 'approved',
    summary: 'Ankomstkontroll, utbildning av användare, daglig skötsel och rapportering av fel på medicintekniska produkter.'
  },
  {
    fileName: 'Riktlinje-patientsakerhet.pdf', title: 'Riktlinje för systematiskt patientsäkerhetsarbete', type: 'guideline', areas: ['patientsakerhet'], registrationNumber: 'RS 2023/402', version: '2',
    owner: 'erik', responsibleUnit: 'Vårdkvalitetsenheten', approvedBy: 'Regiondirektör', validFromDays: -560, validToDays: 900, status: 'approved',
    summary: 'Hur vårdgivaren planerar, leder och följer upp patientsäkerhetsarbetet och hur patienter och närstående görs delaktiga.'
  },
  {
    fileName: 'Rutin-lex-Maria.pdf', title: 'Rutin för lex Maria-anmälan', type: 'routine', areas: ['patientsakerhet', 'lakemedel', 'mt-sakerhet'], registrationNumber: 'RS 2024/150', version: '2',
    owner: 'erik', responsibleUnit: 'Vårdkvalitetsenheten', approvedBy: 'Chefläkare', validFromDays: -320, validToDays: 410, status: 'approved',
    summary: 'Hur en händelse som medfört eller kunnat medföra allvarlig vårdskada utreds och anmäls till IVO, senast två månader efter att den upptäckts.'
  },
  {
    fileName: 'Rutin-fallprevention.pdf', title: 'Rutin för fallprevention', type: 'routine', areas: ['patientsakerhet'], registrationNumber: 'RS 2025/210', version: '1',
    owner: 'erik', responsibleUnit: 'Vårdkvalitetsenheten', approvedBy: 'Chefläkare', validFromDays: 14, validToDays: 1110, status: 'draft',
    summary: 'Riskbedömning vid inskrivning, åtgärder för patienter med fallrisk och uppföljning efter fall.'
  },
  {
    fileName: 'Plan-pandemi.pdf', title: 'Regional pandemiplan', type: 'plan', areas: ['smittskydd', 'beredskap'], registrationNumber: 'RS 2022/1502', version: '3',
    owner: 'olof', responsibleUnit: 'Smittskydd', approvedBy: 'Regionstyrelsen', validFromDays: -700, validToDays: 400, status: 'approved',
    summary: 'Hur regionen planerar för och leder arbetet vid en pandemi: provtagning, vaccination, skyddsutrustning och kommunikation.'
  },
  {
    fileName: 'Rutin-stick-och-skarskada.pdf', title: 'Rutin vid stick- och skärskada', type: 'routine', areas: ['smittskydd', 'arbetsmiljo', 'vardhygien'], registrationNumber: 'RS 2024/410', version: '2',
    owner: 'olof', responsibleUnit: 'Smittskydd', approvedBy: 'Smittskyddsläkare', validFromDays: -260, status: 'approved',
    summary: 'Omhändertagande direkt efter exponering, provtagning och uppföljning av den som stuckit eller skurit sig.'
  },
  {
    fileName: 'Plan-stralsakerhet.pdf', title: 'Strålsäkerhetsplan', type: 'plan', areas: ['stralsakerhet'], registrationNumber: 'RS 2023/815', version: '2',
    owner: 'lena', responsibleUnit: 'Medicinsk strålningsfysik', approvedBy: 'Hälso- och sjukvårdsdirektör', validFromDays: -480, validToDays: 250, status: 'approved',
    summary: 'Ansvarsfördelning, strålskyddsexpertens roll och hur verksamheterna skyddar patienter och personal mot joniserande strålning.'
  },
  {
    fileName: 'Rutin-basala-hygienrutiner.pdf', title: 'Rutin för basala hygienrutiner och klädregler', type: 'routine', areas: ['vardhygien'], registrationNumber: 'RS 2023/190', version: '4',
    owner: 'sara', responsibleUnit: 'Vårdhygien', approvedBy: 'Chefläkare', validFromDays: -610, validToDays: 120, status: 'approved',
    summary: 'Handdesinfektion, handskar, förkläde och arbetskläder i all vård och omsorg.'
  },
  {
    fileName: 'Anvisning-brandskydd-2019.pdf', title: 'Anvisning för brandskydd (ersatt)', type: 'instruction', areas: ['brandsakerhet'], registrationNumber: 'RS 2019/455', version: '1',
    owner: 'sofia', responsibleUnit: 'Säkerhetsenheten', approvedBy: 'Säkerhetschef', validFromDays: -2400, validToDays: -900, status: 'repealed',
    summary: 'Ersatt av Anvisning för systematiskt brandskyddsarbete.'
  }
];
