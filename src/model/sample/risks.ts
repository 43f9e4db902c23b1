/**
 * The sample site's risk register: a few risks per area, written for this product from what the
 * region's guideline and policy say each area protects (patients, staff, operations, property,
 * information) and the threats the board papers name. Assessments span two years: most risks were
 * assessed last year and re-assessed this year, so the register shows change; one assessment is a
 * draft (area owners only). Days are relative to the site's "now"; grades are [sannolikhet,
 * konsekvens] on the 1–4 scales of model/risk.ts.
 */
import type { ActionStatusKey, RiskStatusKey } from '../types';

type Grades = readonly [1 | 2 | 3 | 4, 1 | 2 | 3 | 4];

export interface ISampleAssessment {
  daysAgo: number;
  before: Grades;
  after?: Grades;
  summary: string;
  motivation: string;
  /** Kept a draft: not yet fastställd, never shown in the register. */
  draft?: boolean;
}

export interface ISampleRisk {
  area: string;
  title: string;
  threat: string;
  harm: string;
  location: string;
  controls: string;
  status: RiskStatusKey;
  /** Oldest first; the last fastställd one is the risk's current assessment. */
  assessments: readonly ISampleAssessment[];
  /** Next review, days from now (negative: overdue). */
  reviewInDays?: number;
  /** A sample report (its title) that showed the risk can happen. */
  realisedBy?: string;
  actions?: readonly { title: string; dueInDays: number; status: ActionStatusKey; owner?: string }[];
}

const Y = 365;

export const SAMPLE_RISKS: readonly ISampleRisk[] = [
  {
    area: 'patientsakerhet',
    title: 'Patient förväxlas vid provtagning eller besked',
    threat: 'Identiteten kontrolleras inte mot två oberoende uppgifter när det är bråttom eller när patienter har liknande namn.',
    harm: 'Patienten får fel behandling eller fel besked; andra patienters uppgifter röjs.',
    location: 'Vårdavdelningar och mottagningar',
    controls: 'Rutin för identitetskontroll, id-band på inneliggande patienter.',
    status: 'treating',
    realisedBy: 'Fel patient fick provsvar uppläst',
    assessments: [
      { daysAgo: Y + 60, before: [3, 3], after: [2, 3], summary: 'Årlig riskanalys', motivation: 'Flera avvikelser under året där kontrollen hoppades över.' },
      { daysAgo: 40, before: [3, 3], after: [1, 3], summary: 'Omprövning efter händelse', motivation: 'En händelse med uppläst provsvar; dubbel identitetskontroll införs i telefon.' }
    ],
    reviewInDays: 140,
    actions: [{ title: 'Utbilda all personal i identitetskontroll vid telefonbesked', dueInDays: 60, status: 'ongoing', owner: 'erik' }]
  },
  {
    area: 'patientsakerhet',
    title: 'Fördröjd bedömning på akuten vid hög belastning',
    threat: 'Fler patienter än triagekapaciteten under kvällar och helger.',
    harm: 'Allvarligt sjuka patienter väntar för länge på bedömning.',
    location: 'Akutmottagningen',
    controls: 'Triage enligt RETTS, förstärkning vid larm om överbeläggning.',
    status: 'treating',
    realisedBy: 'Fördröjd triagering under hög belastning',
    assessments: [
      { daysAgo: Y + 30, before: [3, 4], after: [2, 4], summary: 'Årlig riskanalys', motivation: 'Väntetiden till triage har ökat sedan förra året.' },
      { daysAgo: 25, before: [3, 4], after: [2, 3], summary: 'Omprövning', motivation: 'Reservtriage planeras; konsekvensen bedöms minska när den finns.' }
    ],
    reviewInDays: -5,
    actions: [{ title: 'Bemanna reservtriage vid väntetid över 30 minuter', dueInDays: -10, status: 'ongoing', owner: 'erik' }]
  },
  {
    area: 'arbetsmiljo',
    title: 'Belastningsskada vid förflyttning av patient',
    threat: 'Lyfthjälpmedel saknas eller är trasiga; förflyttning görs för hand.',
    harm: 'Medarbetare får rygg- och axelskador och blir sjukskrivna.',
    location: 'Vårdavdelningar',
    controls: 'Taklyftar på de flesta salar, förflyttningsutbildning vartannat år.',
    status: 'treating',
    realisedBy: 'Ryggbesvär efter förflyttning utan lyft',
    assessments: [
      { daysAgo: Y + 90, before: [3, 2], after: [2, 2], summary: 'Årlig riskbedömning', motivation: 'Några tillbud vid förflyttning.' },
      { daysAgo: 70, before: [3, 3], after: [2, 2], summary: 'Omprövning', motivation: 'En arbetsskada med sjukskrivning; konsekvensen bedöms högre än förut.' }
    ],
    reviewInDays: 200,
    actions: [{ title: 'Inventera och laga lyfthjälpmedel på alla avdelningar', dueInDays: -20, status: 'planned' }]
  },
  {
    area: 'arbetsmiljo',
    title: 'Hot och våld mot medarbetare i mötet med patienter',
    threat: 'Oroliga eller påverkade patienter och anhöriga, särskilt nattetid.',
    harm: 'Medarbetare skadas fysiskt eller psykiskt.',
    location: 'Akutmottagning och psykiatri',
    controls: 'Larm, väktare nattetid på akuten, utbildning i bemötande.',
    status: 'assessed',
    assessments: [{ daysAgo: 120, before: [2, 3], after: [2, 2], summary: 'Riskbedömning', motivation: 'Händelser finns, men skydden fungerar.' }],
    reviewInDays: 245
  },
  {
    area: 'beredskap',
    title: 'Masstillströmning av skadade vid en stor olycka',
    threat: 'En olycka med många skadade samtidigt, t.ex. en bussolycka.',
    harm: 'Akutsjukvården räcker inte till; patienter får vänta eller flyttas.',
    location: 'Hela regionen',
    controls: 'Regional katastrofmedicinsk plan, övning varje år.',
    status: 'accepted',
    assessments: [
      { daysAgo: Y + 120, before: [1, 4], after: [1, 3], summary: 'Risk- och sårbarhetsanalys', motivation: 'Ovanligt men mycket allvarligt.' },
      { daysAgo: 100, before: [1, 4], after: [1, 3], summary: 'Risk- och sårbarhetsanalys', motivation: 'Oförändrat; kvarvarande risk godtas av regionledningen.' }
    ],
    reviewInDays: 265
  },
  {
    area: 'beredskap',
    title: 'Brist på läkemedel och sjukvårdsmateriel vid störd försörjning',
    threat: 'Leveranser stoppas vid kris eller konflikt i omvärlden.',
    harm: 'Behandlingar skjuts upp; patienter skadas.',
    location: 'Hela regionen',
    controls: 'Lager för några veckors förbrukning av kritiska artiklar.',
    status: 'treating',
    assessments: [{ daysAgo: Y + 10, before: [2, 4], after: [2, 3], summary: 'Risk- och sårbarhetsanalys', motivation: 'Lagren räcker kortare tid än planeringen förutsätter.' }],
    reviewInDays: -30,
    actions: [{ title: 'Utöka beredskapslagret av kritiska läkemedel', dueInDays: 150, status: 'ongoing' }]
  },
  {
    area: 'brandsakerhet',
    title: 'Brand i patientrum med sängliggande patienter',
    threat: 'Elfel, rökning eller anlagd brand.',
    harm: 'Patienter som inte kan gå själva skadas av brand och rök.',
    location: 'Vårdavdelningar',
    controls: 'Brandlarm, sektionering, utrymningsövningar.',
    status: 'assessed',
    assessments: [
      { daysAgo: Y + 40, before: [2, 4], after: [1, 4], summary: 'Brandriskanalys', motivation: 'Få bränder, men utrymning av sängliggande är svår.' },
      { daysAgo: 50, before: [1, 4], after: [1, 3], summary: 'Brandriskanalys', motivation: 'Nya brandceller i hus 7 minskar sannolikheten för spridning.' }
    ],
    reviewInDays: 310
  },
  {
    area: 'brandsakerhet',
    title: 'Utrymningsvägar blockeras av förråd',
    threat: 'Sängar och materiel ställs i korridorer och trapphus.',
    harm: 'Utrymningen tar längre tid; människor kan skadas.',
    location: 'Sjukhusets korridorer',
    controls: 'Egenkontroll av brandskydd varje månad.',
    status: 'identified',
    assessments: [{ daysAgo: 10, before: [3, 3], summary: 'Första bedömning', motivation: 'Noterat vid egenkontroll; utkast tills brandskyddssamordnaren gått igenom det.', draft: true }],
    reviewInDays: 30
  },
  {
    area: 'driftsakerhet',
    title: 'Strömavbrott i operationsavdelningen',
    threat: 'Fel i elnätet eller i reservkraften.',
    harm: 'Pågående operationer avbryts; patienter skadas.',
    location: 'Operationsavdelningen',
    controls: 'Reservkraft och avbrottsfri kraft för kritisk utrustning, provas varje månad.',
    status: 'treating',
    realisedBy: 'Strömavbrott i operationsavdelningen',
    assessments: [
      { daysAgo: Y + 50, before: [1, 4], after: [1, 4], summary: 'Driftsäkerhetsanalys', motivation: 'Reservkraften har fungerat.' },
      { daysAgo: 30, before: [2, 4], after: [1, 3], summary: 'Omprövning efter avbrott', motivation: 'Operationslamporna släckte vid omkopplingen.' }
    ],
    reviewInDays: 150,
    actions: [{ title: 'Gå igenom vilken utrustning som har avbrottsfri kraft', dueInDays: -3, status: 'planned', owner: 'mats' }]
  },
  {
    area: 'driftsakerhet',
    title: 'Vattenskada i teknikutrymme',
    threat: 'Läckande rör ovanför elcentraler och servrar.',
    harm: 'Drift avbryts; utrustning förstörs.',
    location: 'Teknikutrymmen',
    controls: 'Läckagelarm i de flesta utrymmen.',
    status: 'accepted',
    assessments: [{ daysAgo: Y + 100, before: [2, 2], after: [1, 2], summary: 'Driftsäkerhetsanalys', motivation: 'Låg risk; godtas.' }],
    reviewInDays: -60
  },
  {
    area: 'informationssakerhet',
    title: 'Patientuppgifter skickas till fel mottagare',
    threat: 'Fel adress eller fax vid utskick av journalkopior.',
    harm: 'Patientens integritet kränks; personuppgiftsincident.',
    location: 'Mottagningar och journalarkiv',
    controls: 'Rutin för utlämnande, säker e-post.',
    status: 'treating',
    assessments: [
      { daysAgo: Y + 70, before: [3, 2], after: [2, 2], summary: 'Informationsklassning', motivation: 'Enstaka felskick per år.' },
      { daysAgo: 80, before: [2, 3], after: [1, 3], summary: 'Omprövning', motivation: 'Färre felskick sedan säker e-post, men känsligare uppgifter skickas.' }
    ],
    reviewInDays: 220,
    actions: [{ title: 'Ta bort fax för journalkopior', dueInDays: 40, status: 'ongoing' }]
  },
  {
    area: 'informationssakerhet',
    title: 'Obehörig läsning i journalen',
    threat: 'Medarbetare läser journaler utan vårdrelation.',
    harm: 'Patienters integritet kränks.',
    location: 'Journalsystemet',
    controls: 'Loggkontroll varje månad, behörighet efter roll.',
    status: 'assessed',
    assessments: [{ daysAgo: 200, before: [2, 3], after: [2, 2], summary: 'Riskanalys', motivation: 'Loggkontrollen upptäcker det mesta i efterhand.' }],
    reviewInDays: 165
  },
  {
    area: 'it-sakerhet',
    title: 'Utpressningsattack stänger vårdens system',
    threat: 'Skadlig kod via e-post eller sårbarhet i en tjänst som nås från internet.',
    harm: 'Journal och labbsystem går inte att använda; vården måste gå över till reservrutiner.',
    location: 'Regionens IT-miljö',
    controls: 'Säkerhetskopior som inte nås från nätet, patchning, filtrering av e-post.',
    status: 'treating',
    assessments: [
      { daysAgo: Y + 20, before: [3, 4], after: [2, 4], summary: 'IT-riskanalys', motivation: 'Attacker mot vården har ökat i landet.' },
      { daysAgo: 60, before: [3, 4], after: [2, 3], summary: 'Omprövning', motivation: 'Återläsning prövad; reservrutiner övade på två sjukhus.' }
    ],
    reviewInDays: 120,
    actions: [{ title: 'Inför tvåfaktorsinloggning för alla fjärranslutningar', dueInDays: -15, status: 'ongoing', owner: 'peter' }]
  },
  {
    area: 'it-sakerhet',
    title: 'Uppgifter försvinner vid byte av system',
    threat: 'Migrering utan avstämning av öppna ärenden.',
    harm: 'Remisser och beställningar tappas bort; patienter får vänta.',
    location: 'Journal- och remissystem',
    controls: 'Testplan för migrering.',
    status: 'closed',
    realisedBy: 'Remiss försvann vid byte av journalmodul',
    assessments: [
      { daysAgo: Y + 5, before: [2, 3], after: [1, 2], summary: 'Riskanalys inför byte', motivation: 'Byte av journalmodul planeras.' },
      { daysAgo: 90, before: [1, 2], summary: 'Avslutande bedömning', motivation: 'Bytet klart; avstämning gjord.' }
    ]
  },
  {
    area: 'kriminalitet',
    title: 'Stöld av narkotikaklassade läkemedel',
    threat: 'Svaga kontroller vid uttag nattetid.',
    harm: 'Läkemedel försvinner; patienter och medarbetare kan skadas; förtroendet för vården.',
    location: 'Läkemedelsförråd',
    controls: 'Inventering varje vecka, passerkort till förråden.',
    status: 'treating',
    realisedBy: 'Svinn av narkotikaklassat läkemedel',
    assessments: [
      { daysAgo: Y + 80, before: [2, 3], after: [1, 3], summary: 'Riskanalys', motivation: 'Inga svinn senaste året.' },
      { daysAgo: 45, before: [3, 3], after: [1, 3], summary: 'Omprövning efter svinn', motivation: 'Svinn upptäckt; dubbelsignering nattetid införs.' }
    ],
    reviewInDays: 60
  },
  {
    area: 'kriminalitet',
    title: 'Inbrott i lokaler med medicinteknisk utrustning',
    threat: 'Olåsta dörrar och bristande skalskydd kvällstid.',
    harm: 'Utrustning stjäls; verksamheten störs.',
    location: 'Mottagningar utanför sjukhusen',
    controls: 'Larm och passersystem.',
    status: 'accepted',
    assessments: [{ daysAgo: Y + 150, before: [2, 2], after: [1, 2], summary: 'Riskanalys', motivation: 'Godtas med befintliga skydd.' }],
    reviewInDays: -120
  },
  {
    area: 'lakemedel',
    title: 'Fel dos vid beredning av läkemedel till barn',
    threat: 'Omräkning av styrka för hand under tidspress.',
    harm: 'Barn får för hög eller för låg dos.',
    location: 'Barnavdelningar',
    controls: 'Dubbelkontroll av beredning, doseringsstöd i journalen.',
    status: 'assessed',
    assessments: [
      { daysAgo: Y + 30, before: [2, 4], after: [1, 4], summary: 'Riskanalys', motivation: 'Några tillbud har fångats i dubbelkontrollen.' },
      { daysAgo: 35, before: [2, 4], after: [1, 3], summary: 'Omprövning', motivation: 'Färdigberedda sprutor införda för de vanligaste läkemedlen.' }
    ],
    reviewInDays: 330
  },
  {
    area: 'lakemedel',
    title: 'Läkemedel förvaras i fel temperatur',
    threat: 'Kylskåp utan larm går sönder över helgen.',
    harm: 'Läkemedlen verkar sämre och måste kasseras.',
    location: 'Avdelningarnas läkemedelsrum',
    controls: 'Temperaturen läses av varje vardag.',
    status: 'treating',
    assessments: [{ daysAgo: 150, before: [3, 2], after: [1, 2], summary: 'Riskanalys', motivation: 'Avläsning görs inte helger.' }],
    reviewInDays: 30,
    actions: [{ title: 'Sätt temperaturlarm på alla läkemedelskylar', dueInDays: -40, status: 'ongoing' }]
  },
  {
    area: 'miljosakerhet',
    title: 'Läckage av farligt avfall vid transport',
    threat: 'Felaktigt förpackat kemiskt eller smittförande avfall.',
    harm: 'Miljön förorenas; personal exponeras.',
    location: 'Avfallshantering och transporter',
    controls: 'Rutin för förpackning och märkning, utbildad säkerhetsrådgivare.',
    status: 'assessed',
    assessments: [
      { daysAgo: Y + 60, before: [2, 3], after: [1, 3], summary: 'Miljöriskanalys', motivation: 'Ett tillbud med läckande kartong.' },
      { daysAgo: 55, before: [1, 3], after: [1, 2], summary: 'Omprövning', motivation: 'Nya behållare har tagit bort läckagen.' }
    ],
    reviewInDays: 305
  },
  {
    area: 'miljosakerhet',
    title: 'Utsläpp av läkemedelsrester i avloppet',
    threat: 'Rester hälls ut i avloppet i stället för att lämnas som avfall.',
    harm: 'Vattenmiljön skadas.',
    location: 'Vårdavdelningar',
    controls: 'Information om läkemedelsavfall.',
    status: 'identified',
    assessments: [],
    reviewInDays: 45
  },
  {
    area: 'mt-sakerhet',
    title: 'Infusionspump ger fel flöde efter programfel',
    threat: 'Programvaran uppdateras inte på alla pumpar.',
    harm: 'Patienten får fel mängd läkemedel.',
    location: 'Vårdavdelningar och intensivvård',
    controls: 'Förebyggande underhåll, register över medicintekniska produkter.',
    status: 'treating',
    assessments: [
      { daysAgo: Y + 40, before: [2, 4], after: [1, 4], summary: 'Riskanalys', motivation: 'Säkerhetsmeddelande från tillverkaren.' },
      { daysAgo: 65, before: [2, 4], after: [1, 3], summary: 'Omprövning', motivation: 'Två av tre pumpmodeller uppdaterade.' }
    ],
    reviewInDays: 90,
    actions: [{ title: 'Uppdatera programvaran i de sista infusionspumparna', dueInDays: 20, status: 'ongoing', owner: 'eva' }]
  },
  {
    area: 'mt-sakerhet',
    title: 'Utrustning används utan utbildning',
    threat: 'Nya medarbetare och inhyrd personal har inte fått introduktion.',
    harm: 'Fel handhavande skadar patienter.',
    location: 'Alla vårdenheter',
    controls: 'Introduktionsprogram med utbildningslogg.',
    status: 'assessed',
    assessments: [{ daysAgo: 180, before: [3, 2], after: [2, 2], summary: 'Riskanalys', motivation: 'Loggen visar luckor hos inhyrd personal.' }],
    reviewInDays: 185
  },
  {
    area: 'smittskydd',
    title: 'Smitta sprids i väntrummet',
    threat: 'Patienter med luftburen smitta väntar bland andra.',
    harm: 'Patienter och medarbetare smittas, t.ex. av mässling.',
    location: 'Akutmottagningen och vårdcentraler',
    controls: 'Isoleringsrum, screeningfrågor vid ankomst.',
    status: 'treating',
    realisedBy: 'Misstänkt mässling på akuten',
    assessments: [
      { daysAgo: Y + 90, before: [2, 3], after: [1, 3], summary: 'Riskanalys', motivation: 'Låg vaccinationstäckning i några kommuner.' },
      { daysAgo: 20, before: [3, 3], after: [2, 3], summary: 'Omprövning efter händelse', motivation: 'Misstänkt mässling satt i väntrummet en timme.' }
    ],
    reviewInDays: 70
  },
  {
    area: 'smittskydd',
    title: 'Stickskada med blodsmitta',
    threat: 'Kanyler utan skydd och fulla behållare.',
    harm: 'Medarbetare smittas av blodburen smitta.',
    location: 'Alla vårdenheter',
    controls: 'Säkerhetsprodukter, rutin efter stickskada.',
    status: 'accepted',
    assessments: [{ daysAgo: Y + 30, before: [2, 3], after: [1, 3], summary: 'Riskanalys', motivation: 'Få stickskador; kvarvarande risk godtas.' }],
    reviewInDays: -10
  },
  {
    area: 'stralsakerhet',
    title: 'Fel undersökning på grund av förväxlad remiss',
    threat: 'Remisser för patienter med liknande namn blandas ihop.',
    harm: 'Patienten får onödig stråldos; rätt undersökning dröjer.',
    location: 'Röntgen',
    controls: 'Identitetskontroll vid bokning.',
    status: 'treating',
    realisedBy: 'Fel undersökning utförd på grund av förväxlad remiss',
    assessments: [
      { daysAgo: Y + 70, before: [1, 3], after: [1, 2], summary: 'Strålsäkerhetsanalys', motivation: 'Inga förväxlingar senaste året.' },
      { daysAgo: 60, before: [2, 3], after: [1, 2], summary: 'Omprövning efter händelse', motivation: 'En förväxling; kontroll i undersökningsrummet införs.' }
    ],
    reviewInDays: 120
  },
  {
    area: 'stralsakerhet',
    title: 'Hög dos vid genomlysning under långa ingrepp',
    threat: 'Genomlysningstiden följs inte upp under ingreppet.',
    harm: 'Patienten får hudskador; personalen får högre dos.',
    location: 'Angiografi och kardiologi',
    controls: 'Dosindikering, persondosimetrar.',
    status: 'assessed',
    assessments: [{ daysAgo: 210, before: [1, 3], after: [1, 2], summary: 'Strålsäkerhetsanalys', motivation: 'Dosuppföljning fungerar.' }],
    reviewInDays: 155
  },
  {
    area: 'vardhygien',
    title: 'Utbrott av vinterkräksjuka på vårdavdelning',
    threat: 'Smittade besökare och brister i basala hygienrutiner.',
    harm: 'Patienter och medarbetare insjuknar; avdelningen stängs för intag.',
    location: 'Vårdavdelningar',
    controls: 'Basala hygienrutiner, kohortvård.',
    status: 'accepted',
    realisedBy: 'Utbrott av vinterkräksjuka på avdelningen',
    assessments: [
      { daysAgo: Y + 20, before: [3, 2], after: [2, 2], summary: 'Riskanalys', motivation: 'Utbrott varje vinter.' },
      { daysAgo: 15, before: [3, 2], after: [2, 2], summary: 'Omprövning', motivation: 'Oförändrat; kvarvarande risk godtas under vintersäsongen.' }
    ],
    reviewInDays: 350
  },
  {
    area: 'vardhygien',
    title: 'Brister i följsamhet till basala hygienrutiner',
    threat: 'Tidsbrist och ringar, klockor eller långa ärmar i vårdarbetet.',
    harm: 'Vårdrelaterade infektioner.',
    location: 'Alla vårdenheter',
    controls: 'Mätning av följsamhet två gånger per år.',
    status: 'treating',
    assessments: [{ daysAgo: 130, before: [3, 3], after: [2, 2], summary: 'Riskanalys', motivation: 'Följsamheten under målet på flera enheter.' }],
    reviewInDays: 50,
    actions: [{ title: 'Hygienombud på varje enhet följer upp följsamheten varje månad', dueInDays: 30, status: 'ongoing' }]
  }
];
