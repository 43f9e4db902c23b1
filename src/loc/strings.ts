/**
 * Every text the UI shows. Swedish (sv-se.ts) is the product's first language and is bundled with
 * the app; English (en-us.ts) loads on demand. Both implement this interface, so a missing key is a
 * compile error, and a test checks that placeholders match.
 *
 * Placeholders are {0}, {1}, … and filled by `format`.
 */
export interface IStrings {
  // Shell and navigation
  appTitle: string;
  appIntro: string;
  skipToContent: string;
  mainNavigation: string;
  navOverview: string;
  navDocuments: string;
  navMyReports: string;
  navReport: string;
  breadcrumb: string;
  backToOverview: string;
  back: string;

  // Loading, errors and empty states
  loading: string;
  loadingAreas: string;
  loadingArea: string;
  loadingDocuments: string;
  loadingReports: string;
  loadingReport: string;
  retry: string;
  /** Under an error the view will get over by itself: it tries again without being asked. */
  errorRecovering: string;
  errorOffline: string;
  errorThrottled: string;
  errorForbidden: string;
  /** A report's page that does not exist or is not the user's to see. */
  reportNotFound: string;
  /** An address that names no place; {0} the address. */
  pageNotFound: string;
  pageNotFoundTitle: string;
  errorNotFound: string;
  errorConflict: string;
  errorThreshold: string;
  errorListNotPrivate: string;
  errorInvalid: string;
  errorUnknown: string;
  areaNotFound: string;
  notConfigured: string;

  // Overview
  overviewHeading: string;
  searchAreas: string;
  searchAreasPlaceholder: string;
  areasShown: string;
  noAreasMatch: string;
  ownerLabel: string;
  openReportsNone: string;
  openReportsOne: string;
  openReportsMany: string;
  ownOpenReportsOne: string;
  ownOpenReportsMany: string;
  quickLinks: string;
  reportIntro: string;

  // Area page
  scope: string;
  purpose: string;
  responsibility: string;
  areaOwner: string;
  laws: string;
  noLaws: string;
  goalsHeading: string;
  noGoals: string;
  goal: string;
  indicator: string;
  baseline: string;
  target: string;
  outcome: string;
  status: string;
  computedOn: string;
  computedFromReports: string;
  computedOnOf: string;
  computedOnOfOne: string;
  computedBeforeDeadline: string;
  judgedStatus: string;
  notMeasured: string;
  targetAtLeast: string;
  targetAtMost: string;
  areaDocuments: string;
  noAreaDocuments: string;
  allDocuments: string;
  reportEvent: string;
  latestReports: string;
  yourReportsInArea: string;
  noReportsInArea: string;
  noOwnReportsInArea: string;
  anonymousReporter: string;

  // Governing documents
  documentsHeading: string;
  documentsIntro: string;
  filters: string;
  searchDocuments: string;
  filterType: string;
  filterArea: string;
  filterStatus: string;
  filterValidity: string;
  all: string;
  allAreasOnly: string;
  validityAll: string;
  /** After the count, while only documents in force are shown (the default). */
  documentsInForceOnly: string;
  validityCurrent: string;
  validityExpiring: string;
  validityExpired: string;
  documentsShown: string;
  noDocumentsMatch: string;
  clearFilters: string;
  documentType: string;
  registrationNumber: string;
  version: string;
  documentOwner: string;
  approvedBy: string;
  responsibleUnit: string;
  validFrom: string;
  validTo: string;
  untilFurtherNotice: string;
  documentStatus: string;
  expired: string;
  expiresSoon: string;
  appliesToAllAreas: string;
  openDocument: string;
  opensInNewWindow: string;

  // Reports: lists and detail
  myReportsHeading: string;
  myReportsIntro: string;
  myReportsChanged: string;
  myReportsChangedCount: string;
  myReportsChangedFirst: string;
  statusSince: string;
  noOwnReports: string;
  reportTitle: string;
  area: string;
  eventType: string;
  occurredAt: string;
  reported: string;
  severity: string;
  reporter: string;
  reportDetailHeading: string;
  location: string;
  category: string;
  description: string;
  immediateAction: string;
  authorityFlags: string;
  attachments: string;
  noneGiven: string;
  reportIdLabel: string;
  backToQueue: string;
  backToMyReports: string;
  feedbackHeading: string;
  feedbackStatus: string;
  feedbackClosed: string;
  feedbackMessage: string;
  feedbackNoMessage: string;
  feedbackOpen: string;
  addInformationHeading: string;
  addInformationLabel: string;
  addInformationHelp: string;
  addInformationButton: string;
  addInformationDone: string;
  addInformationAnonymous: string;
  addInformationTooLong: string;
  reporterAddition: string;
  reporterAddedAt: string;

  // Report form
  reportFormHeading: string;
  reportFormIntro: string;
  chooseArea: string;
  chooseAreaPlaceholder: string;
  /** The report form's help to choose the area from what happened. */
  areaFinderToggle: string;
  areaFinderLabel: string;
  areaFinderPlaceholder: string;
  areaFinderCount: string;
  areaFinderNone: string;
  areaFinderChosen: string;
  required: string;
  requiredMarked: string;
  optional: string;
  fieldTitle: string;
  fieldTitleHelp: string;
  fieldEventType: string;
  fieldCategory: string;
  fieldCategoryNone: string;
  fieldDate: string;
  fieldTime: string;
  fieldWhenHelp: string;
  fieldLocation: string;
  fieldLocationHelp: string;
  fieldDescription: string;
  fieldDescriptionHelp: string;
  fieldImmediateAction: string;
  fieldImmediateActionHelp: string;
  fieldSeverity: string;
  fieldAttachments: string;
  fieldAttachmentsHelp: string;
  addFiles: string;
  chooseFiles: string;
  chooseMoreFiles: string;
  removeFile: string;
  remove: string;
  fieldAnonymous: string;
  fieldAnonymousHelp: string;
  flagsHeading: string;
  flagLexMaria: string;
  flagLexMariaHelp: string;
  flagWorkEnvironmentAuthority: string;
  flagWorkEnvironmentAuthorityHelp: string;
  flagPoliceReport: string;
  flagPoliceReportHelp: string;
  charactersLeft: string;
  charactersOver: string;
  submit: string;
  submitting: string;
  clearDraft: string;
  clearDraftQuestion: string;
  clearDraftConfirm: string;
  /** The draft cannot be kept on the device (no key from SharePoint): it lives in memory only. */
  draftNotKept: string;
  draftRestored: string;
  draftSaved: string;
  cannotReport: string;

  // Validation
  validationSummary: string;
  errRequired: string;
  errRequiredChoice: string;
  errRequiredAnswer: string;
  errTooLong: string;
  errFuture: string;
  errTooOld: string;
  errInvalidDate: string;
  /** {0} the category, {1} the most characters Händelser stores: shown to owners on the area page. */
  categoryTooLong: string;
  /** {0} the date, {1} the time: a time the clocks jumped over (spring). */
  errTimeSkipped: string;
  /** {0} the date, {1} the time: a time the clocks showed twice (autumn); the user chooses which. */
  errTimeRepeated: string;
  repeatedTimeLegend: string;
  repeatedTimeEarlier: string;
  repeatedTimeLater: string;
  errFileType: string;
  errFileSize: string;
  errTooManyFiles: string;
  errInvisibleCharacters: string;

  // Submitting
  savingReport: string;
  retryingThrottled: string;
  retryWaiting: string;
  retryCountdown: string;
  retryNow: string;
  cancel: string;
  saveFailedKept: string;
  uploadingAttachments: string;
  receiptHeading: string;
  receiptText: string;
  receiptStatus: string;
  attachmentsSaved: string;
  attachmentFailed: string;
  retryAttachment: string;
  reportAnother: string;
  viewMyReports: string;

  // Choice labels
  eventType_risk: string;
  eventType_nearMiss: string;
  eventType_accident: string;
  eventType_deviation: string;
  eventType_deficiency: string;
  eventType_incident: string;
  eventType_improvement: string;
  eventTypeHelp_risk: string;
  eventTypeHelp_nearMiss: string;
  eventTypeHelp_accident: string;
  eventTypeHelp_deviation: string;
  eventTypeHelp_deficiency: string;
  eventTypeHelp_incident: string;
  eventTypeHelp_improvement: string;
  severity_low: string;
  severity_moderate: string;
  severity_serious: string;
  severity_critical: string;
  severityHelp_low: string;
  severityHelp_moderate: string;
  severityHelp_serious: string;
  severityHelp_critical: string;
  incidentStatus_new: string;
  incidentStatus_investigating: string;
  incidentStatus_actionsOngoing: string;
  incidentStatus_closed: string;
  goalStatus_ongoing: string;
  goalStatus_met: string;
  goalStatus_partlyMet: string;
  goalStatus_notMet: string;
  documentType_policy: string;
  documentType_guideline: string;
  documentType_routine: string;
  documentType_instruction: string;
  documentType_plan: string;
  documentStatus_draft: string;
  documentStatus_approved: string;
  documentStatus_underRevision: string;
  documentStatus_repealed: string;

  // Lägesbild, säkerhetsberättelse and case handling
  navSituation: string;
  navQueue: string;
  queueHeading: string;
  loadingQueue: string;
  queueIntroAll: string;
  queueIntroAreas: string;
  queueNoAreas: string;
  queueFilters: string;
  queueAllAreas: string;
  queueStatusOpen: string;
  queueStatusAll: string;
  queueAll: string;
  queueSeveritySerious: string;
  queueAuthority: string;
  queueAuthorityAny: string;
  queueFrom: string;
  queueTo: string;
  queueSort: string;
  queueSort_deadline: string;
  queueSort_severity: string;
  queueSort_occurred: string;
  queueSort_modified: string;
  queueSearch: string;
  queueNewSince: string;
  queueNewSinceFirst: string;
  queueApply: string;
  queueClear: string;
  queueAreaNotHandled: string;
  queueResults: string;
  queueNone: string;
  queueShowing: string;
  queueExport: string;
  queueExporting: string;
  queueExported: string;
  queueExportFailed: string;
  queueExportNote: string;
  queuePages: string;
  queuePage: string;
  queuePrevious: string;
  queueNext: string;
  queueNumber: string;
  queueDeadline: string;
  queueModified: string;
  queueFileName: string;
  areaQueueLink: string;
  situationInQueue: string;
  yes: string;
  no: string;
  situationHeading: string;
  situationIntro: string;
  situationOnlyOwners: string;
  annualReportOnlyOwners: string;
  loadingSituation: string;
  wholeRegion: string;
  period: string;
  showSituation: string;
  situationShown: string;
  reportsCount: string;
  seriousCount: string;
  openCount: string;
  closedWithin30: string;
  goalsMet: string;
  goalsMetValue: string;
  comparedWith: string;
  comparedWithSamePeriod: string;
  /** Column heading of the per-area table: the change from the year before. {0} year */
  trendColumn: string;
  trendUp: string;
  trendDown: string;
  /** A change on small numbers as counts: {0} this year, {1} the year before. */
  trendCounts: string;
  trendSame: string;
  trendNone: string;
  chartByMonth: string;
  chartByType: string;
  chartBySeverity: string;
  chartByStatus: string;
  showAsTable: string;
  thisYear: string;
  month: string;
  riskPictureHeading: string;
  riskPictureIntro: string;
  riskBeforeMeasures: string;
  riskAfterMeasures: string;
  /** {0} before or after measures (lower case) */
  riskMatrixCaption: string;
  /** {0} before or after measures (lower case) */
  riskMatrixShown: string;
  riskCount: string;
  riskNoneAssessed: string;
  likelihood: string;
  consequence: string;
  likelihood_veryLow: string;
  likelihood_low: string;
  likelihood_high: string;
  likelihood_veryHigh: string;
  consequence_minor: string;
  consequence_moderate: string;
  consequence_major: string;
  consequence_catastrophic: string;
  likelihoodHelp_veryLow: string;
  likelihoodHelp_low: string;
  likelihoodHelp_high: string;
  likelihoodHelp_veryHigh: string;
  consequenceHelp_minor: string;
  consequenceHelp_moderate: string;
  consequenceHelp_major: string;
  consequenceHelp_catastrophic: string;
  riskLevel_low: string;
  riskLevel_medium: string;
  riskLevel_high: string;
  riskLevel_veryHigh: string;
  riskLevel: string;
  risksDueHeading: string;
  risksDueNone: string;
  nextReview: string;
  notScheduled: string;
  riskActionsLateHeading: string;
  riskActionsLateNone: string;
  riskTitle: string;
  loadingRisk: string;
  newRiskHeading: string;
  areaRisksHeading: string;
  areaRisksCaption: string;
  areaRisksNone: string;
  riskDue: string;
  riskDueCount: string;
  riskNotAssessed: string;
  riskLevelValue: string;
  riskStatus_identified: string;
  riskStatus_assessed: string;
  riskStatus_treating: string;
  riskStatus_accepted: string;
  riskStatus_closed: string;
  riskTitleHelp: string;
  riskThreat: string;
  riskHarm: string;
  riskHarmHelp: string;
  riskLocation: string;
  riskControls: string;
  riskOwner: string;
  saveRisk: string;
  riskSaved: string;
  editRisk: string;
  riskConflict: string;
  riskOnlyHandlers: string;
  riskFromReport: string;
  riskLinkFailed: string;
  openRisk: string;
  riskCurrentHeading: string;
  riskHistoryHeading: string;
  riskHistoryNone: string;
  assessmentStatus_draft: string;
  assessmentStatus_approved: string;
  assessRisk: string;
  assessmentTitle: string;
  assessmentDate: string;
  assessmentBy: string;
  assessmentMotivation: string;
  assessmentMotivationHelp: string;
  beforeMeasuresLegend: string;
  afterMeasuresLegend: string;
  residualHelp: string;
  errResidualBoth: string;
  errDay: string;
  approveNow: string;
  approveNowHelp: string;
  saveAssessment: string;
  assessmentSavedDraft: string;
  assessmentApproved: string;
  approveDraft: string;
  assessmentKeptAsDraft: string;
  riskReportsHeading: string;
  riskReportsNone: string;
  riskReadOnly: string;
  caseRisk: string;
  caseRiskNone: string;
  caseRiskHelp: string;
  createRiskFromReport: string;
  deadlinesHeading: string;
  deadlinesIntro: string;
  noDeadlines: string;
  authority: string;
  deadline: string;
  deadlineState: string;
  reportedToAuthority: string;
  daysLeft: string;
  daysOverdue: string;
  dueToday: string;
  authority_lexMaria: string;
  authority_workEnvironmentAuthority: string;
  authority_policeReport: string;
  goalsFulfilmentHeading: string;
  perAreaHeading: string;
  annualReportLink: string;
  outcomesStored: string;
  annualReportHeading: string;
  /** The Word document's table of contents. */
  docxContents: string;
  /** The Word document's footer: {0} this page, {1} the number of pages (Word's own fields). */
  docxPageOf: string;
  /** A year with nothing in the lists; {0} the year. */
  annualReportEmpty: string;
  annualReportIntro: string;
  loadingAnnualReport: string;
  downloadDocx: string;
  preparingDocx: string;
  print: string;
  summaryHeading: string;
  summaryText: string;
  /** The comparison with the year before inside summaryText: {0} the trend, {1} the year before. */
  summaryTrend: string;
  /** …when the year before has no reports: {0} the year before. */
  /** {0} the count of the year before, {1} that year. */
  summaryTrendCounts: string;
  summaryTrendNone: string;
  overallGoals: string;
  goalFulfilment: string;
  riskAnalyses: string;
  riskAnalysesNone: string;
  riskRegisterHeading: string;
  /** {0} risks assessed, {1} of them high or very high */
  riskRegisterSummary: string;
  riskRegisterNone: string;
  riskChangeColumn: string;
  riskChange_new: string;
  /** {0} the earlier level */
  riskChange_higher: string;
  /** {0} the earlier level */
  riskChange_lower: string;
  riskChange_same: string;
  riskMeasuresHeading: string;
  riskSummary: string;
  incidentsHeading: string;
  incidentsSummary: string;
  /** Under a capped list of serious events. {0} how many more */
  moreSeriousEvents: string;
  /** Under a capped list of analyses. {0} how many more */
  moreAnalyses: string;
  /** Under a capped list of completed actions. {0} how many more */
  moreActions: string;
  seriousEvents: string;
  followUpHeading: string;
  completedActions: string;
  improvementSuggestions: string;
  nothingRecorded: string;
  generatedAt: string;
  caseHeading: string;
  caseIntro: string;
  investigator: string;
  searchPerson: string;
  noPersonFound: string;
  peopleFound: string;
  clearPerson: string;
  peopleSearchFailed: string;
  personNotAdded: string;
  analysis: string;
  analysisHelp: string;
  reporterMessage: string;
  reporterMessageHelp: string;
  authorityReportedAt: string;
  saveCase: string;
  caseSaved: string;
  caseConflict: string;
  cannotCloseOpenActions: string;
  /** Said quietly to an owner who closed a named report when its reporter could not be e-mailed. */
  reporterNotNotified: string;
  /** E-mail to an area's owners when a named report is stored: {0} area, {1} event type, {2} severity. */
  mailStoredSubject: string;
  /** {0} area, {1} event type, {2} severity, {3} report number, {4} link to the report. */
  mailStoredBody: string;
  /** E-mail to the reporter when an owner closes her named report: {0} report number. */
  mailClosedSubject: string;
  /** {0} area, {1} event type, {2} severity, {3} report number, {4} link to the report. */
  mailClosedBody: string;
  actionsHeading: string;
  noActions: string;
  actionTitle: string;
  actionOwner: string;
  actionDue: string;
  actionStatus: string;
  addAction: string;
  markOngoing: string;
  markDone: string;
  actionAdded: string;
  actionStatusChanged: string;
  actionStatus_planned: string;
  actionStatus_ongoing: string;
  actionStatus_done: string;
  actionCompletedOn: string;
  editAction: string;
  removeAction: string;
  saveAction: string;
  actionUpdated: string;
  actionRemoved: string;
  actionConflict: string;
  actionStarted: string;
  savedByAt: string;
  savedAt: string;
  closedOn: string;
  caseClosedReadOnly: string;
  reopenCase: string;
  leaveTitle: string;
  leaveText: string;
  leaveStay: string;
  leaveGo: string;

  // Installation check (site owners)
  installationHeading: string;
  installationIntro: string;
  installationChecking: string;
  installationAllGood: string;
  installationSummary: string;
  installationAutoHeading: string;
  installationManualHeading: string;
  installationRepair: string;
  installationRepairing: string;
  installationRepaired: string;
  installationRepairFailed: string;
  installationNoRights: string;
  installationNotOwner: string;
  installationRecheck: string;
  noAreasYet: string;
  setupListMissing: string;
  setupListMissingHow: string;
  setupFieldMissing: string;
  setupFieldType: string;
  setupFieldTypeHow: string;
  setupFieldRequiredOn: string;
  setupFieldRequiredOff: string;
  setupFieldIndexed: string;
  setupFieldChoices: string;
  setupDeleteBehavior: string;
  setupItemLevelSecurity: string;
  setupAttachments: string;
  setupLevelMissing: string;
  setupLevelPermissions: string;
  setupGroupMissing: string;
  setupGroupEmpty: string;
  setupGroupEmptyHow: string;
  setupAssociatedGroupMissing: string;
  setupAssociatedGroupMissingHow: string;
  setupOwners: string;
  setupMembers: string;
  setupVisitors: string;
  setupInheritsPermissions: string;
  setupAssignmentMissing: string;
  setupAssignmentExtra: string;
  setupAreasMissing: string;

  // Web part property panes
  propertyPaneDescription: string;
  propertyArea: string;
  propertyAreaLoading: string;
  propertyAreaFailed: string;
  propertyDocumentArea: string;
  propertyDocumentAreaAll: string;
}

/** Fills {0}, {1}, … in a string. */
/**
 * Fills {0}, {1} … with the arguments. {0|one|other} chooses a word by the number in argument 0:
 * '{0} {0|risk|risker}' gives '1 risk' and '3 risker'.
 */
export function format(text: string, ...args: (string | number)[]): string {
  return text
    .replace(/\{(\d+)\|([^|}]*)\|([^}]*)\}/g, (match, i: string, one: string, other: string) => {
      const n = args[Number(i)];
      return n === undefined ? match : Number(n) === 1 ? one : other;
    })
    .replace(/\{(\d+)\}/g, (match, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : match));
}
