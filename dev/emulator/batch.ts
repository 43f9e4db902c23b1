/**
 * OData $batch as SharePoint speaks it: a multipart/mixed request whose parts are HTTP requests,
 * with writes grouped in changesets; the answer is one multipart/mixed response with one part per
 * request, in order (SharePoint flattens changeset answers into the batch response).
 *
 * Limits, as SharePoint's OData reader (ODataLib for OData v3) applies them:
 * - at most 100 query operations and change sets per batch (ODataMessageQuotas.MaxPartsPerBatch,
 *   default 100, ODataConstants.DefaultMaxPartsPerBatch; PnP Core SDK splits SharePoint REST
 *   batches at 100 for this reason: pnp/pnpcore issue #284 "REST batching has a maximum of 100
 *   requests", BatchClient.MaxRequestsInSharePointRestBatch = 100);
 * - at most 1000 operations per change set (DefaultMaxOperationsPerChangeset = 1000);
 * - the request body's size is limited before it is read (dev/server.ts).
 * The parts run one after the other, and the emulator lets other requests in between two parts,
 * so one batch never holds up everyone else.
 */
import { randomUUID } from 'crypto';
import { Errors, SPError } from './errors';
import type { EmulatorRequest, EmulatorResponse } from './http';

export const MAX_PARTS_PER_BATCH = 100;
export const MAX_OPERATIONS_PER_CHANGESET = 1000;

/** ODataLib's answers to a batch over its quotas (Strings.ODataBatchReader_MaxBatchSizeExceeded and _MaxChangeSetSizeExceeded). */
const tooManyParts = (): SPError =>
  new SPError(
    400,
    '-1, Microsoft.Data.OData.ODataException',
    `The current batch message contains too many parts. Only batch messages with a maximum number of '${MAX_PARTS_PER_BATCH}' query operations and change sets are allowed.`
  );
const tooManyOperations = (): SPError =>
  new SPError(
    400,
    '-1, Microsoft.Data.OData.ODataException',
    `The current change set contains too many operations. Only change sets with a maximum number of '${MAX_OPERATIONS_PER_CHANGESET}' operations are allowed.`
  );

export interface BatchPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable'
};

function splitHeaders(block: string): { headers: Record<string, string>; rest: string } {
  const normalized = block.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  const head = end < 0 ? normalized : normalized.slice(0, end);
  const rest = end < 0 ? '' : normalized.slice(end + 2);
  const headers: Record<string, string> = {};
  for (const line of head.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
  }
  return { headers, rest };
}

function partsOf(body: string, boundary: string, max: number, tooMany: () => SPError): string[] {
  const delimiter = `--${boundary}`;
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const parts: string[] = [];
  let current: string[] | undefined;
  let closed = false;
  for (const line of lines) {
    if (line === delimiter || line === `${delimiter}--`) {
      if (current) {
        parts.push(current.join('\n'));
        if (parts.length > max) {
          throw tooMany();
        }
      }
      if (line.endsWith('--')) {
        closed = true;
        current = undefined;
        break;
      }
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  if (!closed) {
    throw Errors.badRequest(`The batch is missing its closing boundary --${boundary}--.`);
  }
  return parts;
}

function parseHttpPart(text: string): BatchPart {
  const { headers: mimeHeaders, rest } = splitHeaders(text);
  if (!/application\/http/i.test(mimeHeaders['content-type'] ?? '')) {
    throw Errors.badRequest('Each batch part must have Content-Type: application/http.');
  }
  const lines = rest.split('\n');
  const requestLine = /^([A-Z]+) (\S+) HTTP\/1\.1$/.exec(lines[0].trim());
  if (!requestLine) {
    throw Errors.badRequest(`The batch part request line '${lines[0]}' is not valid.`);
  }
  const { headers, rest: body } = splitHeaders(lines.slice(1).join('\n'));
  return { method: requestLine[1], url: requestLine[2], headers, body: body.replace(/\n+$/, '') };
}

export function parseBatch(body: string, boundary: string): BatchPart[] {
  const requests: BatchPart[] = [];
  for (const part of partsOf(body, boundary, MAX_PARTS_PER_BATCH, tooManyParts)) {
    const { headers, rest } = splitHeaders(part);
    const changeset = /multipart\/mixed;\s*boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '');
    if (changeset) {
      for (const inner of partsOf(rest, changeset[1], MAX_OPERATIONS_PER_CHANGESET, tooManyOperations)) {
        const request = parseHttpPart(inner);
        if (request.method === 'GET') {
          throw Errors.badRequest('A changeset may only contain writes.');
        }
        requests.push(request);
      }
    } else {
      const request = parseHttpPart(part);
      if (request.method !== 'GET') {
        throw Errors.badRequest('Writes in a batch must be inside a changeset.');
      }
      requests.push(request);
    }
  }
  return requests;
}

export function renderBatchResponse(responses: EmulatorResponse[], boundary: string): string {
  const out: string[] = [];
  for (const r of responses) {
    out.push(`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
    out.push(`HTTP/1.1 ${r.status} ${STATUS_TEXT[r.status] ?? 'Unknown'}`);
    for (const [name, value] of Object.entries(r.headers)) {
      out.push(`${name.toUpperCase() === 'CONTENT-TYPE' ? 'CONTENT-TYPE' : name}: ${value}`);
    }
    out.push('');
    out.push(typeof r.body === 'string' ? r.body : r.body.toString('utf8'));
  }
  out.push(`--${boundary}--`, '');
  return out.join('\r\n');
}

/**
 * Runs a $batch request: its parts in order through `handle` (each part a request of its own, with
 * the batch's cookie), yielding to other requests between parts; a failing part does not stop the
 * ones after it, as in SharePoint ("SharePoint and Office 365 APIs aren't transactional",
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/make-batch-requests-with-the-rest-apis).
 */
export async function runBatch(
  req: EmulatorRequest,
  handle: (part: EmulatorRequest) => Promise<EmulatorResponse>,
  errorResponse: (err: SPError) => EmulatorResponse
): Promise<EmulatorResponse> {
  const contentTypeHeader = req.headers['content-type'] ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentTypeHeader)?.[1];
  if (!boundary) {
    throw Errors.badRequest('The batch request has no multipart boundary.');
  }
  const parts = parseBatch(req.body.toString('utf8'), boundary);
  const responses: EmulatorResponse[] = [];
  for (const part of parts) {
    if (responses.length > 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    let url: URL;
    try {
      url = new URL(part.url, req.url);
    } catch {
      responses.push(errorResponse(Errors.badRequest(`The batch part URL '${part.url}' is not valid.`)));
      continue;
    }
    if (url.origin !== req.url.origin) {
      responses.push(errorResponse(Errors.badRequest('A batch part must address the same site.')));
      continue;
    }
    const headers: Record<string, string | undefined> = { ...part.headers, cookie: req.headers.cookie };
    responses.push(await handle({ method: part.method, url, headers, body: Buffer.from(part.body, 'utf8') }));
  }
  const responseBoundary = `batchresponse_${randomUUID()}`;
  return {
    status: 200,
    headers: { 'Content-Type': `multipart/mixed; boundary=${responseBoundary}` },
    body: renderBatchResponse(responses, responseBoundary)
  };
}
