/**
 * What can go wrong talking to SharePoint, in the terms the UI needs to say what to do:
 * a conflict (someone else saved first), no access, not found, throttled or offline (try again),
 * a value SharePoint refused, or something else.
 */
export type ServiceErrorKind = 'conflict' | 'forbidden' | 'notFound' | 'throttled' | 'offline' | 'invalid' | 'duplicate' | 'threshold' | 'rule' | 'unknown';

export class ServiceError extends Error {
  constructor(
    public readonly kind: ServiceErrorKind,
    message: string,
    public readonly status?: number,
    /** SharePoint's exception code, e.g. "-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException". */
    public readonly code?: string
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  /** Worth trying again later without changing anything. */
  public get transient(): boolean {
    return this.kind === 'throttled' || this.kind === 'offline';
  }
}

interface IHttpLikeError {
  status?: number;
  message?: string;
  name?: string;
}

/** Turns whatever PnPjs or fetch threw into a ServiceError. */
export function toServiceError(err: unknown): ServiceError {
  if (err instanceof ServiceError) {
    return err;
  }
  const e = (err ?? {}) as IHttpLikeError;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const status = typeof e.status === 'number' ? e.status : undefined;
  // PnPjs puts SharePoint's odata.error body into the message of its HttpRequestError.
  const codeMatch = /"code":"([^"]+)"/.exec(message);
  const code = codeMatch ? codeMatch[1] : undefined;
  const valueMatch = /"value":"((?:[^"\\]|\\.)*)"/.exec(message);
  const detail = valueMatch ? valueMatch[1].replace(/\\"/g, '"') : message;
  if (status === undefined) {
    // fetch rejects with a TypeError when the connection fails or is dropped.
    if (e.name === 'AbortError') {
      return new ServiceError('offline', 'The request was cancelled.');
    }
    return new ServiceError('offline', detail);
  }
  if (code && /SPDuplicateValuesFoundException/.test(code)) {
    return new ServiceError('duplicate', detail, status, code);
  }
  if (code && /SPQueryThrottledException/.test(code) && status === 500) {
    return new ServiceError('threshold', detail, status, code);
  }
  switch (status) {
    case 412:
      return new ServiceError('conflict', detail, status, code);
    case 401:
    case 403:
      return new ServiceError('forbidden', detail, status, code);
    case 404:
      return new ServiceError('notFound', detail, status, code);
    case 429:
    case 503:
    case 504:
      return new ServiceError('throttled', detail, status, code);
    case 400:
      return new ServiceError('invalid', detail, status, code);
    default:
      return new ServiceError('unknown', detail, status, code);
  }
}
