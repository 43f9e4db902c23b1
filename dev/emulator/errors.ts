/**
 * SharePoint's REST errors: an HTTP status and an `odata.error` body whose `code` names the server
 * exception ("<HRESULT>, <exception type>"), as SharePoint Online sends them with
 * `Accept: application/json`, and whose message is in the site's language.
 *
 * Sources:
 * - The body's shape and `lang`: recorded answers in pnp/pnpjs issues (e.g. #1675, #1314) and in
 *   pnp/cli-microsoft365's tests (src/m365/spo/commands/app/app-add.spec.ts:
 *   `{"odata.error":{"code":"-2130575257, Microsoft.SharePoint.SPException","message":{"lang":"en-US",
 *   "value":"A file with the name AppCatalog/spfx.sppkg already exists. …"}}}`).
 * - SharePoint answers in the site's language: pnp/cli-microsoft365 issue #6011 records a German
 *   site answering `spo file add` with "Eine Datei oder ein Ordner mit dem Namen "…" ist bereits
 *   vorhanden." – so a product must recognise errors by their code, never by their text.
 * - Codes: Microsoft's CSOM reference lists them per exception (e.g. File.CheckOut: -2130575306;
 *   FieldLookup.RelationshipDeleteBehavior: -2146232832), the SharePoint Migration Tool's error table
 *   (FilealreadyExists -2130575257, FileNameCharactersNotPermitted -2130575245).
 *
 * Swedish wording: where a Microsoft page in sv-SE quotes SharePoint's Swedish text, the source is
 * named beside it; every other Swedish text is the emulator's translation, because SharePoint's
 * Swedish resource strings are not published (marked "sv: translation"). The product never reads
 * the text, only the code.
 */

/** The site's language (SP.Web.Language, an LCID): Swedish or English. */
export type SiteLanguage = 1053 | 1033;

/** How SharePoint words a message in each site language. */
export interface Wording {
  en: string;
  sv: string;
}

export class SPError extends Error {
  /** The message in both languages; undefined for the emulator's own English-only diagnostics. */
  public readonly wording?: Wording;

  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string | Wording,
    public readonly headers: Record<string, string> = {}
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.wording = typeof message === 'string' ? undefined : message;
  }

  /** The body SharePoint sends, in the site's language (English where the emulator has only English). */
  public body(language: SiteLanguage = 1033): string {
    const swedish = language === 1053 && this.wording ? this.wording.sv : undefined;
    return JSON.stringify({ 'odata.error': { code: this.code, message: { lang: swedish ? 'sv-SE' : 'en-US', value: swedish ?? this.message } } });
  }
}

/**
 * SharePoint's error codes, "<HRESULT>, <exception type>" as the `code` of `odata.error`. The
 * product recognises errors by the number (src/services/errors.ts, SP_CODES), so the two lists agree.
 */
export const CODES = {
  accessDenied: '-2147024891, System.UnauthorizedAccessException',
  invalidDigest: '-2130575252, Microsoft.SharePoint.SPException',
  argument: '-1, System.ArgumentException',
  fileNotFound: '-2147024894, System.IO.FileNotFoundException',
  itemNotFound: '-2130575338, System.ArgumentException',
  invalidQuery: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
  spException: '-2146232832, Microsoft.SharePoint.SPException',
  clientService: '-1, Microsoft.SharePoint.Client.ClientServiceException',
  throttled: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
  duplicate: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
  validation: '-2130575163, Microsoft.SharePoint.SPException',
  fieldValidation: '-2130575155, Microsoft.SharePoint.SPFieldValidationException',
  nameInUse: '-2130575257, Microsoft.SharePoint.SPException',
  invalidFileName: '-2130575245, Microsoft.SharePoint.SPException',
  fileTooLarge: '-2147024816, Microsoft.SharePoint.SPException',
  restrictedDelete: '-2130575271, Microsoft.SharePoint.SPException',
  serverError: '-1, System.Exception',
  unavailable: '-1, System.Web.HttpException'
} as const;

export const Errors = {
  // Wording: "Access denied…" as recorded in pnp/pnpjs #1314 and #259. sv: the Swedish text of
  // support.office.com sv-se article 3363243b ("Du har inte behörighet att utföra den här åtgärden
  // eller komma åt den här resursen") with the "Åtkomst nekad" of learn.microsoft.com/sv-se
  // sharepoint/troubleshoot/administration/access-denied-or-need-permission-error-….
  accessDenied: (): SPError =>
    new SPError(403, CODES.accessDenied, {
      en: 'Access denied. You do not have permission to perform this action or access this resource.',
      sv: 'Åtkomst nekad. Du har inte behörighet att utföra den här åtgärden eller komma åt den här resursen.'
    }),
  unauthenticated: (): SPError =>
    new SPError(
      401,
      CODES.accessDenied,
      {
        en: 'Access denied. Before opening files in this location, you must first browse to the web site and select the option to login automatically.',
        // sv: translation.
        sv: 'Åtkomst nekad. Innan du öppnar filer på den här platsen måste du först gå till webbplatsen och välja alternativet att logga in automatiskt.'
      },
      // Not SharePoint's: how to sign in to the local emulator.
      { 'X-Sakerhet-Dev-Hint': 'Open the dev host page once, or send Cookie: sakerhet-user=anna (anna, johan, erik, maria, nils)' }
    ),
  invalidDigest: (): SPError =>
    new SPError(403, CODES.invalidDigest, {
      en: "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.",
      // sv: translation.
      sv: 'Säkerhetsverifieringen för den här sidan är ogiltig och kan vara skadad. Använd webbläsarens Bakåt-knapp och försök igen.'
    }),
  listNotFound: (name: string): SPError =>
    new SPError(404, CODES.argument, {
      en: `List '${name}' does not exist at site with URL 'http://localhost/sites/sakerhet'.`,
      // sv: translation.
      sv: `Listan ${name} finns inte på webbplatsen med URL-adressen http://localhost/sites/sakerhet.`
    }),
  // sv: translation.
  fileNotFound: (): SPError => new SPError(404, CODES.fileNotFound, { en: 'File Not Found.', sv: 'Filen hittades inte.' }),
  itemNotFound: (): SPError =>
    new SPError(404, CODES.itemNotFound, {
      en: 'Item does not exist. It may have been deleted by another user.',
      // sv: translation.
      sv: 'Objektet finns inte. Det kan ha tagits bort av en annan användare.'
    }),
  /** The emulator's own answer for what it does not emulate (not SharePoint's wording; English only). */
  notSupported: (what: string): SPError => new SPError(400, CODES.invalidQuery, `The emulator does not support ${what}.`),
  /** A request the emulator refuses as malformed, in its own English words (OData syntax, unknown endpoints). */
  badRequest: (message: string): SPError => new SPError(400, CODES.invalidQuery, message),
  noSuchProperty: (name: string, type: string): SPError =>
    new SPError(400, CODES.invalidQuery, {
      en: `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`,
      // sv: translation.
      sv: `Egenskapen ${name} finns inte för typen ${type}. Använd bara egenskapsnamn som har definierats för typen.`
    }),
  fieldNotFound: (name: string): SPError =>
    new SPError(400, '-2146232832, Microsoft.SharePoint.SPException', {
      en: `Column '${name}' does not exist. It may have been deleted by another user.`,
      // sv: translation.
      sv: `Kolumnen ${name} finns inte. Den kan ha tagits bort av en annan användare.`
    }),
  etagMismatch: (sent: string, actual: string): SPError =>
    new SPError(412, CODES.clientService, {
      en: `The request ETag value '${sent}' does not match the object's ETag value '${actual}'.`,
      // sv: translation.
      sv: `ETag-värdet ${sent} i begäran matchar inte objektets ETag-värde ${actual}.`
    }),
  // en: learn.microsoft.com/en-us/sharepoint/troubleshoot/lists-and-libraries/error-share-break-inheritance
  // quotes the body (SPQueryThrottledException, status 500); sv: the same article in sv-SE quotes
  // OneDrive's Swedish text "Det är förbjudet att utföra den åtgärden eftersom den överskrider
  // tröskelvärdet för listvyn som tillämpas av administratören."
  threshold: (): SPError =>
    new SPError(500, CODES.throttled, {
      en: 'The attempted operation is prohibited because it exceeds the list view threshold enforced by the administrator.',
      sv: 'Det är förbjudet att utföra den åtgärden eftersom den överskrider tröskelvärdet för listvyn som tillämpas av administratören.'
    }),
  // sv: translation.
  duplicate: (): SPError => new SPError(400, CODES.duplicate, { en: 'This value already exists in the list.', sv: 'Det här värdet finns redan i listan.' }),
  /** A column's validation formula failed: SharePoint sends the column's own message (the list's language). */
  fieldValidation: (message: string): SPError => new SPError(400, CODES.validation, { en: message, sv: message }),
  /** The list's validation formula failed: SharePoint's prefix, then the list's own message. sv prefix: translation. */
  listValidation: (message: string): SPError =>
    new SPError(400, CODES.validation, { en: `List data validation failed. ${message}`.trim(), sv: `Verifieringen av listdata misslyckades. ${message}`.trim() }),
  throttled: (retryAfterSeconds: number): SPError =>
    new SPError(
      429,
      CODES.throttled,
      {
        en: 'The request has been throttled. Please retry after the number of seconds in the Retry-After header.',
        // sv: translation.
        sv: 'Begäran har begränsats. Försök igen efter det antal sekunder som anges i Retry-After-huvudet.'
      },
      { 'Retry-After': String(retryAfterSeconds) }
    ),
  // sv: translation.
  unavailable: (): SPError => new SPError(503, CODES.unavailable, { en: 'The service is temporarily unavailable.', sv: 'Tjänsten är inte tillgänglig för tillfället.' }, { 'Retry-After': '1' }),
  invalidFileName: (): SPError =>
    new SPError(400, CODES.invalidFileName, {
      en: 'The file name you specified is not valid or not allowed. Please try a different name.',
      // sv: translation.
      sv: 'Filnamnet som du angav är ogiltigt eller tillåts inte. Försök med ett annat namn.'
    }),
  fileTooLarge: (): SPError =>
    new SPError(400, CODES.fileTooLarge, {
      en: 'The file size exceeds the limit allowed for this list.',
      // sv: translation.
      sv: 'Filens storlek överskrider gränsen för den här listan.'
    }),
  /**
   * A library already holds a file with this name (and Overwrite is false). en: pnp/cli-microsoft365
   * issue #6011 ("A file or folder with the name … already exists"); the German site there answers
   * "Eine Datei oder ein Ordner mit dem Namen "…" ist bereits vorhanden." sv: translation.
   * The status SharePoint sends is not recorded in the sources read (409 as Aymkdn/SharepointPlus #160 saw).
   */
  fileExists: (name: string): SPError =>
    new SPError(409, CODES.nameInUse, {
      en: `A file or folder with the name ${name} already exists.`,
      sv: `Det finns redan en fil eller mapp med namnet ${name}.`
    }),
  /**
   * An item already has an attachment with this name: the code and English text as issue 9 records
   * them ("-2130575257, Microsoft.SharePoint.SPException", "The specified name is already in use.").
   * sv: translation. Status not recorded; the product goes by the code.
   */
  nameInUse: (): SPError => new SPError(409, CODES.nameInUse, { en: 'The specified name is already in use.', sv: 'Det angivna namnet används redan.' }),
  /** A setting of a list or column SharePoint refuses (SPException); both wordings given by the caller. */
  refused: (wording: Wording): SPError => new SPError(400, CODES.spException, wording),
  /**
   * The item is looked up by an item of another list whose lookup column restricts deletion
   * (SPFieldLookup.RelationshipDeleteBehavior = Restrict, learn.microsoft.com ee545040: "prevents an
   * item in the source list from being deleted if any items in the dependent list look up to it").
   * The code and the exact text SharePoint sends are not recorded in the sources read; sv: translation.
   */
  restrictedDelete: (dependent: string, source: string): SPError =>
    new SPError(400, CODES.restrictedDelete, {
      en: `This item cannot be deleted because an item in the "${dependent}" list is related to an item in the "${source}" list.`,
      sv: `Det går inte att ta bort objektet eftersom ett objekt i listan "${dependent}" är relaterat till ett objekt i listan "${source}".`
    })
};
