/**
 * Faults on demand, for tests of the product's resilience: added latency, 429 with Retry-After,
 * 503, a connection dropped before the request is processed, or dropped after it was processed and
 * stored (the answer is lost, the write is not). Rules apply to REST requests (/_api/) that match
 * their method and path, for the next `count` requests (default: until cleared).
 *
 * Paths are plain text, never regular expressions: a rule comes from an HTTP request, and a
 * pattern from a request could make the process backtrack for minutes (ReDoS).
 */

export type FaultKind = 'latency' | 'throttle' | 'unavailable' | 'drop' | 'dropAfterCommit';

const KINDS: FaultKind[] = ['latency', 'throttle', 'unavailable', 'drop', 'dropAfterCommit'];

export interface FaultRule {
  kind: FaultKind;
  /** How many matching requests the rule affects; omitted means every one until cleared. */
  count?: number;
  /** HTTP method to match (after X-HTTP-Method), e.g. POST. */
  method?: string;
  /** Text the decoded path and query must contain (case-insensitive), e.g. `Handelser` or `filter=ReportId`. */
  path?: string;
  /** Text the decoded path (without the query) must end with (case-insensitive), e.g. `Handelser')/items`. */
  pathEnd?: string;
  /** latency: milliseconds to wait before answering (at most a minute). */
  ms?: number;
  /** throttle: seconds in the Retry-After header (at most 120). */
  retryAfter?: number;
}

interface ActiveRule extends FaultRule {
  hits: number;
  /** When each hit happened (ms since the epoch), so tests can see the client's back-off. */
  hitTimes: number[];
}

/** A rule set that cannot be applied, with the reason (answered 400 by the dev server). */
export class FaultRuleError extends Error {}

/** At most this many rules, and this long a path text: enough for any test. */
const MAX_RULES = 20;
const MAX_TEXT = 300;

function check(rule: FaultRule, index: number): FaultRule {
  const at = `Rule ${index + 1}`;
  if (typeof rule !== 'object' || rule === null) {
    throw new FaultRuleError(`${at} is not an object.`);
  }
  if (!KINDS.includes(rule.kind)) {
    throw new FaultRuleError(`${at}: unknown fault kind ${String(rule.kind)}; one of ${KINDS.join(', ')}.`);
  }
  const known = new Set(['kind', 'count', 'method', 'path', 'pathEnd', 'ms', 'retryAfter']);
  for (const key of Object.keys(rule)) {
    if (!known.has(key)) {
      throw new FaultRuleError(`${at}: unknown property ${key}.`);
    }
  }
  const integer = (value: unknown, max: number, name: string): void => {
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max)) {
      throw new FaultRuleError(`${at}: ${name} must be a whole number from 0 to ${max}.`);
    }
  };
  integer(rule.count, 1_000_000, 'count');
  integer(rule.ms, 60_000, 'ms');
  integer(rule.retryAfter, 120, 'retryAfter');
  for (const [name, value] of [['method', rule.method], ['path', rule.path], ['pathEnd', rule.pathEnd]] as const) {
    if (value !== undefined && (typeof value !== 'string' || value.length > MAX_TEXT)) {
      throw new FaultRuleError(`${at}: ${name} must be text of at most ${MAX_TEXT} characters.`);
    }
    // Said out loud rather than never matching: rules written for the first version's patterns.
    if (typeof value === 'string' && name !== 'method' && (value.includes('\\') || value.includes('.*') || value.includes('[^') || value.startsWith('^') || value.endsWith('$'))) {
      throw new FaultRuleError(`${at}: ${name} '${value}' looks like a regular expression; it is plain text (use pathEnd for the end of the path).`);
    }
  }
  return rule;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export class Faults {
  private rules: ActiveRule[] = [];

  /** Replaces the rules; throws a FaultRuleError (and keeps the old rules) if one is not valid. */
  public set(rules: FaultRule[]): void {
    if (!Array.isArray(rules) || rules.length > MAX_RULES) {
      throw new FaultRuleError(`The rules must be a list of at most ${MAX_RULES}.`);
    }
    this.rules = rules.map((r, i) => ({ ...check(r, i), hits: 0, hitTimes: [] }));
  }

  public clear(): void {
    this.rules = [];
  }

  public describe(): (FaultRule & { hits: number; hitTimes: number[] })[] {
    return this.rules.map((r) => ({ ...r, hitTimes: [...r.hitTimes] }));
  }

  /**
   * The rules that apply to this request (path and query as sent); each one counts the hit.
   * @param namedOnly only rules whose path or pathEnd names the request: the Graph stand-in's
   *   requests are not SharePoint's, and a rule for "every request" means every SharePoint request
   */
  public take(method: string, pathname: string, search = '', namedOnly = false): ActiveRule[] {
    const path = decoded(pathname).toLowerCase();
    const pathAndQuery = `${path}${decoded(search).toLowerCase()}`;
    const taken: ActiveRule[] = [];
    for (const rule of this.rules) {
      if (namedOnly && !rule.path && !rule.pathEnd) {
        continue;
      }
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) {
        continue;
      }
      if (rule.path && !pathAndQuery.includes(rule.path.toLowerCase())) {
        continue;
      }
      if (rule.pathEnd && !path.endsWith(rule.pathEnd.toLowerCase())) {
        continue;
      }
      if (rule.count !== undefined && rule.hits >= rule.count) {
        continue;
      }
      rule.hits++;
      rule.hitTimes.push(Date.now());
      taken.push(rule);
    }
    return taken;
  }
}
