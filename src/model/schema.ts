/**
 * The one definition of Säkerhet's SharePoint lists.
 *
 * Everything else is derived from this data: the feature XML in `sharepoint/assets/` (install-time
 * provisioning), the local SharePoint emulator's lists, and the fields the services select.
 * Internal names are ASCII and never change once deployed; display names are Swedish, because area
 * owners edit these lists in SharePoint's own list UI.
 *
 * This file is plain data with no imports so that Node scripts, the emulator and the browser bundle
 * can all read it.
 */

export type FieldType =
  | 'Text'
  | 'Note'
  | 'Number'
  | 'DateTime'
  | 'Choice'
  | 'MultiChoice'
  | 'Boolean'
  | 'User'
  | 'Lookup'
  | 'LookupMulti';

export type ListKey = 'areas' | 'goals' | 'risks' | 'incidents' | 'actions' | 'riskAssessments' | 'documents' | 'draftKeys';

/** A stored choice value (Swedish, as SharePoint stores it) and the stable key the code uses. */
export interface IChoice {
  readonly key: string;
  readonly value: string;
}

export interface IFieldSchema {
  /** Internal name: ASCII, the name REST and the code use. */
  readonly name: string;
  /** Display name (Swedish) shown in SharePoint's list UI. */
  readonly displayName: string;
  readonly type: FieldType;
  /** Help text under the field in SharePoint's forms. */
  readonly description: string;
  readonly required?: boolean;
  readonly indexed?: boolean;
  /** Enforce unique values (SharePoint requires the column to be indexed too). */
  readonly unique?: boolean;
  /** Text: maximum characters (SharePoint's own limit is 255). Note: the product's limit. */
  readonly maxLength?: number;
  /** Note: number of lines in the edit form. */
  readonly numLines?: number;
  readonly choices?: readonly IChoice[];
  /** Choice fields: the stored default value. Boolean: '0' or '1'. */
  readonly defaultValue?: string;
  readonly min?: number;
  readonly max?: number;
  readonly decimals?: number;
  readonly dateOnly?: boolean;
  readonly lookupList?: ListKey;
  /** Column validation (SharePoint formula syntax, display names in brackets). */
  readonly validation?: { readonly formula: string; readonly message: string };
  /** Set by code only: kept out of SharePoint's new and edit forms. */
  readonly hiddenInForms?: boolean;
  /** SharePoint column formatting (JSON), e.g. coloured status pills. */
  readonly formatter?: object;
  /** True for the list's built-in Title field, which the schema only renames and constrains. */
  readonly builtIn?: boolean;
}

export interface IViewSchema {
  readonly name: string;
  readonly url: string;
  readonly isDefault?: boolean;
  readonly fields: readonly string[];
  /** CAML <Where> body, e.g. `<Neq><FieldRef Name="Status"/><Value Type="Choice">Avslutad</Value></Neq>`. */
  readonly where?: string;
  readonly groupBy?: readonly string[];
  readonly orderBy?: readonly { readonly field: string; readonly ascending: boolean }[];
  readonly rowLimit: number;
}

/**
 * The permission level each SharePoint group has on a list (README, deployment step 4). Levels are
 * SharePoint's own (Read, Contribute, Full Control) and the area owners' level below; every list
 * gets unique permissions so that the site's Members group (Edit by default, which includes Manage
 * Lists) cannot change a list's settings or read others' reports.
 */
export type Right = 'none' | 'read' | 'contribute' | 'areaOwner' | 'fullControl';
export type SecurityGroup = 'visitors' | 'staff' | 'areaOwners' | 'owners';

/**
 * The area owners' permission level on Händelser, least privilege for handling reports: read and
 * edit every report (Override List Behaviors – PnPjs PermissionKind.CancelCheckout – is what lets
 * them past item-level security), add their own; no Delete Items, no Manage Lists (so item-level
 * security cannot be turned off), no Manage Permissions. Names are PnPjs PermissionKind's.
 */
export const AREA_OWNER_LEVEL = {
  name: 'Säkerhetsområdesansvarig',
  description: 'Läser och handlägger alla rapporter i Händelser. Kan inte ta bort rapporter eller ändra listans inställningar.',
  permissions: ['ViewListItems', 'AddListItems', 'EditListItems', 'OpenItems', 'ViewVersions', 'CancelCheckout', 'ViewFormPages', 'Open', 'ViewPages', 'BrowseUserInfo', 'UseRemoteAPIs', 'UseClientIntegration', 'CreateAlerts'] as const
};

/**
 * What deleting a looked-up item does (SP.FieldLookup.RelationshipDeleteBehavior): an indexed
 * single lookup restricts deleting an item that is still referred to (an area with goals or
 * reports, a report with actions). SharePoint enforces it only on an indexed lookup.
 */
export function deleteBehaviorOf(field: IFieldSchema): 'None' | 'Restrict' {
  return field.type === 'Lookup' && field.indexed ? 'Restrict' : 'None';
}

/**
 * The SharePoint group of the area owners, which the installation check creates and gives
 * AREA_OWNER_LEVEL on Händelser (and Contribute on the lists the schema's rights say). The site
 * owner adds its members. The report form knows handlers by it; do not rename it.
 */
export const AREA_OWNERS_GROUP = {
  name: 'Säkerhetsområdesansvariga',
  description: 'Områdesansvariga för säkerhetsområdena: handlägger rapporterna i Händelser.'
};

export interface IListSchema {
  readonly key: ListKey;
  readonly title: string;
  /** Web-relative URL; lists are always addressed by URL, since owners may rename titles. */
  readonly url: string;
  /** 100 = custom list, 101 = document library. */
  readonly template: 100 | 101;
  readonly description: string;
  readonly fields: readonly IFieldSchema[];
  readonly views: readonly IViewSchema[];
  readonly enableAttachments: boolean;
  readonly enableVersioning: boolean;
  /**
   * Item-level security, as SharePoint's list settings (SP.List.ReadSecurity/WriteSecurity): `own`
   * means a user without Override List Behaviors reads (or edits) only items they created. Feature
   * XML cannot declare it; the installation check sets it over REST.
   */
  readonly readSecurity: 'all' | 'own';
  readonly writeSecurity: 'all' | 'own';
  /** List-level validation across fields. */
  readonly validation?: { readonly formula: string; readonly message: string };
  readonly rights: Readonly<Record<SecurityGroup, Right>>;
  /**
   * A right the region may give a group on this list as a setting (in the list's permissions), in
   * place of the one in `rights`: the installation check neither asks for it nor removes it.
   */
  readonly optionalRights?: Readonly<Partial<Record<SecurityGroup, Right>>>;
}

export const SITE_URL = '/sites/sakerhet';

/** Column formatting that shows a choice as a pill with SharePoint's own accessible status classes. */
function statusPill(classes: Readonly<Record<string, string>>): object {
  const cases = Object.keys(classes).reduce<string>(
    (expr, value) => `if(@currentField == '${value}', '${classes[value]}', ${expr})`,
    "''"
  );
  return {
    $schema: 'https://developer.microsoft.com/json-schemas/sp/v2/column-formatting.schema.json',
    elmType: 'div',
    attributes: { class: `=${cases} + ' ms-fontWeight-semibold'` },
    style: { padding: '0 8px', 'border-radius': '12px', display: '=if(@currentField == \'\', \'none\', \'inline-block\')' },
    txtContent: '@currentField'
  };
}

const GOOD = 'sp-field-severity--good';
const LOW = 'sp-field-severity--low';
const WARNING = 'sp-field-severity--warning';
const SEVERE = 'sp-field-severity--severeWarning';
const BLOCKED = 'sp-field-severity--blocked';

export const EVENT_TYPES: readonly IChoice[] = [
  { key: 'risk', value: 'Risk' },
  { key: 'nearMiss', value: 'Tillbud' },
  { key: 'accident', value: 'Olycka' },
  { key: 'deviation', value: 'Avvikelse' },
  { key: 'deficiency', value: 'Brist' },
  { key: 'incident', value: 'Incident' },
  { key: 'improvement', value: 'Förbättringsförslag' }
];

export const SEVERITIES: readonly IChoice[] = [
  { key: 'low', value: 'Låg' },
  { key: 'moderate', value: 'Måttlig' },
  { key: 'serious', value: 'Allvarlig' },
  { key: 'critical', value: 'Mycket allvarlig' }
];

export const INCIDENT_STATUSES: readonly IChoice[] = [
  { key: 'new', value: 'Ny' },
  { key: 'investigating', value: 'Under utredning' },
  { key: 'actionsOngoing', value: 'Åtgärd pågår' },
  { key: 'closed', value: 'Avslutad' }
];

export const GOAL_STATUSES: readonly IChoice[] = [
  { key: 'ongoing', value: 'Pågår' },
  { key: 'met', value: 'Uppfyllt' },
  { key: 'partlyMet', value: 'Delvis uppfyllt' },
  { key: 'notMet', value: 'Ej uppfyllt' }
];

export const INDICATOR_SOURCES: readonly IChoice[] = [
  { key: 'manual', value: 'Manuellt utfall' },
  { key: 'computed', value: 'Beräknas från rapporter' }
];

export const MEASURES: readonly IChoice[] = [
  { key: 'count', value: 'Antal rapporter' },
  { key: 'closedWithin', value: 'Andel avslutade inom tidsgräns' },
  { key: 'medianDaysToClose', value: 'Mediantid till avslut' }
];

export const ACTION_STATUSES: readonly IChoice[] = [
  { key: 'planned', value: 'Planerad' },
  { key: 'ongoing', value: 'Pågår' },
  { key: 'done', value: 'Klar' }
];

export const GOAL_DIRECTIONS: readonly IChoice[] = [
  { key: 'atLeast', value: 'Minst målvärdet' },
  { key: 'atMost', value: 'Högst målvärdet' }
];

export const DOCUMENT_TYPES: readonly IChoice[] = [
  { key: 'policy', value: 'Policy' },
  { key: 'guideline', value: 'Riktlinje' },
  { key: 'routine', value: 'Rutin' },
  { key: 'instruction', value: 'Anvisning' },
  { key: 'plan', value: 'Plan' }
];

export const DOCUMENT_STATUSES: readonly IChoice[] = [
  { key: 'draft', value: 'Utkast' },
  { key: 'approved', value: 'Fastställd' },
  { key: 'underRevision', value: 'Under revision' },
  { key: 'repealed', value: 'Upphävd' }
];

/** Duties to notify an authority that an area's reports can carry. */
export const REPORT_FLAGS: readonly IChoice[] = [
  { key: 'lexMaria', value: 'Lex Maria' },
  { key: 'workEnvironmentAuthority', value: 'AML 3:3a' },
  { key: 'policeReport', value: 'Polisanmälan' }
];

/** A grade 1–4 on the risk scales (model/risk.ts holds the matrix). */
export type Grade = 1 | 2 | 3 | 4;
export type RiskLevelKey = 'low' | 'medium' | 'high' | 'veryHigh';

/**
 * Sannolikhet, grades 1–4, as stored in the lists (choice values) with SharePoint help text.
 * The handbook's frequency guide is given in the help text as the region's reading of it.
 */
export const LIKELIHOODS: readonly (IChoice & { readonly grade: Grade; readonly help: string })[] = [
  { key: 'veryLow', value: 'Mycket liten', grade: 1, help: 'Kan inträffa, men det är osannolikt; har inte hänt här på flera år.' },
  { key: 'low', value: 'Liten', grade: 2, help: 'Kan inträffa någon gång; har hänt här eller i liknande verksamhet de senaste åren.' },
  { key: 'high', value: 'Stor', grade: 3, help: 'Kommer sannolikt att inträffa; händer några gånger per år.' },
  { key: 'veryHigh', value: 'Mycket stor', grade: 4, help: 'Inträffar ofta; händer varje månad eller oftare.' }
];

/** Konsekvens, grades 1–4, as stored in the lists, with help text on what each means for people, operations and property. */
export const CONSEQUENCES: readonly (IChoice & { readonly grade: Grade; readonly help: string })[] = [
  { key: 'minor', value: 'Mindre', grade: 1, help: 'Obehag eller kortvarig störning; ingen bestående skada, liten skada på egendom.' },
  { key: 'moderate', value: 'Måttlig', grade: 2, help: 'Övergående skada eller ökat vårdbehov; verksamheten störs en tid, kännbar skada på egendom.' },
  { key: 'major', value: 'Betydande', grade: 3, help: 'Bestående skada eller allvarligt hot; viktig verksamhet står still, stor skada på egendom eller information.' },
  { key: 'catastrophic', value: 'Katastrofal', grade: 4, help: 'Dödsfall eller mycket allvarlig bestående skada; verksamheten kan inte bedrivas, mycket stor skada.' }
];

/** Risknivå: what the matrix gives a cell, lowest first. */
export const RISK_LEVELS: readonly (IChoice & { readonly rank: Grade })[] = [
  { key: 'low', value: 'Låg', rank: 1 },
  { key: 'medium', value: 'Måttlig', rank: 2 },
  { key: 'high', value: 'Hög', rank: 3 },
  { key: 'veryHigh', value: 'Mycket hög', rank: 4 }
];

export const RISK_STATUSES: readonly IChoice[] = [
  { key: 'identified', value: 'Identifierad' },
  { key: 'assessed', value: 'Bedömd' },
  { key: 'treating', value: 'Åtgärdas' },
  { key: 'accepted', value: 'Accepterad' },
  { key: 'closed', value: 'Avslutad' }
];

/** A risk assessment is a draft (seen by area owners only) until it is fastställd. */
export const ASSESSMENT_STATUSES: readonly IChoice[] = [
  { key: 'draft', value: 'Utkast' },
  { key: 'approved', value: 'Fastställd' }
];

const areaLookup = (description: string, required: boolean): IFieldSchema => ({
  name: 'Area',
  displayName: 'Säkerhetsområde',
  type: 'Lookup',
  lookupList: 'areas',
  required,
  indexed: true,
  description
});

const riskLookup = (description: string, required: boolean): IFieldSchema => ({
  name: 'Risk',
  displayName: 'Risk',
  type: 'Lookup',
  lookupList: 'risks',
  required,
  indexed: true,
  description
});

const scaleHelp = (scale: readonly { value: string; help: string }[]): string => scale.map((c) => `${c.value}: ${c.help}`).join(' ');

/**
 * An assessment's figures: sannolikhet and konsekvens before measures, the risk value and level
 * that follow (model/risk.ts), and the same after measures (kvarvarande risk). Value and level are
 * written by the app from the matrix, never typed.
 */
function scoreFields(gradesInForms: boolean): IFieldSchema[] {
  const part = (prefix: '' | 'Residual', label: string, when: string): IFieldSchema[] => [
    {
      name: `${prefix}Likelihood`,
      displayName: `Sannolikhet${label}`,
      type: 'Choice',
      choices: LIKELIHOODS,
      hiddenInForms: !gradesInForms,
      description: `Hur troligt det är att det inträffar ${when}. ${scaleHelp(LIKELIHOODS)}`
    },
    {
      name: `${prefix}Consequence`,
      displayName: `Konsekvens${label}`,
      type: 'Choice',
      choices: CONSEQUENCES,
      hiddenInForms: !gradesInForms,
      description: `Hur allvarligt det blir om det inträffar ${when}. ${scaleHelp(CONSEQUENCES)}`
    },
    {
      name: `${prefix}RiskValue`,
      displayName: `Riskvärde${label}`,
      type: 'Number',
      decimals: 0,
      min: 1,
      max: 16,
      hiddenInForms: true,
      description: `Sannolikhet × konsekvens ${when} (1–16). Räknas ut av appen.`
    },
    {
      name: `${prefix}RiskLevel`,
      displayName: `Risknivå${label}`,
      type: 'Choice',
      choices: RISK_LEVELS,
      hiddenInForms: true,
      description: `Nivån som regionens riskmatris ger ${when}. Räknas ut av appen.`,
      formatter: statusPill({ Låg: GOOD, Måttlig: LOW, Hög: WARNING, 'Mycket hög': BLOCKED })
    }
  ];
  return [...part('', '', 'med dagens skydd'), ...part('Residual', ' efter åtgärder', 'när de beslutade åtgärderna är genomförda')];
}

export const AREAS_LIST: IListSchema = {
  key: 'areas',
  title: 'Säkerhetsområden',
  url: 'Lists/Sakerhetsomraden',
  template: 100,
  description: 'Regionens 14 säkerhetsområden med omfattning, syfte, ansvar och ägare.',
  enableAttachments: false,
  enableVersioning: true,
  readSecurity: 'all',
  writeSecurity: 'all',
  rights: { visitors: 'read', staff: 'read', areaOwners: 'read', owners: 'fullControl' },
  fields: [
    {
      name: 'Title',
      displayName: 'Område',
      type: 'Text',
      builtIn: true,
      required: true,
      maxLength: 100,
      description: 'Säkerhetsområdets namn, så som det visas för medarbetarna.'
    },
    {
      name: 'AreaKey',
      displayName: 'Områdesnyckel',
      type: 'Text',
      required: true,
      indexed: true,
      unique: true,
      maxLength: 40,
      description: 'Kort unik nyckel med små bokstäver utan mellanslag, t.ex. patientsakerhet. Används i länkar; ändra inte.',
      validation: {
        formula: '=AND(LEN([Områdesnyckel])>=2,ISERROR(FIND(" ",[Områdesnyckel])),EXACT([Områdesnyckel],LOWER([Områdesnyckel])))',
        message: 'Nyckeln ska vara minst två tecken, med små bokstäver och utan mellanslag.'
      }
    },
    {
      name: 'Scope',
      displayName: 'Omfattning',
      type: 'Note',
      required: true,
      numLines: 4,
      maxLength: 2000,
      description: 'Vad området omfattar.'
    },
    {
      name: 'Purpose',
      displayName: 'Syfte',
      type: 'Note',
      required: true,
      numLines: 4,
      maxLength: 2000,
      description: 'Varför området finns och vad arbetet ska uppnå. Första meningen visas på översikten.'
    },
    {
      name: 'Responsibility',
      displayName: 'Ansvar',
      type: 'Note',
      required: true,
      numLines: 4,
      maxLength: 2000,
      description: 'Vem som ansvarar för vad inom området.'
    },
    {
      name: 'OwnerRole',
      displayName: 'Ansvarig funktion',
      type: 'Text',
      required: true,
      maxLength: 255,
      description: 'Funktionen som företräder området, t.ex. Verksamhetsstrateg patientsäkerhet.'
    },
    {
      name: 'Owner',
      displayName: 'Områdesansvarig',
      type: 'User',
      description: 'Personen som i dag företräder området och hanterar dess rapporter. Sätts av säkerhetschefen.'
    },
    {
      name: 'Deputy',
      displayName: 'Ställföreträdare',
      type: 'User',
      description: 'Den som hanterar områdets rapporter tillsammans med områdesansvarig, t.ex. under frånvaro. Sätts av säkerhetschefen.'
    },
    {
      name: 'Laws',
      displayName: 'Lagar och föreskrifter',
      type: 'Note',
      numLines: 6,
      maxLength: 4000,
      description: 'De lagar och föreskrifter som styr området, en per rad.'
    },
    {
      name: 'ReportCategories',
      displayName: 'Rapportkategorier',
      type: 'Note',
      numLines: 6,
      maxLength: 2000,
      description: 'Kategorier som medarbetare väljer bland när de rapporterar inom området, en per rad och högst 100 tecken per rad (fältet Kategori i Händelser). Längre rader erbjuds inte i formuläret.'
    },
    {
      name: 'ReportFlags',
      displayName: 'Anmälningsplikter',
      type: 'MultiChoice',
      choices: REPORT_FLAGS,
      description: 'Anmälningar till myndighet som kan bli aktuella för områdets rapporter; rapportformuläret visar motsvarande fråga.'
    },
    {
      name: 'SortOrder',
      displayName: 'Sorteringsordning',
      type: 'Number',
      decimals: 0,
      min: 0,
      max: 999,
      description: 'Områdets plats i översikten (lägst först).'
    }
  ],
  views: [
    {
      name: 'Alla områden',
      url: 'AllItems.aspx',
      isDefault: true,
      fields: ['LinkTitle', 'AreaKey', 'OwnerRole', 'Owner', 'ReportFlags', 'SortOrder'],
      orderBy: [{ field: 'SortOrder', ascending: true }],
      rowLimit: 30
    }
  ]
};

export const GOALS_LIST: IListSchema = {
  key: 'goals',
  title: 'Mål',
  url: 'Lists/Mal',
  template: 100,
  description: 'Mätbara mål och indikatorer per säkerhetsområde och period.',
  enableAttachments: false,
  enableVersioning: true,
  readSecurity: 'all',
  writeSecurity: 'all',
  rights: { visitors: 'read', staff: 'read', areaOwners: 'contribute', owners: 'fullControl' },
  validation: {
    formula:
      '=AND(OR([Indikatorns källa]<>"Beräknas från rapporter",NOT(ISBLANK([Beräkning]))),OR([Beräkning]<>"Andel avslutade inom tidsgräns",NOT(ISBLANK([Tidsgräns (dagar)]))),OR(ISBLANK([Bedömd status]),NOT(ISBLANK([Motivering]))))',
    message: 'En beräknad indikator behöver en Beräkning (och en Tidsgräns för andel avslutade), och en bedömd status behöver en Motivering.'
  },
  fields: [
    {
      name: 'Title',
      displayName: 'Mål',
      type: 'Text',
      builtIn: true,
      required: true,
      maxLength: 255,
      description: 'Målet formulerat så att det går att följa upp.'
    },
    areaLookup('Säkerhetsområdet som målet hör till.', true),
    {
      name: 'Period',
      displayName: 'Period (år)',
      type: 'Number',
      required: true,
      indexed: true,
      decimals: 0,
      min: 2000,
      max: 2100,
      description: 'Året som målet gäller, t.ex. 2026.'
    },
    {
      name: 'Indicator',
      displayName: 'Indikator',
      type: 'Text',
      required: true,
      maxLength: 255,
      description: 'Vad som mäts, t.ex. andel medarbetare som genomgått brandskyddsutbildning.'
    },
    {
      name: 'Unit',
      displayName: 'Enhet',
      type: 'Text',
      maxLength: 40,
      description: 'Måttets enhet, t.ex. %, st eller dagar.'
    },
    {
      name: 'Direction',
      displayName: 'Riktning',
      type: 'Choice',
      required: true,
      choices: GOAL_DIRECTIONS,
      defaultValue: 'Minst målvärdet',
      description: 'Om utfallet ska nå minst eller högst målvärdet för att målet ska vara uppfyllt.'
    },
    {
      name: 'Baseline',
      displayName: 'Utgångsvärde',
      type: 'Number',
      description: 'Värdet när målet sattes, för jämförelse.'
    },
    {
      name: 'Target',
      displayName: 'Målvärde',
      type: 'Number',
      required: true,
      description: 'Värdet som ska nås under perioden.'
    },
    {
      name: 'Outcome',
      displayName: 'Utfall',
      type: 'Number',
      description: 'Uppmätt värde. Manuellt utfall: fyll i när det finns ett mätvärde. Beräknat: appen skriver in det senast beräknade värdet.'
    },
    {
      name: 'OutcomeComputedAt',
      displayName: 'Utfall beräknat',
      type: 'DateTime',
      hiddenInForms: true,
      description: 'När appen senast räknade fram utfallet ur rapporterna (bara för beräknade indikatorer).'
    },
    {
      name: 'OutcomeBasis',
      displayName: 'Utfall beräknat av',
      type: 'Number',
      decimals: 0,
      min: 0,
      hiddenInForms: true,
      description: 'Hur många rapporter det beräknade utfallet bygger på: de räknade, de avgjorda (andel avslutade i tid) eller de avslutade (mediantid).'
    },
    {
      name: 'OutcomeValidUntil',
      displayName: 'Utfall gäller till',
      type: 'DateTime',
      hiddenInForms: true,
      description: 'När det beräknade utfallet ändras av sig självt om ingen rapport ändras: då en öppen rapport passerar tidsgränsen. Tomt: utfallet ändras bara när rapporterna ändras.'
    },
    {
      name: 'IndicatorSource',
      displayName: 'Indikatorns källa',
      type: 'Choice',
      required: true,
      choices: INDICATOR_SOURCES,
      defaultValue: 'Manuellt utfall',
      description: 'Manuellt utfall: fyll i Utfall. Beräknas från rapporter: appen räknar fram utfallet ur områdets rapporter enligt Beräkning nedan.'
    },
    {
      name: 'Measure',
      displayName: 'Beräkning',
      type: 'Choice',
      choices: MEASURES,
      description: 'För beräknade indikatorer: vad som räknas i områdets rapporter under perioden.'
    },
    {
      name: 'MeasureEventTypes',
      displayName: 'Händelsetyper som räknas',
      type: 'MultiChoice',
      choices: EVENT_TYPES,
      description: 'För beräknade indikatorer: räkna bara dessa händelsetyper. Tomt betyder alla.'
    },
    {
      name: 'MeasureCategory',
      displayName: 'Kategori som räknas',
      type: 'Text',
      maxLength: 100,
      description: 'För beräknade indikatorer: räkna bara rapporter i denna kategori. Tomt betyder alla.'
    },
    {
      name: 'MeasureMinSeverity',
      displayName: 'Lägsta allvarlighetsgrad',
      type: 'Choice',
      choices: SEVERITIES,
      description: 'För beräknade indikatorer: räkna bara rapporter med minst denna allvarlighetsgrad. Tomt betyder alla.'
    },
    {
      name: 'MeasureDays',
      displayName: 'Tidsgräns (dagar)',
      type: 'Number',
      decimals: 0,
      min: 1,
      max: 365,
      description: 'För Andel avslutade inom tidsgräns: antal dagar från rapport till avslut.'
    },
    {
      name: 'StatusOverride',
      displayName: 'Bedömd status',
      type: 'Choice',
      choices: GOAL_STATUSES,
      description: 'Lämna tomt: statusen följer av målvärde och utfall. Välj en status för att göra en egen bedömning, och motivera den.',
      formatter: statusPill({ Uppfyllt: GOOD, 'Delvis uppfyllt': WARNING, 'Ej uppfyllt': BLOCKED, Pågår: LOW })
    },
    {
      name: 'StatusComment',
      displayName: 'Motivering',
      type: 'Note',
      numLines: 3,
      maxLength: 2000,
      description: 'Varför den bedömda statusen skiljer sig från den beräknade.'
    },
    {
      name: 'Responsible',
      displayName: 'Ansvarig',
      type: 'User',
      description: 'Personen som ansvarar för att målet följs upp.'
    },
    {
      name: 'FollowUp',
      displayName: 'Uppföljning',
      type: 'Note',
      numLines: 6,
      maxLength: 4000,
      description: 'Kommentar till utfallet: analys, orsaker och planerade förbättringar.'
    }
  ],
  views: [
    {
      name: 'Per område och period',
      url: 'AllItems.aspx',
      isDefault: true,
      fields: ['LinkTitle', 'Indicator', 'Unit', 'Baseline', 'Target', 'Outcome', 'IndicatorSource', 'StatusOverride', 'Responsible'],
      groupBy: ['Area', 'Period'],
      orderBy: [{ field: 'Period', ascending: false }],
      rowLimit: 100
    }
  ]
};

export const INCIDENTS_LIST: IListSchema = {
  key: 'incidents',
  title: 'Händelser',
  url: 'Lists/Handelser',
  template: 100,
  description: 'Rapporterade brister, händelser och incidenter. Medarbetare ser bara sina egna rapporter.',
  enableAttachments: true,
  enableVersioning: true,
  readSecurity: 'own',
  writeSecurity: 'own',
  rights: { visitors: 'none', staff: 'contribute', areaOwners: 'areaOwner', owners: 'fullControl' },
  validation: {
    formula: '=OR([Status]<>"Avslutad",NOT(ISBLANK([Avslutad datum])))',
    message: 'En avslutad rapport behöver ett datum för när den avslutades.'
  },
  fields: [
    {
      name: 'Title',
      displayName: 'Rubrik',
      type: 'Text',
      builtIn: true,
      required: true,
      maxLength: 120,
      description: 'Kort beskrivning av det som hänt.'
    },
    {
      name: 'ReportId',
      displayName: 'Rapport-ID',
      type: 'Text',
      required: true,
      // Indexed but not unique: SharePoint cannot enforce unique values on a list with item-level
      // security (the check would reveal items the user cannot read). A repeated submit finds its
      // earlier attempt among the reporter's own items instead.
      indexed: true,
      maxLength: 36,
      hiddenInForms: true,
      description: 'Sätts av rapportformuläret så att en rapport som skickas om inte blir dubbel.'
    },
    areaLookup('Säkerhetsområdet som rapporten gäller.', true),
    {
      name: 'EventType',
      displayName: 'Händelsetyp',
      type: 'Choice',
      required: true,
      indexed: true,
      choices: EVENT_TYPES,
      description: 'Risk, tillbud, olycka, avvikelse, brist, incident eller förbättringsförslag.'
    },
    {
      name: 'Category',
      displayName: 'Kategori',
      type: 'Text',
      maxLength: 100,
      description: 'En av områdets rapportkategorier.'
    },
    {
      name: 'OccurredAt',
      displayName: 'Inträffade',
      type: 'DateTime',
      required: true,
      indexed: true,
      description: 'När händelsen inträffade eller risken upptäcktes.'
    },
    {
      name: 'Location',
      displayName: 'Plats',
      type: 'Text',
      required: true,
      maxLength: 120,
      description: 'Var det hände, t.ex. enhet, avdelning eller lokal.'
    },
    {
      name: 'Description',
      displayName: 'Vad hände',
      type: 'Note',
      required: true,
      numLines: 8,
      maxLength: 4000,
      description: 'Beskriv händelsen så att någon som inte var där förstår. Skriv inte patientens namn eller personnummer.'
    },
    {
      name: 'ImmediateAction',
      displayName: 'Omedelbar åtgärd',
      type: 'Note',
      numLines: 4,
      maxLength: 2000,
      description: 'Det som gjordes direkt för att begränsa skadan eller risken.'
    },
    {
      name: 'Severity',
      displayName: 'Allvarlighetsgrad',
      type: 'Choice',
      required: true,
      indexed: true,
      choices: SEVERITIES,
      description: 'Rapportörens bedömning av hur allvarligt det är eller kunde ha blivit.',
      formatter: statusPill({ Låg: LOW, Måttlig: WARNING, Allvarlig: SEVERE, 'Mycket allvarlig': BLOCKED })
    },
    {
      name: 'Status',
      displayName: 'Status',
      type: 'Choice',
      required: true,
      indexed: true,
      choices: INCIDENT_STATUSES,
      defaultValue: 'Ny',
      description: 'Var i handläggningen rapporten är.',
      formatter: statusPill({ Ny: WARNING, 'Under utredning': LOW, 'Åtgärd pågår': LOW, Avslutad: GOOD })
    },
    {
      name: 'Investigator',
      displayName: 'Utredare',
      type: 'User',
      description: 'Den som utreder rapporten.'
    },
    {
      name: 'Analysis',
      displayName: 'Analys',
      type: 'Note',
      numLines: 6,
      maxLength: 4000,
      description: 'Utredningens slutsatser: orsaker, risker och vad som behöver ändras.'
    },
    {
      name: 'ClosedAt',
      displayName: 'Avslutad datum',
      type: 'DateTime',
      description: 'När rapporten avslutades. Sätts när status blir Avslutad.'
    },
    {
      // What the reporter sees of the handling (issue 13, feedback to the reporter): the status,
      // since when, and this message when it is closed – never the analysis above.
      name: 'StatusChangedAt',
      displayName: 'Status ändrad',
      type: 'DateTime',
      description: 'När status senast ändrades. Visas för rapportören.'
    },
    {
      name: 'ReporterMessage',
      displayName: 'Återkoppling till rapportören',
      type: 'Note',
      numLines: 4,
      maxLength: 1000,
      description: 'Ett kort avslutande besked till den som rapporterade, skrivet för henne. Visas för rapportören när rapporten är avslutad; analysen visas aldrig.'
    },
    {
      // Written by the reporter on her own item: under item-level security (WriteSecurity 2) an
      // item can be changed only by its author and list administrators (MS-WSSCAML 2.3.2.11.3),
      // and the area owners' level reads every item (Override List Behaviors). A list of its own
      // would need the same two rules and a link back to the report that the reporter could point
      // at another report.
      name: 'ReporterAddition',
      displayName: 'Komplettering från rapportören',
      type: 'Note',
      numLines: 6,
      maxLength: 4000,
      description: 'Information som rapportören lagt till efter att rapporten skickades, med tidpunkt för varje tillägg.'
    },
    {
      name: 'ReporterAddedAt',
      displayName: 'Kompletterad',
      type: 'DateTime',
      description: 'När rapportören senast lade till information.'
    },
    {
      name: 'AuthorityReportedAt',
      displayName: 'Anmäld till myndighet',
      type: 'DateTime',
      description: 'När anmälan enligt lex Maria, AML 3:3a eller polisanmälan gjordes.'
    },
    {
      name: 'Anonymous',
      displayName: 'Anonym mot områdesansvarig',
      type: 'Boolean',
      defaultValue: '0',
      description: 'Rapportörens namn visas inte för områdesansvarig i appen. SharePoint sparar ändå vem som skapade rapporten.'
    },
    {
      name: 'LexMaria',
      displayName: 'Lex Maria-bedömning',
      type: 'Boolean',
      defaultValue: '0',
      description: 'Händelsen kan ha medfört eller kunnat medföra allvarlig vårdskada och ska bedömas för anmälan till IVO.'
    },
    {
      name: 'WorkEnvironmentReport',
      displayName: 'Anmälan enligt AML 3:3a',
      type: 'Boolean',
      defaultValue: '0',
      description: 'Allvarlig olycka eller allvarligt tillbud i arbetet som ska anmälas till Arbetsmiljöverket.'
    },
    {
      name: 'PoliceReport',
      displayName: 'Polisanmälan',
      type: 'Boolean',
      defaultValue: '0',
      description: 'Händelsen är eller bör bli polisanmäld.'
    },
    riskLookup('Risken i områdets riskregister som händelsen visar har inträffat. Sätts av områdesansvarig.', false)
  ],
  views: [
    {
      // Past 5,000 reports a view must first filter on an indexed column down to 5,000 items or
      // fewer (list view threshold); "not closed" cannot use an index, so the open reports of the
      // last 14 days by the indexed OccurredAt (at 150,000 reports in two years about 2,900). The
      // app's own views read every report in ID windows.
      name: 'Öppna, senaste 14 dagarna',
      url: 'AllItems.aspx',
      isDefault: true,
      fields: ['LinkTitle', 'EventType', 'Severity', 'OccurredAt', 'Location', 'Category', 'Status'],
      where: '<And><Geq><FieldRef Name="OccurredAt"/><Value Type="DateTime"><Today OffsetDays="-14"/></Value></Geq><Neq><FieldRef Name="Status"/><Value Type="Choice">Avslutad</Value></Neq></And>',
      groupBy: ['Area', 'Status'],
      orderBy: [{ field: 'OccurredAt', ascending: false }],
      rowLimit: 100
    },
    {
      name: 'Mina rapporter',
      url: 'MyItems.aspx',
      fields: ['LinkTitle', 'Area', 'EventType', 'OccurredAt', 'Status'],
      where: '<Eq><FieldRef Name="Author"/><Value Type="Integer"><UserID Type="Integer"/></Value></Eq>',
      orderBy: [{ field: 'OccurredAt', ascending: false }],
      rowLimit: 100
    }
  ]
};

export const ACTIONS_LIST: IListSchema = {
  key: 'actions',
  title: 'Åtgärder',
  url: 'Lists/Atgarder',
  template: 100,
  description: 'Åtgärder som beslutats i utredningen av en rapport eller för att hantera en risk, med ansvarig och tidpunkt.',
  enableAttachments: false,
  enableVersioning: true,
  readSecurity: 'all',
  writeSecurity: 'all',
  rights: { visitors: 'none', staff: 'none', areaOwners: 'contribute', owners: 'fullControl' },
  validation: {
    formula: '=OR([Status]<>"Klar",NOT(ISBLANK([Klar datum])))',
    message: 'En klar åtgärd behöver ett datum för när den blev klar.'
  },
  fields: [
    {
      name: 'Title',
      displayName: 'Åtgärd',
      type: 'Text',
      builtIn: true,
      required: true,
      maxLength: 255,
      description: 'Vad som ska göras.'
    },
    {
      // Not required: an action belongs to a report or to a risk (Risk below), exactly one of them.
      // The app sees to that when it adds an action (ActionService); the list's validation formula
      // is not used for it, since SharePoint's formulas do not offer lookup columns.
      name: 'Incident',
      displayName: 'Rapport',
      type: 'Lookup',
      lookupList: 'incidents',
      indexed: true,
      description: 'Rapporten som åtgärden hör till. Lämna tomt för en åtgärd mot en risk.'
    },
    riskLookup('Risken i riskregistret som åtgärden hör till (riskhanteringsåtgärd). Lämna tomt för en åtgärd i en rapport.', false),
    {
      name: 'ActionOwner',
      displayName: 'Ansvarig',
      type: 'User',
      required: true,
      description: 'Den som ser till att åtgärden blir gjord.'
    },
    {
      name: 'DueDate',
      displayName: 'Klart senast',
      type: 'DateTime',
      dateOnly: true,
      required: true,
      indexed: true,
      description: 'När åtgärden ska vara klar.'
    },
    {
      name: 'ActionStatus',
      displayName: 'Status',
      type: 'Choice',
      required: true,
      indexed: true,
      choices: ACTION_STATUSES,
      defaultValue: 'Planerad',
      description: 'Planerad, pågår eller klar.',
      formatter: statusPill({ Planerad: LOW, Pågår: WARNING, Klar: GOOD })
    },
    {
      name: 'CompletedAt',
      displayName: 'Klar datum',
      type: 'DateTime',
      dateOnly: true,
      description: 'Dagen då åtgärden blev klar.'
    }
  ],
  views: [
    {
      // "Not done" cannot use an index past 5,000 actions (list view threshold): one view per open
      // status, each on the indexed ActionStatus, sorted by the indexed DueDate.
      name: 'Planerade åtgärder',
      url: 'AllItems.aspx',
      isDefault: true,
      fields: ['LinkTitle', 'Incident', 'Risk', 'ActionOwner', 'DueDate', 'ActionStatus'],
      where: '<Eq><FieldRef Name="ActionStatus"/><Value Type="Choice">Planerad</Value></Eq>',
      orderBy: [{ field: 'DueDate', ascending: true }],
      rowLimit: 100
    },
    {
      name: 'Pågående åtgärder',
      url: 'Pagaende.aspx',
      fields: ['LinkTitle', 'Incident', 'Risk', 'ActionOwner', 'DueDate', 'ActionStatus'],
      where: '<Eq><FieldRef Name="ActionStatus"/><Value Type="Choice">Pågår</Value></Eq>',
      orderBy: [{ field: 'DueDate', ascending: true }],
      rowLimit: 100
    }
  ]
};

/**
 * Each area's risk register. An item holds the risk and its current, fastställd assessment (the
 * figures are copied here by the app when an assessment in Riskbedömningar is fastställd, never
 * from a draft), so whoever may read the register never reads a draft. Staff have no access
 * unless the region gives its Members group Read here (optionalRights; README, the setting
 * "medarbetare läser riskregistret").
 */
export const RISKS_LIST: IListSchema = {
  key: 'risks',
  title: 'Risker',
  url: 'Lists/Risker',
  template: 100,
  description: 'Säkerhetsområdenas riskregister: risker med fastställd bedömning av sannolikhet och konsekvens, skydd, ägare och översyn.',
  enableAttachments: false,
  enableVersioning: true,
  readSecurity: 'all',
  writeSecurity: 'all',
  rights: { visitors: 'none', staff: 'none', areaOwners: 'contribute', owners: 'fullControl' },
  optionalRights: { staff: 'read' },
  fields: [
    {
      name: 'Title',
      displayName: 'Risk',
      type: 'Text',
      builtIn: true,
      required: true,
      maxLength: 255,
      description: 'Vad som kan hända, kort, t.ex. Brand i elcentral sprider rök till vårdavdelning.'
    },
    areaLookup('Säkerhetsområdet vars riskregister risken hör till.', true),
    {
      name: 'Threat',
      displayName: 'Hot och orsak',
      type: 'Note',
      required: true,
      numLines: 4,
      maxLength: 2000,
      description: 'Hotet eller orsaken: vad som kan få det att hända.'
    },
    {
      name: 'Harm',
      displayName: 'Vad som kan skadas',
      type: 'Note',
      required: true,
      numLines: 3,
      maxLength: 2000,
      description: 'Vad som skulle skadas: patienter, medarbetare, verksamhet, egendom eller information.'
    },
    {
      name: 'Location',
      displayName: 'Var',
      type: 'Text',
      maxLength: 255,
      description: 'Var risken finns, t.ex. en enhet, en lokal, ett system eller hela regionen.'
    },
    {
      name: 'Controls',
      displayName: 'Befintliga skydd',
      type: 'Note',
      numLines: 4,
      maxLength: 2000,
      description: 'Skydd och rutiner som redan finns och som bedömningen räknar med.'
    },
    {
      name: 'RiskOwner',
      displayName: 'Riskägare',
      type: 'User',
      description: 'Den som äger risken och ser till att den hanteras och ses över.'
    },
    {
      name: 'RiskStatus',
      displayName: 'Status',
      type: 'Choice',
      required: true,
      indexed: true,
      choices: RISK_STATUSES,
      defaultValue: 'Identifierad',
      description: 'Identifierad, bedömd, åtgärdas, accepterad (kvarvarande risk godtagen) eller avslutad.',
      formatter: statusPill({ Identifierad: WARNING, Bedömd: LOW, Åtgärdas: LOW, Accepterad: GOOD, Avslutad: GOOD })
    },
    ...scoreFields(false),
    {
      name: 'AssessedAt',
      displayName: 'Bedömd datum',
      type: 'DateTime',
      dateOnly: true,
      hiddenInForms: true,
      description: 'Dagen då den gällande bedömningen fastställdes. Sätts av appen.'
    },
    {
      name: 'NextReview',
      displayName: 'Nästa översyn',
      type: 'DateTime',
      dateOnly: true,
      indexed: true,
      description: 'Dagen då risken senast ska bedömas på nytt.'
    }
  ],
  views: [
    {
      // The whole register, closed risks too: no filter, so SharePoint serves it while the list has
      // 5,000 risks or fewer (list view threshold; a region's register holds some hundreds). Past
      // that an owner filters it on the indexed Area (README, Risker).
      name: 'Per område och nivå',
      url: 'AllItems.aspx',
      isDefault: true,
      fields: ['LinkTitle', 'RiskLevel', 'RiskValue', 'ResidualRiskLevel', 'RiskStatus', 'RiskOwner', 'NextReview'],
      groupBy: ['Area'],
      orderBy: [{ field: 'RiskValue', ascending: false }],
      rowLimit: 100
    },
    {
      // First on the indexed NextReview (on or before today): it works past 5,000 risks while 5,000
      // or fewer have their review day behind them.
      name: 'Att se över',
      url: 'DueForReview.aspx',
      fields: ['LinkTitle', 'Area', 'RiskLevel', 'RiskStatus', 'RiskOwner', 'NextReview'],
      where: '<And><Leq><FieldRef Name="NextReview"/><Value Type="DateTime"><Today/></Value></Leq><Neq><FieldRef Name="RiskStatus"/><Value Type="Choice">Avslutad</Value></Neq></And>',
      orderBy: [{ field: 'NextReview', ascending: true }],
      rowLimit: 100
    }
  ]
};

/**
 * Every assessment of every risk, drafts included: a re-assessment adds an item, so the earlier
 * one stays and the change shows. Area owners and the security chief only – a draft is never
 * readable by staff, whatever the register's setting.
 */
export const RISK_ASSESSMENTS_LIST: IListSchema = {
  key: 'riskAssessments',
  title: 'Riskbedömningar',
  url: 'Lists/Riskbedomningar',
  template: 100,
  description: 'Riskregistrets bedömningar, även utkast: varje ny bedömning läggs till så att de tidigare finns kvar.',
  enableAttachments: false,
  enableVersioning: true,
  readSecurity: 'all',
  writeSecurity: 'all',
  rights: { visitors: 'none', staff: 'none', areaOwners: 'contribute', owners: 'fullControl' },
  fields: [
    {
      name: 'Title',
      displayName: 'Bedömning',
      type: 'Text',
      builtIn: true,
      required: true,
      maxLength: 255,
      description: 'Kort sammanfattning av bedömningen.'
    },
    riskLookup('Risken som bedömts.', true),
    {
      name: 'AssessedAt',
      displayName: 'Bedömd datum',
      type: 'DateTime',
      dateOnly: true,
      required: true,
      indexed: true,
      description: 'Dagen då bedömningen gjordes.'
    },
    {
      name: 'AssessmentStatus',
      displayName: 'Bedömningens status',
      type: 'Choice',
      required: true,
      indexed: true,
      choices: ASSESSMENT_STATUSES,
      defaultValue: 'Utkast',
      description: 'Utkast syns bara för områdesansvariga. Fastställd: bedömningen gäller och visas i riskregistret.',
      formatter: statusPill({ Utkast: WARNING, Fastställd: GOOD })
    },
    ...scoreFields(true),
    {
      name: 'Assessor',
      displayName: 'Bedömd av',
      type: 'User',
      description: 'Den som gjorde bedömningen.'
    },
    {
      name: 'Motivation',
      displayName: 'Motivering',
      type: 'Note',
      numLines: 4,
      maxLength: 4000,
      description: 'Varför sannolikhet och konsekvens bedömdes så, och vad som ändrats sedan förra bedömningen.'
    }
  ],
  views: [
    {
      // Every re-assessment adds an item, so this list outgrows the list view threshold in a few
      // years: the view first takes the last two years' assessments by the indexed AssessedAt
      // (about 1,600 for 400 risks assessed twice a year). A risk's older assessments: filter the
      // list on the indexed Risk.
      name: 'Per risk, senaste två åren',
      url: 'AllItems.aspx',
      isDefault: true,
      fields: ['LinkTitle', 'AssessedAt', 'AssessmentStatus', 'RiskLevel', 'ResidualRiskLevel', 'Assessor'],
      where: '<Geq><FieldRef Name="AssessedAt"/><Value Type="DateTime"><Today OffsetDays="-730"/></Value></Geq>',
      groupBy: ['Risk'],
      orderBy: [{ field: 'AssessedAt', ascending: false }],
      rowLimit: 100
    }
  ]
};

export const DOCUMENTS_LIST: IListSchema = {
  key: 'documents',
  title: 'Styrande dokument',
  url: 'StyrandeDokument',
  template: 101,
  description: 'Policyer, riktlinjer, rutiner, anvisningar och planer för säkerhetsområdena.',
  enableAttachments: false,
  enableVersioning: true,
  readSecurity: 'all',
  writeSecurity: 'all',
  rights: { visitors: 'read', staff: 'read', areaOwners: 'contribute', owners: 'fullControl' },
  validation: {
    formula: '=OR(ISBLANK([Giltig t.o.m.]),[Giltig t.o.m.]>[Giltig fr.o.m.])',
    message: 'Giltig t.o.m. måste vara senare än Giltig fr.o.m. Lämna tomt om dokumentet gäller tills vidare.'
  },
  fields: [
    {
      name: 'Title',
      displayName: 'Titel',
      type: 'Text',
      builtIn: true,
      required: true,
      maxLength: 255,
      description: 'Dokumentets titel, t.ex. Rutin för brandskyddskontroll.'
    },
    {
      name: 'DocumentType',
      displayName: 'Dokumenttyp',
      type: 'Choice',
      required: true,
      indexed: true,
      choices: DOCUMENT_TYPES,
      description: 'Policy, riktlinje, rutin, anvisning eller plan.'
    },
    {
      name: 'Areas',
      displayName: 'Säkerhetsområden',
      type: 'LookupMulti',
      lookupList: 'areas',
      description: 'De säkerhetsområden dokumentet styr. Lämna tomt för dokument som gäller alla områden.'
    },
    {
      name: 'RegistrationNumber',
      displayName: 'Diarienummer',
      type: 'Text',
      indexed: true,
      maxLength: 50,
      description: 'Diarienummer i regionens ärendehantering, t.ex. RS 2024/118.'
    },
    {
      name: 'DocVersion',
      displayName: 'Version',
      type: 'Text',
      required: true,
      maxLength: 20,
      description: 'Fastställd version, t.ex. 2 eller 1.3.'
    },
    {
      name: 'DocumentOwner',
      displayName: 'Dokumentägare',
      type: 'User',
      required: true,
      description: 'Den som ansvarar för dokumentets innehåll och revision.'
    },
    {
      name: 'ResponsibleUnit',
      displayName: 'Ansvarig verksamhet',
      type: 'Text',
      maxLength: 255,
      description: 'Verksamheten som äger dokumentet.'
    },
    {
      name: 'ApprovedBy',
      displayName: 'Fastställare',
      type: 'Text',
      required: true,
      maxLength: 255,
      description: 'Den som fastställt dokumentet, t.ex. Regionfullmäktige eller Regiondirektör.'
    },
    {
      name: 'ValidFrom',
      displayName: 'Giltig fr.o.m.',
      type: 'DateTime',
      dateOnly: true,
      required: true,
      indexed: true,
      description: 'Dagen då dokumentet börjar gälla.'
    },
    {
      name: 'ValidTo',
      displayName: 'Giltig t.o.m.',
      type: 'DateTime',
      dateOnly: true,
      indexed: true,
      description: 'Sista giltighetsdag. Lämna tomt om dokumentet gäller tills vidare.'
    },
    {
      name: 'DocStatus',
      displayName: 'Dokumentstatus',
      type: 'Choice',
      required: true,
      indexed: true,
      choices: DOCUMENT_STATUSES,
      defaultValue: 'Fastställd',
      description: 'Utkast, fastställd, under revision eller upphävd.',
      formatter: statusPill({ Fastställd: GOOD, 'Under revision': WARNING, Utkast: LOW, Upphävd: BLOCKED })
    }
  ],
  views: [
    {
      name: 'Per dokumenttyp med giltighet',
      url: 'Forms/AllItems.aspx',
      isDefault: true,
      fields: ['DocIcon', 'LinkFilename', 'Title', 'RegistrationNumber', 'DocVersion', 'DocumentOwner', 'ValidFrom', 'ValidTo', 'DocStatus'],
      groupBy: ['DocumentType'],
      orderBy: [{ field: 'Title', ascending: true }],
      rowLimit: 100
    }
  ]
};

/**
 * One key per reporter for the report drafts the form keeps on her device: the draft is stored in
 * the browser encrypted with this key (AES-GCM, components/ReportForm/draftVault.ts), and the key
 * only here, under item-level security. The next person on a shared ward computer finds the
 * ciphertext in the browser but cannot read the key: staff and area owners read and edit only
 * their own items here (Contribute; neither has Override List Behaviors on this list). The
 * security chief's Full Control reads every key, as it reads every list; the ciphertext stays on
 * the ward's computer. The list starts empty: a key is made the first time a user writes a report.
 */
export const DRAFT_KEYS_LIST: IListSchema = {
  key: 'draftKeys',
  title: 'Utkastnycklar',
  url: 'Lists/Utkastnycklar',
  template: 100,
  description: 'En nyckel per person för rapportutkast som sparas krypterade i webbläsaren. Var och en kan bara läsa sin egen nyckel.',
  enableAttachments: false,
  enableVersioning: false,
  readSecurity: 'own',
  writeSecurity: 'own',
  rights: { visitors: 'none', staff: 'contribute', areaOwners: 'contribute', owners: 'fullControl' },
  fields: [
    {
      name: 'Title',
      displayName: 'Nyckel',
      type: 'Text',
      builtIn: true,
      required: true,
      maxLength: 64,
      description: 'Slumpad nyckel (256 bitar, base64) som krypterar personens rapportutkast i webbläsaren.'
    }
  ],
  views: [
    {
      name: 'Alla nycklar',
      url: 'AllItems.aspx',
      isDefault: true,
      fields: ['Author', 'Created'],
      orderBy: [{ field: 'ID', ascending: true }],
      rowLimit: 100
    }
  ]
};

/** In provisioning order: a lookup's list comes before the lists that look it up. */
export const LISTS: readonly IListSchema[] = [AREAS_LIST, GOALS_LIST, RISKS_LIST, INCIDENTS_LIST, ACTIONS_LIST, RISK_ASSESSMENTS_LIST, DOCUMENTS_LIST, DRAFT_KEYS_LIST];

export function listByKey(key: ListKey): IListSchema {
  const list = LISTS.find((l) => l.key === key);
  if (!list) {
    throw new Error(`Unknown list ${key}`);
  }
  return list;
}

export function fieldOf(list: IListSchema, name: string): IFieldSchema {
  const field = list.fields.find((f) => f.name === name);
  if (!field) {
    throw new Error(`List ${list.key} has no field ${name}`);
  }
  return field;
}

/** The server-relative URL of a list, e.g. /sites/sakerhet/Lists/Mal. */
export function listServerRelativeUrl(list: IListSchema, siteUrl: string = SITE_URL): string {
  return `${siteUrl.replace(/\/$/, '')}/${list.url}`;
}

/** Stored choice value → key, or undefined when the value is not one of the schema's choices. */
export function choiceKey(choices: readonly IChoice[], value: unknown): string | undefined {
  return choices.find((c) => c.value === value)?.key;
}

/** Key → stored choice value. */
export function choiceValue(choices: readonly IChoice[], key: string): string {
  const choice = choices.find((c) => c.key === key);
  if (!choice) {
    throw new Error(`Unknown choice key ${key}`);
  }
  return choice.value;
}
