/**
 * Values fetched once per page session and shared by every web part on the page: the areas and
 * the current user. Promises are cached, so web parts asking at the same moment share one request;
 * a failed request is forgotten so that the next ask tries again.
 */
export class SessionCache {
  private readonly values = new Map<string, Promise<unknown>>();

  public get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.values.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      this.values.set(key, value);
      value.catch(() => this.values.delete(key));
    }
    return value;
  }

  /** Stores a value learned on the way, e.g. from a view's batch. */
  public set<T>(key: string, value: T): void {
    this.values.set(key, Promise.resolve(value));
  }

  public has(key: string): boolean {
    return this.values.has(key);
  }

  public clear(key?: string): void {
    if (key) {
      this.values.delete(key);
    } else {
      this.values.clear();
    }
  }
}

const shared = new Map<string, SessionCache>();

/** The cache shared by all web parts of this page for a site. */
export function sharedCache(siteUrl: string): SessionCache {
  let cache = shared.get(siteUrl);
  if (!cache) {
    cache = new SessionCache();
    shared.set(siteUrl, cache);
  }
  return cache;
}
