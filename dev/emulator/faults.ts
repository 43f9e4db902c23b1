/**
 * Faults on demand, for tests of the product's resilience: added latency, 429 with Retry-After,
 * 503, a connection dropped before the request is processed, or dropped after it was processed and
 * stored (the answer is lost, the write is not). Rules apply to REST requests (/_api/) that match
 * their method and path pattern, for the next `count` requests (default: until cleared).
 */

export type FaultKind = 'latency' | 'throttle' | 'unavailable' | 'drop' | 'dropAfterCommit';

export interface FaultRule {
  kind: FaultKind;
  /** How many matching requests the rule affects; omitted means every one until cleared. */
  count?: number;
  /** HTTP method to match (after X-HTTP-Method), e.g. POST. */
  method?: string;
  /** Regular expression matched against the path and query. */
  path?: string;
  /** latency: milliseconds to wait before answering. */
  ms?: number;
  /** throttle: seconds in the Retry-After header. */
  retryAfter?: number;
}

interface ActiveRule extends FaultRule {
  hits: number;
  /** When each hit happened (ms since the epoch), so tests can see the client's back-off. */
  hitTimes: number[];
  pattern?: RegExp;
}

export class Faults {
  private rules: ActiveRule[] = [];

  public set(rules: FaultRule[]): void {
    this.rules = rules.map((r) => {
      if (!['latency', 'throttle', 'unavailable', 'drop', 'dropAfterCommit'].includes(r.kind)) {
        throw new Error(`Unknown fault kind ${r.kind}`);
      }
      // Patterns come from the tests that set the faults, on loopback only.
      // eslint-disable-next-line @rushstack/security/no-unsafe-regexp
      return { ...r, hits: 0, hitTimes: [], pattern: r.path ? new RegExp(r.path, 'i') : undefined };
    });
  }

  public clear(): void {
    this.rules = [];
  }

  public describe(): (FaultRule & { hits: number; hitTimes: number[] })[] {
    return this.rules.map(({ pattern: _p, ...r }) => r);
  }

  /** The rules that apply to this request; each one counts the hit. */
  public take(method: string, pathAndQuery: string): ActiveRule[] {
    const taken: ActiveRule[] = [];
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) {
        continue;
      }
      if (rule.pattern && !rule.pattern.test(pathAndQuery)) {
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
