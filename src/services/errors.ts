/**
 * What can go wrong talking to SharePoint, in the terms the UI needs to say what to do:
 * a conflict (someone else saved first), no access, not found, throttled or offline (try again),
 * a value SharePoint refused, or something else.
 *
 * SharePoint words its errors in the site's language (a Swedish site answers in Swedish: pnp/cli-
 * microsoft365 issue #6011 records a German site's answer), so an error is recognised by its code –
 * the HRESULT in `odata.error.code`, e.g. "-2130575257, Microsoft.SharePoint.SPException" – and by
 * the HTTP status, never by its text.
 */
export type ServiceErrorKind = 'conflict' | 'forbidden' | 'notFound' | 'throttled' | 'offline' | 'invalid' | 'duplicate' | 'threshold' | 'rule' | 'unknown';

/**
 * SharePoint's error codes the product acts on: the number before the comma of `odata.error.code`.
 * Sources beside each rule in dev/emulator/errors.ts, which sends the same codes.
 */
export const SP_CODES = {
  /** SPException: the name is in use – an attachment or a file with that name is already there. */
  nameInUse: -2130575257,
  /** SPDuplicateValuesFoundException: a column that enforces unique values already holds the value. */
  duplicateValue: -2130575169,
  /** SPQueryThrottledException: the list view threshold (with 500) or throttling (with 429). */
  throttled: -2147024860
} as const;

export class ServiceError extends Error {
  constructor(
    public readonly kind: ServiceErrorKind,
    message: string,
    public readonly status?: number,
    /**
     * SharePoint's exception code, e.g. "-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException",
     * or the product's own name for a rule it checks itself (e.g. 'listNotPrivate', 'openActions').
     */
    public readonly code?: string
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  /** Worth trying again later without changing anything. */
  public get transient(): boolean {
    return this.kind === 'throttled' || this.kind === 'offline';
  }

  /** SharePoint's HRESULT (the number of `code`), if SharePoint sent one. */
  public get spCode(): number | undefined {
    const m = /^(-?\d+),/.exec(this.code ?? '');
    return m ? Number(m[1]) : undefined;
  }

  /** Whether SharePoint answered with this error code (SP_CODES). */
  public is(code: number): boolean {
    return this.spCode === code;
  }
}

interface IHttpLikeError {
  status?: number;
  message?: string;
  name?: string;
}

/**
 * SharePoint's `odata.error` (JSON light, `Accept: application/json`) or `error` (OData v4 JSON)
 * from the text PnPjs puts in its HttpRequestError: "Error making HttpClient request in queryable
 * [400] Bad Request ::> {body}" (@pnp/queryable, HttpRequestError.init).
 */
function sharePointError(message: string): { code?: string; text?: string } {
  const at = message.indexOf('::> ');
  const bodyText = at >= 0 ? message.slice(at + 4) : message;
  try {
    const body = JSON.parse(bodyText) as Record<string, { code?: unknown; message?: { value?: unknown } | string }>;
    const error = body['odata.error'] ?? body.error;
    if (error && typeof error === 'object') {
      const text = typeof error.message === 'string' ? error.message : error.message?.value;
      return { code: typeof error.code === 'string' ? error.code : undefined, text: typeof text === 'string' ? text : undefined };
    }
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): no SharePoint error in it.
  }
  return {};
}

/** Turns whatever PnPjs or fetch threw into a ServiceError. */
export function toServiceError(err: unknown): ServiceError {
  if (err instanceof ServiceError) {
    return err;
  }
  const e = (err ?? {}) as IHttpLikeError;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const status = typeof e.status === 'number' ? e.status : undefined;
  const { code, text } = sharePointError(message);
  const detail = text ?? message;
  if (status === undefined) {
    // fetch rejects with a TypeError when the connection fails or is dropped.
    if (e.name === 'AbortError') {
      return new ServiceError('offline', 'The request was cancelled.');
    }
    return new ServiceError('offline', detail);
  }
  const error = (kind: ServiceErrorKind): ServiceError => new ServiceError(kind, detail, status, code);
  const probe = error('unknown');
  if (probe.is(SP_CODES.duplicateValue)) {
    return error('duplicate');
  }
  if (probe.is(SP_CODES.throttled) && status === 500) {
    return error('threshold');
  }
  switch (status) {
    case 412:
      return error('conflict');
    case 401:
    case 403:
      return error('forbidden');
    case 404:
      return error('notFound');
    case 429:
    case 503:
    case 504:
      return error('throttled');
    case 400:
      return error('invalid');
    default:
      return probe;
  }
}
