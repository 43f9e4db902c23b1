/**
 * Measurable goals per area, as the board asked for after the annual security report: each goal has
 * an indicator, a target and an outcome – entered by the owner, or computed from the area's reports.
 * The status follows from target and outcome; a few goals carry the owner's own judgement. Periods
 * are relative to the year the sample is loaded (0 = this year, -1 = last year).
 */
import type { GoalDirectionKey, GoalStatusKey, IMeasure } from '../types';

export interface ISampleGoal {
  area: string;
  periodOffset: 0 | -1;
  title: string;
  indicator: string;
  unit: string;
  direction: GoalDirectionKey;
  baseline?: number;
  target: number;
  /** For manual indicators: the outcome the owner entered. */
  outcome?: number;
  /** For computed indicators: how the area's reports are counted. */
  measure?: IMeasure;
  /** The owner's own judgement, where it differs from the computed status. */
  judged?: { status: GoalStatusKey; comment: string };
  /** Person key; defaults to the area's owner. */
  responsible?: string;
  followUp: string;
}

export const SAMPLE_GOALS: readonly ISampleGoal[] = [
  // Arbetsmiljö
  { area: 'arbetsmiljo', periodOffset: 0, title: 'Alla arbetsplatser har gjort årets skyddsrond', indicator: 'Andel enheter med genomförd och dokumenterad skyddsrond', unit: '%', direction: 'atLeast', baseline: 78, target: 100, outcome: 91, followUp: 'Nio enheter inom länssjukvården återstår; skyddsombuden har bokat in dem före årsskiftet.' },
  { area: 'arbetsmiljo', periodOffset: 0, title: 'Färre allvarliga händelser med hot och våld', indicator: 'Antal rapporterade allvarliga tillbud och incidenter med hot och våld', unit: 'st', direction: 'atMost', baseline: 24, target: 18, measure: { kind: 'count', eventTypes: ['nearMiss', 'incident'], category: 'Hot och våld', minSeverity: 'serious' }, followUp: 'Utbildningen i hot- och våldsprevention på akutmottagningarna har gett effekt.' },
  { area: 'arbetsmiljo', periodOffset: -1, title: 'Alla chefer har gått utbildningen i systematiskt arbetsmiljöarbete', indicator: 'Andel chefer med genomförd utbildning', unit: '%', direction: 'atLeast', baseline: 70, target: 95, outcome: 88, followUp: 'Nyanställda chefer erbjuds utbildningen inom tre månader.' },
  // Beredskap
  { area: 'beredskap', periodOffset: 0, title: 'Krisledningen övar regelbundet', indicator: 'Antal genomförda övningar för regional krisledning', unit: 'st', direction: 'atLeast', baseline: 1, target: 2, outcome: 2, followUp: 'En ledningsövning i mars och en samverkansövning med länsstyrelsen i oktober.' },
  { area: 'beredskap', periodOffset: 0, title: 'Kontinuitetsplaner för samhällsviktig verksamhet', indicator: 'Andel samhällsviktiga verksamheter med fastställd kontinuitetsplan', unit: '%', direction: 'atLeast', baseline: 45, target: 80, outcome: 62, followUp: 'Arbetet har tagit längre tid än planerat; stödet till verksamheterna förstärks under nästa år.' },
  { area: 'beredskap', periodOffset: 0, title: 'TiB nås inom fem minuter', indicator: 'Andel provlarm till tjänsteman i beredskap som besvarats inom 5 minuter', unit: '%', direction: 'atLeast', target: 100, outcome: 98, followUp: 'Ett provlarm besvarades efter åtta minuter på grund av täckningsproblem; reservnummer har införts.' },
  // Brandsäkerhet
  { area: 'brandsakerhet', periodOffset: 0, title: 'Medarbetare har aktuell brandskyddsutbildning', indicator: 'Andel medarbetare med brandskyddsutbildning de senaste tre åren', unit: '%', direction: 'atLeast', baseline: 72, target: 90, outcome: 84, followUp: 'Webbutbildningen har kompletterats med praktiska övningar på vårdavdelningarna.' },
  { area: 'brandsakerhet', periodOffset: 0, title: 'Utrymningsövning i alla vårdbyggnader', indicator: 'Andel vårdbyggnader med genomförd utrymningsövning', unit: '%', direction: 'atLeast', target: 100, followUp: 'Övningarna pågår enligt plan; resultatet redovisas i december.' },
  // Driftsäkerhet
  { area: 'driftsakerhet', periodOffset: 0, title: 'Reservkraften fungerar när den behövs', indicator: 'Andel provstarter av reservkraft utan anmärkning', unit: '%', direction: 'atLeast', baseline: 93, target: 100, outcome: 100, followUp: 'Alla månatliga provstarter har gått utan anmärkning.' },
  { area: 'driftsakerhet', periodOffset: 0, title: 'Förebyggande underhåll i tid', indicator: 'Andel planerade underhållsåtgärder som utförts i tid', unit: '%', direction: 'atLeast', baseline: 81, target: 95, outcome: 87, judged: { status: 'partlyMet', comment: 'Eftersläpningen beror på vakanser som nu är tillsatta; takten under hösten räcker för att nå målet i januari.' }, followUp: 'Vakanser bland drifttekniker har försenat arbetet; två tjänster är tillsatta.' },
  // Informationssäkerhet
  { area: 'informationssakerhet', periodOffset: 0, title: 'Informationsklassning av verksamhetskritiska system', indicator: 'Andel verksamhetskritiska system som informationsklassats', unit: '%', direction: 'atLeast', baseline: 55, target: 90, outcome: 76, judged: { status: 'notMet', comment: 'De system som återstår är de mest kritiska, så resultatet är svagare än siffran antyder.' }, followUp: 'Klassningen av journalsystemets moduler har prioriterats; övriga system fortsätter nästa år.' },
  { area: 'informationssakerhet', periodOffset: 0, title: 'Logguppföljning av journalåtkomst', indicator: 'Antal verksamheter som följt upp åtkomstloggar varje månad', unit: 'st', direction: 'atLeast', baseline: 40, target: 60, outcome: 63, followUp: 'Det nya stödet för slumpvisa kontroller har gjort uppföljningen enklare.' },
  // IT-säkerhet
  { area: 'it-sakerhet', periodOffset: 0, title: 'Kritiska säkerhetsuppdateringar installeras snabbt', indicator: 'Mediantid i dagar från publicerad kritisk uppdatering till installation', unit: 'dagar', direction: 'atMost', baseline: 21, target: 14, outcome: 11, followUp: 'Automatiserad utrullning av uppdateringar har kortat ledtiden.' },
  { area: 'it-sakerhet', periodOffset: 0, title: 'Medarbetare känner igen nätfiske', indicator: 'Andel medarbetare som klickade på länken i övningsutskick', unit: '%', direction: 'atMost', baseline: 14, target: 5, outcome: 7, followUp: 'Andelen har halverats. Ny övning planeras under våren.' },
  { area: 'it-sakerhet', periodOffset: -1, title: 'Incidenter hanteras snabbt', indicator: 'Mediantid i dagar från rapport till avslutad incident', unit: 'dagar', direction: 'atMost', baseline: 30, target: 21, measure: { kind: 'medianDaysToClose', eventTypes: ['incident'], category: '' }, followUp: 'Incidentrutinen förenklades under våren.' },
  { area: 'it-sakerhet', periodOffset: 0, title: 'Tvåfaktorsinloggning för fjärråtkomst', indicator: 'Andel konton för fjärråtkomst med tvåfaktorsautentisering', unit: '%', direction: 'atLeast', baseline: 88, target: 100, outcome: 100, followUp: 'Alla leverantörskonton har ställts om.' },
  // Kriminalitet och brottsförebyggande
  { area: 'kriminalitet', periodOffset: 0, title: 'Färre stölder från vårdlokaler', indicator: 'Antal rapporterade stölder', unit: 'st', direction: 'atMost', baseline: 42, target: 30, measure: { kind: 'count', eventTypes: [], category: 'Stöld' }, followUp: 'Passerkontroll har införts på två sjukhus; effekten följs upp nästa år.' },
  { area: 'kriminalitet', periodOffset: 0, title: 'Brott polisanmäls', indicator: 'Andel rapporterade brott som polisanmälts', unit: '%', direction: 'atLeast', baseline: 60, target: 90, outcome: 81, followUp: 'Chefer har fått en kortare rutin för polisanmälan.' },
  // Läkemedel
  { area: 'lakemedel', periodOffset: 0, title: 'Läkemedelsgenomgång för äldre med många läkemedel', indicator: 'Andel patienter 75 år och äldre med minst fem läkemedel som fått läkemedelsgenomgång', unit: '%', direction: 'atLeast', baseline: 58, target: 75, outcome: 69, followUp: 'Primärvården har infört en fast tid per vecka för genomgångar.' },
  { area: 'lakemedel', periodOffset: 0, title: 'Kontroll av narkotikaklassade läkemedel', indicator: 'Andel enheter med genomförd kvartalskontroll av narkotikaförråd', unit: '%', direction: 'atLeast', target: 100, outcome: 100, followUp: 'Samtliga kontroller är gjorda; två avvikelser utreds.' },
  // Miljösäkerhet
  { area: 'miljosakerhet', periodOffset: 0, title: 'Farligt gods hanteras av utbildad personal', indicator: 'Andel personal som hanterar farligt gods med giltig ADR-utbildning', unit: '%', direction: 'atLeast', baseline: 80, target: 100, outcome: 96, followUp: 'Tre personer går utbildningen i januari.' },
  { area: 'miljosakerhet', periodOffset: 0, title: 'Kemikalieförteckning på alla enheter', indicator: 'Andel enheter med aktuell kemikalieförteckning', unit: '%', direction: 'atLeast', baseline: 64, target: 90, followUp: 'Inventeringen pågår med stöd av det nya kemikaliesystemet.' },
  // MT-säkerhet
  { area: 'mt-sakerhet', periodOffset: 0, title: 'Förebyggande underhåll av medicintekniska produkter', indicator: 'Andel planerade underhåll som utförts i tid', unit: '%', direction: 'atLeast', baseline: 84, target: 95, outcome: 92, followUp: 'Eftersläpningen gäller främst infusionspumpar; extra resurser är avsatta.' },
  { area: 'mt-sakerhet', periodOffset: 0, title: 'Användare har utbildning på sin utrustning', indicator: 'Andel användare med dokumenterad utbildning på högriskutrustning', unit: '%', direction: 'atLeast', baseline: 61, target: 85, outcome: 79, followUp: 'Utbildningsregistret är nu kopplat till utrustningsregistret.' },
  // Patientsäkerhet
  { area: 'patientsakerhet', periodOffset: 0, title: 'Färre fallskador', indicator: 'Antal fall med skada per 1 000 vårddagar', unit: 'per 1 000 vårddagar', direction: 'atMost', baseline: 1.9, target: 1.5, outcome: 1.6, followUp: 'Riskbedömning vid inskrivning görs nu på alla vårdavdelningar.' },
  { area: 'patientsakerhet', periodOffset: 0, title: 'Rapporter utreds och avslutas i tid', indicator: 'Andel rapporter inom patientsäkerhet som avslutats inom 45 dagar', unit: '%', direction: 'atLeast', baseline: 60, target: 80, measure: { kind: 'closedWithin', eventTypes: [], category: '', days: 45 }, followUp: 'Analysledarna har fått avsatt tid varje vecka.' },
  { area: 'patientsakerhet', periodOffset: 0, title: 'Trycksår förebyggs', indicator: 'Andel patienter med trycksår kategori 2–4 vid punktprevalensmätning', unit: '%', direction: 'atMost', baseline: 9, target: 6, outcome: 5.5, followUp: 'Nya madrasser och riskbedömning enligt Norton har gett resultat.' },
  { area: 'patientsakerhet', periodOffset: -1, title: 'Färre fallskador', indicator: 'Antal fall med skada per 1 000 vårddagar', unit: 'per 1 000 vårddagar', direction: 'atMost', baseline: 2.1, target: 1.7, outcome: 1.9, judged: { status: 'notMet', comment: 'Förbättringen ligger inom den normala variationen mellan åren.' }, followUp: 'Fallpreventionen infördes sent under året; målet flyttas till nästa period.' },
  // Smittskydd
  { area: 'smittskydd', periodOffset: 0, title: 'Smittspårning påbörjas snabbt', indicator: 'Andel smittspårningspliktiga fall där smittspårning påbörjats inom 7 dagar', unit: '%', direction: 'atLeast', baseline: 82, target: 95, outcome: 93, followUp: 'Fördröjningarna beror främst på sena anmälningar från privata vårdgivare.' },
  { area: 'smittskydd', periodOffset: 0, title: 'Vaccination av vårdpersonal mot säsongsinfluensa', indicator: 'Andel vårdpersonal med patientkontakt som vaccinerats', unit: '%', direction: 'atLeast', baseline: 55, target: 70, followUp: 'Vaccinationskampanjen pågår till och med januari.' },
  // Strålsäkerhet
  { area: 'stralsakerhet', periodOffset: 0, title: 'Stråldoser följs upp mot referensnivåer', indicator: 'Andel vanliga undersökningstyper där doser jämförts med diagnostiska referensnivåer', unit: '%', direction: 'atLeast', baseline: 70, target: 100, outcome: 100, followUp: 'Uppföljningen är nu automatiserad för datortomografi.' },
  { area: 'stralsakerhet', periodOffset: 0, title: 'Personal med persondosimeter bär den', indicator: 'Andel dosimeteravläsningar utan saknad dosimeter', unit: '%', direction: 'atLeast', baseline: 90, target: 98, outcome: 95, followUp: 'Påminnelser skickas ut inför varje avläsningsperiod.' },
  // Vårdhygien
  { area: 'vardhygien', periodOffset: 0, title: 'Följsamhet till basala hygienrutiner', indicator: 'Andel korrekt utförda moment vid observationsmätning av basala hygienrutiner', unit: '%', direction: 'atLeast', baseline: 71, target: 90, outcome: 83, followUp: 'Lägst följsamhet gäller handdesinfektion före patientkontakt; riktade insatser pågår.' },
  { area: 'vardhygien', periodOffset: 0, title: 'Färre vårdrelaterade infektioner', indicator: 'Andel patienter med vårdrelaterad infektion vid punktprevalensmätning', unit: '%', direction: 'atMost', baseline: 8.4, target: 7, outcome: 7.4, followUp: 'Minskningen fortsätter men målet nåddes inte; urinvägsinfektioner dominerar.' }
];
