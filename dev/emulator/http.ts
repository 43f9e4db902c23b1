/**
 * HTTP plumbing of the emulator, apart from SharePoint's rules: the request and response shapes the
 * dev server hands over, JSON light answers, SharePoint's error bodies, and parsing REST paths.
 */
import { Errors, SiteLanguage, SPError } from './errors';

export interface EmulatorRequest {
  method: string;
  url: URL;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export const JSON_TYPE = 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function empty(status: number, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers, body: '' };
}

/** SharePoint's error answer, worded in the site's language (SP.Web.Language). */
export function errorResponse(err: SPError, language?: SiteLanguage): EmulatorResponse {
  return { status: err.status, headers: { 'Content-Type': JSON_TYPE, ...err.headers }, body: err.body(language) };
}

/** The method a request means: POST with X-HTTP-Method (MERGE, DELETE, PATCH) as PnPjs sends it. */
export function effectiveMethod(req: EmulatorRequest): string {
  const override = req.headers['x-http-method']?.toUpperCase();
  return req.method === 'POST' && override ? override : req.method.toUpperCase();
}

/** Splits a REST path on '/' outside quotes and parentheses: getList('/a/b')/items(3) → 2 parts. */
export function splitPath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (const c of path) {
    if (c === "'") {
      quoted = !quoted;
    } else if (!quoted && c === '(') {
      depth++;
    } else if (!quoted && c === ')') {
      depth--;
    }
    if (c === '/' && !quoted && depth === 0) {
      if (current) {
        parts.push(current);
      }
      current = '';
    } else {
      current += c;
    }
  }
  if (current) {
    parts.push(current);
  }
  return parts.map((p) => decodeURIComponent(p));
}

/** `name('value')` or `name(key='value')` → the quoted value, with '' unescaped. */
export function quotedArg(segment: string): string | undefined {
  const m = /\((?:[A-Za-z]+=)?'((?:[^']|'')*)'\)$/.exec(segment);
  return m ? m[1].replace(/''/g, "'") : undefined;
}

export function numericArg(segment: string): number | undefined {
  const m = /\((\d+)\)$/.exec(segment);
  return m ? Number(m[1]) : undefined;
}

export function parseJsonBody(req: EmulatorRequest): Record<string, unknown> {
  if (req.body.length === 0) {
    return {};
  }
  try {
    const parsed = JSON.parse(req.body.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('not an object');
    }
    return parsed as Record<string, unknown>;
  } catch {
    throw Errors.badRequest('Invalid JSON. A token was not recognized in the JSON content.');
  }
}

export function contentType(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase();
  return (
    ({ pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', heic: 'image/heic', txt: 'text/plain; charset=utf-8', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as Record<string, string>)[ext ?? ''] ?? 'application/octet-stream'
  );
}
