/**
 * OData $batch as SharePoint speaks it: a multipart/mixed request whose parts are HTTP requests,
 * with writes grouped in changesets; the answer is one multipart/mixed response with one part per
 * request, in order (SharePoint flattens changeset answers into the batch response).
 */
import { Errors } from './errors';
import type { EmulatorResponse } from './http';

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

function partsOf(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const parts: string[] = [];
  let current: string[] | undefined;
  let closed = false;
  for (const line of lines) {
    if (line === delimiter || line === `${delimiter}--`) {
      if (current) {
        parts.push(current.join('\n'));
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
  for (const part of partsOf(body, boundary)) {
    const { headers, rest } = splitHeaders(part);
    const changeset = /multipart\/mixed;\s*boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '');
    if (changeset) {
      for (const inner of partsOf(rest, changeset[1])) {
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
