/**
 * SharePoint's REST errors: an HTTP status and an `odata.error` body whose `code` names the server
 * exception, as SharePoint Online sends them with `Accept: application/json`.
 */
export class SPError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly headers: Record<string, string> = {}
  ) {
    super(message);
  }

  public body(): string {
    return JSON.stringify({ 'odata.error': { code: this.code, message: { lang: 'en-US', value: this.message } } });
  }
}

export const Errors = {
  accessDenied: (): SPError =>
    new SPError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.'),
  unauthenticated: (): SPError =>
    new SPError(
      401,
      '-2147024891, System.UnauthorizedAccessException',
      'Access denied. Before opening files in this location, you must first browse to the web site and select the option to login automatically.',
      // Not SharePoint's: how to sign in to the local emulator.
      { 'X-Sakerhet-Dev-Hint': 'Open the dev host page once, or send Cookie: sakerhet-user=anna (anna, johan, erik, maria, nils)' }
    ),
  invalidDigest: (): SPError =>
    new SPError(
      403,
      '-2130575252, Microsoft.SharePoint.SPException',
      "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again."
    ),
  listNotFound: (name: string): SPError =>
    new SPError(404, '-1, System.ArgumentException', `List '${name}' does not exist at site with URL 'http://localhost/sites/sakerhet'.`),
  fileNotFound: (): SPError => new SPError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.'),
  itemNotFound: (): SPError =>
    new SPError(404, '-2130575338, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.'),
  notSupported: (what: string): SPError =>
    new SPError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The emulator does not support ${what}.`),
  badRequest: (message: string): SPError => new SPError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message),
  noSuchProperty: (name: string, type: string): SPError =>
    new SPError(
      400,
      '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`
    ),
  fieldNotFound: (name: string): SPError =>
    new SPError(400, '-2146232832, Microsoft.SharePoint.SPException', `Column '${name}' does not exist. It may have been deleted by another user.`),
  etagMismatch: (sent: string, actual: string): SPError =>
    new SPError(412, '-1, Microsoft.SharePoint.Client.ClientServiceException', `The request ETag value '${sent}' does not match the object's ETag value '${actual}'.`),
  threshold: (): SPError =>
    new SPError(
      500,
      '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      'The attempted operation is prohibited because it exceeds the list view threshold.'
    ),
  duplicate: (): SPError =>
    new SPError(400, '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException', 'This value already exists in the list.'),
  fieldValidation: (message: string): SPError => new SPError(400, '-2130575163, Microsoft.SharePoint.SPException', message),
  listValidation: (message: string): SPError => new SPError(400, '-2130575163, Microsoft.SharePoint.SPException', `List data validation failed. ${message}`.trim()),
  throttled: (retryAfterSeconds: number): SPError =>
    new SPError(
      429,
      '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      'The request has been throttled. Please retry after the number of seconds in the Retry-After header.',
      { 'Retry-After': String(retryAfterSeconds) }
    ),
  unavailable: (): SPError => new SPError(503, '-1, System.Web.HttpException', 'The service is temporarily unavailable.', { 'Retry-After': '1' }),
  invalidFileName: (): SPError =>
    new SPError(400, '-2130575245, Microsoft.SharePoint.SPException', 'The file name you specified is not valid or not allowed. Please try a different name.'),
  fileTooLarge: (): SPError =>
    new SPError(400, '-2147024816, Microsoft.SharePoint.SPException', 'The file size exceeds the limit allowed for this list.'),
  fileExists: (name: string): SPError =>
    new SPError(409, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name ${name} already exists.`)
};
