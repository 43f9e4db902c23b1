/**
 * The region's 14 security areas, written for this product from the facts of the region's security
 * guideline (scope, purpose and responsibility per area) and the laws it refers to. The product
 * ships them: the installation check adds the ones a site lacks (services/SetupService.ts), in a
 * chunk loaded only then. Who owns each area is the site owner's choice (Områdesansvarig).
 */
import type { IArea } from './types';

/** An area as the guideline describes it: what Säkerhetsområden stores, before the site has it. */
export type IGuidelineArea = Pick<IArea, 'key' | 'title' | 'scope' | 'purpose' | 'responsibility' | 'ownerRole' | 'laws' | 'reportCategories' | 'reportFlags'>;

export const GUIDELINE_AREAS: readonly IGuidelineArea[] = [
  {
    key: 'arbetsmiljo',
    title: 'Arbetsmiljö',
    scope: 'Det hälsofrämjande, förebyggande och efterhjälpande arbetsmiljöarbetet i alla regionens verksamheter.',
    purpose: 'Att alla medarbetare, förtroendevalda och patienter möter en trygg, sund och säker arbetsmiljö. Risker ska upptäckas och åtgärdas innan någon skadas.',
    responsibility: 'Varje chef som har fått arbetsmiljöuppgifter fördelade till sig bedriver det systematiska arbetsmiljöarbetet i sin verksamhet, enligt lagar, föreskrifter och regionens styrande dokument. HR stödjer cheferna.',
    ownerRole: 'HR-strateg arbetsmiljö',
    laws: [
      'Arbetsmiljölagen (1977:1160)',
      'Arbetsmiljöverkets föreskrifter AFS 2023:1 om systematiskt arbetsmiljöarbete',
      'Arbetsmiljöverkets föreskrifter AFS 2023:2 om planering och organisering av arbetsmiljöarbete',
      'Arbetstidslagen (1982:673)'
    ],
    reportCategories: ['Hot och våld', 'Fysisk belastning', 'Organisatorisk och social arbetsmiljö', 'Stick- och skärskada', 'Halka och fall', 'Kemiska risker'],
    reportFlags: ['workEnvironmentAuthority']
  },
  {
    key: 'beredskap',
    title: 'Beredskap',
    scope: 'Planering för allvarlig, särskild och extraordinär händelse: regional och lokal krisledning, tjänsteman i beredskap (TiB), verksamhet under höjd beredskap, signalskydd och säkerhetsskydd.',
    purpose: 'Att hälso- och sjukvården kan fortsätta fungera vid särskild eller extraordinär händelse och vid svåra påfrestningar på samhället, både i fred och vid höjd beredskap.',
    responsibility: 'Säkerhetsenheten samordnar, organiserar och utvärderar den regionala krisledningen. Närsjukvårdschefen leder den lokala krisledningen. Verksamhetscheferna ser till att den katastrofmedicinska förmågan upprätthålls.',
    ownerRole: 'Beredskapssamordnare',
    laws: [
      'Lagen (2006:544) om kommuners och regioners åtgärder inför och vid extraordinära händelser i fredstid och höjd beredskap',
      'Lagen (1992:1403) om totalförsvar och höjd beredskap',
      'Säkerhetsskyddslagen (2018:585)',
      'Socialstyrelsens föreskrifter och allmänna råd om katastrofmedicinsk beredskap (SOSFS 2013:22)'
    ],
    reportCategories: ['Störning i samhällsviktig verksamhet', 'Larm och samband (Rakel)', 'Krisledning och TiB', 'Försörjning av förnödenheter', 'Säkerhetsskydd'],
    reportFlags: []
  },
  {
    key: 'brandsakerhet',
    title: 'Brandsäkerhet',
    scope: 'Det systematiska brandskyddsarbetet som krävs för ett skäligt brandskydd: förebyggande åtgärder och det som ska göras när det brinner.',
    purpose: 'Att ingen omkommer eller skadas allvarligt av brand i regionens verksamheter och lokaler.',
    responsibility: 'Brandskyddsarbetet följer linjeorganisationen från regiondirektören och nedåt, på samma sätt som arbetsmiljöarbetet. Regionens anvisningar för brandsäkerhet beskriver brandskyddsorganisationens roller.',
    ownerRole: 'Brandskyddssamordnare',
    laws: [
      'Lagen (2003:778) om skydd mot olyckor',
      'Förordningen (2003:789) om skydd mot olyckor',
      'Lagen (2010:1011) om brandfarliga och explosiva varor'
    ],
    reportCategories: ['Brand eller brandtillbud', 'Blockerad utrymningsväg', 'Brandlarm och felaktiga larm', 'Brist i brandskyddsutrustning', 'Heta arbeten'],
    reportFlags: []
  },
  {
    key: 'driftsakerhet',
    title: 'Driftsäkerhet',
    scope: 'Förvaltning, tillsyn, skötsel och underhåll av regionens fastigheter, inomhus och utomhus, som kräver särskild kompetens och behörighet.',
    purpose: 'Att lokalerna är säkra och fungerar, och att förebyggande arbete håller nere risken för driftstörningar och oförutsedda händelser.',
    responsibility: 'Regionen som fastighetsägare svarar för fastigheternas tekniska standard och säkerhet. Fastighetschefen ansvarar för resurser, kompetens och det strategiska arbetet; förvaltare och driftchefer för den operativa driftsäkerheten.',
    ownerRole: 'Fastighetschef',
    laws: [
      'Jordabalken (1970:994)',
      'Plan- och bygglagen (2010:900)',
      'Elsäkerhetslagen (2016:732)',
      'Miljöbalken (1998:808)'
    ],
    reportCategories: ['Elavbrott och reservkraft', 'Vatten och avlopp', 'Ventilation och värme', 'Hiss', 'Medicinska gaser', 'Skada på byggnad'],
    reportFlags: []
  },
  {
    key: 'informationssakerhet',
    title: 'Informationssäkerhet',
    scope: 'Ett ledningssystem för informationssäkerhet och det riskbaserade, systematiska arbete som hör till det.',
    purpose: 'Att information är tillgänglig, riktig, konfidentiell och spårbar, oavsett om den finns på papper eller i ett system.',
    responsibility: 'Regionen åtar sig att ständigt förbättra ledningssystemet för informationssäkerhet. Informationssäkerhetsstrategen ansvarar för ledningssystemet, dess kontroller och rapporteringen till ledningen.',
    ownerRole: 'Informationssäkerhetsstrateg',
    laws: [
      'EU:s dataskyddsförordning (2016/679)',
      'Patientdatalagen (2008:355)',
      'Offentlighets- och sekretesslagen (2009:400)',
      'Säkerhetsskyddslagen (2018:585)'
    ],
    reportCategories: ['Obehörig åtkomst till journal', 'Felskickad information', 'Förlorad handling', 'Personuppgiftsincident', 'Röjande av sekretess'],
    reportFlags: []
  },
  {
    key: 'it-sakerhet',
    title: 'IT-säkerhet',
    scope: 'Skyddet av verksamhetens IT-infrastruktur och av IT-system och medicintekniska system.',
    purpose: 'Att tekniska säkerhetslösningar införs och att verksamheten får stöd vid incidenter och upphandlingar. Området planerar för kontinuitet, hanterar incidenter, gör riskanalyser och mäter informations- och IT-säkerheten.',
    responsibility: 'Verksamhetschefen för IT och medicinteknisk drift har det operativa ansvaret för det dagliga IT-säkerhetsarbetet.',
    ownerRole: 'Verksamhetschef IT och medicinteknisk drift',
    laws: [
      'EU:s dataskyddsförordning (2016/679)',
      'Patientdatalagen (2008:355)',
      'Säkerhetsskyddslagen (2018:585)'
    ],
    reportCategories: ['Nätfiske och bedrägeriförsök', 'Skadlig kod', 'Driftstörning i IT-system', 'Sårbarhet', 'Förlorad eller stulen utrustning'],
    reportFlags: []
  },
  {
    key: 'kriminalitet',
    title: 'Kriminalitet och brottsförebyggande',
    scope: 'Förebyggande skydd av regionens verksamheter mot brott som stöld, inbrott och skadegörelse.',
    purpose: 'Att göra det svårare att begå brott mot regionen, förhindra dem och begränsa följderna, så att patienter, medarbetare, förtroendevalda, studenter och besökare är skyddade.',
    responsibility: 'Alla medarbetare bidrar till det dagliga och förebyggande säkerhetsarbetet i sin verksamhet. Vid brott ansvarar verksamhetschef eller enhetschef för att polisanmälan görs. Säkerhetschefen företräder området.',
    ownerRole: 'Säkerhetschef',
    laws: [
      'Brottsbalken (1962:700)',
      'Kamerabevakningslagen (2018:1200)',
      'Lagen (1980:578) om ordningsvakter'
    ],
    reportCategories: ['Stöld', 'Inbrott', 'Skadegörelse', 'Hot mot medarbetare', 'Våld mot medarbetare', 'Bedrägeri'],
    reportFlags: ['policeReport']
  },
  {
    key: 'lakemedel',
    title: 'Läkemedel',
    scope: 'Regionens läkemedelsanvändning: läkemedelsbehandling, läkemedelsförsörjning och läkemedelshantering.',
    purpose: 'En läkemedelsanvändning som är patientsäker, bygger på evidens och är hållbar och kostnadseffektiv.',
    responsibility: 'Vårdkvalitetsenheten har det strategiska ansvaret och delar det operativa ansvaret med linjeorganisationen.',
    ownerRole: 'Läkemedelsstrateg, vårdkvalitetsenheten',
    laws: [
      'Läkemedelslagen (2015:315)',
      'Socialstyrelsens föreskrifter HSLF-FS 2017:37 om ordination och hantering av läkemedel',
      'Patientsäkerhetslagen (2010:659)'
    ],
    reportCategories: ['Fel läkemedel eller dos', 'Utebliven dos', 'Förväxling', 'Förvaring och temperatur', 'Narkotikaklassade läkemedel'],
    reportFlags: ['lexMaria']
  },
  {
    key: 'miljosakerhet',
    title: 'Miljösäkerhet',
    scope: 'Hantering och transport av farligt gods, farligt avfall och kemikalier till, från och inom regionens verksamheter.',
    purpose: 'En hög miljösäkerhet genom miljöanpassad upphandling, fastighetsförvaltning, transporter, materialförsörjning, kemikaliehantering och avfallshantering.',
    responsibility: 'Säkerhetsrådgivaren för transport av farligt gods ser till att bestämmelserna följs och att olyckor förebyggs. Miljösamordnaren ansvarar för de interna miljösäkerhetsfrågorna, hållbarhetsstrategen för de externa.',
    ownerRole: 'Miljösamordnare och säkerhetsrådgivare farligt gods',
    laws: [
      'Miljöbalken (1998:808)',
      'Lagen (2006:263) om transport av farligt gods',
      'Avfallsförordningen (2020:614)'
    ],
    reportCategories: ['Kemikaliespill', 'Farligt avfall', 'Transport av farligt gods', 'Utsläpp till avlopp eller mark'],
    reportFlags: []
  },
  {
    key: 'mt-sakerhet',
    title: 'MT-säkerhet',
    scope: 'Rätt användning och hantering av medicintekniska produkter, så att patienter och personal inte skadas.',
    purpose: 'Att regionen skaffar ändamålsenliga medicintekniska produkter av god kvalitet, kontrollerar dem vid ankomst och i drift, utreder avvikelser och förebygger fel genom skötsel, underhåll och riskhantering.',
    responsibility: 'Verksamhetschefen ansvarar för daglig skötsel, planerat underhåll och riskhantering av de medicintekniska produkterna i sin verksamhet, så att de är tekniskt säkra att använda. Medicinsk teknik stödjer.',
    ownerRole: 'Chef medicinsk teknik',
    laws: [
      'EU:s förordning (2017/745) om medicintekniska produkter',
      'Lagen (2021:600) med kompletterande bestämmelser till EU:s förordning om medicintekniska produkter',
      'Socialstyrelsens föreskrifter HSLF-FS 2021:52 om användning av medicintekniska produkter i hälso- och sjukvården'
    ],
    reportCategories: ['Funktionsfel', 'Användningsfel', 'Utebliven larmsignal', 'Eftersatt underhåll', 'Felaktig märkning eller bruksanvisning'],
    reportFlags: ['lexMaria']
  },
  {
    key: 'patientsakerhet',
    title: 'Patientsäkerhet',
    scope: 'Det systematiska kvalitets- och patientsäkerhetsarbetet i hälso- och sjukvården.',
    purpose: 'Att färre patienter drabbas av vårdskador: risker upptäcks tidigt, vi lär av det som händer och arbetar förebyggande. Patienter och närstående görs delaktiga.',
    responsibility: 'Vårdgivaren har det yttersta ansvaret. Verksamhetsstrategen för patientsäkerhet samordnar och följer upp arbetet, verksamhetschefen ansvarar för sin verksamhet och alla medarbetare rapporterar händelser, tillbud och risker.',
    ownerRole: 'Verksamhetsstrateg patientsäkerhet',
    laws: [
      'Patientsäkerhetslagen (2010:659)',
      'Hälso- och sjukvårdslagen (2017:30)',
      'Patientlagen (2014:821)',
      'Socialstyrelsens föreskrifter HSLF-FS 2017:40 om vårdgivares systematiska patientsäkerhetsarbete',
      'IVO:s föreskrifter HSLF-FS 2017:41 om anmälan av händelser som har medfört eller hade kunnat medföra en allvarlig vårdskada (lex Maria)',
      'Socialstyrelsens föreskrifter SOSFS 2011:9 om ledningssystem för systematiskt kvalitetsarbete'
    ],
    reportCategories: ['Vårdskada', 'Fall', 'Trycksår', 'Fördröjd diagnos eller behandling', 'Kommunikation och informationsöverföring', 'Identifiering av patient'],
    reportFlags: ['lexMaria']
  },
  {
    key: 'smittskydd',
    title: 'Smittskydd',
    scope: 'Smittskyddsläkarens arbete: information till allmänhet och vårdgivare, omvärldsbevakning, uppföljning av det epidemiologiska läget, epidemiplanering och stöd till den som bär på en smittsam sjukdom. Arbetet sker tillsammans med flera myndigheter.',
    purpose: 'Effektiva, samordnade och likformiga insatser som förebygger och begränsar utbrott och spridning av smittsamma sjukdomar.',
    responsibility: 'Smittskyddsläkaren är en egen myndighet med det samlade ansvaret för smittskyddet i länet och planerar, organiserar och leder arbetet.',
    ownerRole: 'Smittskyddsläkare',
    laws: [
      'Smittskyddslagen (2004:168)',
      'Smittskyddsförordningen (2004:255)',
      'Lagen (2006:1570) om skydd mot internationella hot mot människors hälsa'
    ],
    reportCategories: ['Anmälningspliktig smitta', 'Smittspridning på enhet', 'Exponering för blod eller kroppsvätska', 'Brist i smittspårning'],
    reportFlags: []
  },
  {
    key: 'stralsakerhet',
    title: 'Strålsäkerhet',
    scope: 'Medicinsk strålningsfysik som stöd till tillståndshavaren och verksamheterna, med strålskyddsexpert och strålningsfysikalisk ledningsfunktion.',
    purpose: 'Att skydda människor och miljö mot skadlig joniserande strålning från röntgen och radioaktiva ämnen i vården, förhindra oavsiktlig bestrålning och begränsa följderna av avsiktlig bestrålning.',
    responsibility: 'Regionen är som tillståndshavare ytterst ansvarig. Berörda verksamhetschefer har det operativa ansvaret enligt strålsäkerhetsplanen, och strålskyddsexperten ska rådfrågas om skydd av arbetstagare, allmänhet och miljö.',
    ownerRole: 'Sjukhusfysiker, strålskyddsexpert',
    laws: [
      'Strålskyddslagen (2018:396)',
      'Strålskyddsförordningen (2018:506)',
      'Strålsäkerhetsmyndighetens föreskrifter SSMFS 2018:5 om medicinska exponeringar'
    ],
    reportCategories: ['Oavsiktlig bestrålning', 'Felaktig undersökning', 'Exponering av personal', 'Radioaktivt avfall', 'Fel på utrustning'],
    reportFlags: ['lexMaria']
  },
  {
    key: 'vardhygien',
    title: 'Vårdhygien',
    scope: 'Expertstöd för att förebygga vårdrelaterade infektioner i sluten vård, primärvård och tandvård. All vårdpersonal ska ha grundläggande kunskap och tillgång till vårdhygienisk expertis.',
    purpose: 'Att verksamheterna förebygger vårdrelaterade infektioner och smittspridning, med stöd av råd, riktlinjer och utbildning från vårdhygien.',
    responsibility: 'Vårdgivaren ansvarar för en god hygienisk standard. Vårdhygien medverkar i uppföljningen, och ansvaret för god hygien delas av alla som finns i vården: personal, patienter, närstående och besökare.',
    ownerRole: 'Hygienöverläkare',
    laws: [
      'Socialstyrelsens föreskrifter HSLF-FS 2015:10 om basal hygien i vård och omsorg',
      'Smittskyddslagen (2004:168)',
      'Hälso- och sjukvårdslagen (2017:30)'
    ],
    reportCategories: ['Brist i basala hygienrutiner', 'Vårdrelaterad infektion', 'Brist i städning eller desinfektion', 'Multiresistenta bakterier'],
    reportFlags: ['lexMaria']
  }
];
