/**
 * What the dev server checks before it answers anything: that the request is for this server by
 * name (not a DNS rebinding of some other name to 127.0.0.1), that it comes from the server's own
 * page (not a script on another origin), and where a sign-in may send the browser back to.
 *
 * The rules follow webpack-dev-server's (lib/Server.js, `isValidHost`, `isSameOrigin` and
 * `#isSameOriginRequest`, https://github.com/webpack/webpack-dev-server): the Host header must
 * name localhost, a subdomain of .localhost, an IP address or an allowed host (the port does not
 * matter); a request's Fetch Metadata (`Sec-Fetch-Site`, sent by every current browser and not
 * settable by scripts, https://www.w3.org/TR/fetch-metadata/) must say same-origin or none
 * (typed by the user); without Fetch Metadata an `Origin` header must be this server's origin.
 * Clients that are not browsers (curl, Node's fetch in the tests) send neither and are let through:
 * they are local programs, which could reach the loopback port anyway.
 */
import { isIP } from 'net';

export interface GuardOptions {
  /** Further host names this server may be reached by (a "." prefix allows subdomains), as webpack-dev-server's allowedHosts. */
  allowedHosts?: string[];
}

/** The host name of a Host or Origin header value, without brackets around IPv6, or undefined if unparsable. */
export function hostnameOf(value: string): string | undefined {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    const name = url.hostname.toLowerCase();
    return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  } catch {
    return undefined;
  }
}

function hostAllowedByList(hostname: string, allowed: string[]): boolean {
  return allowed.some((a) => {
    const entry = a.toLowerCase();
    return entry === hostname || (entry.startsWith('.') && (hostname === entry.slice(1) || hostname.endsWith(entry)));
  });
}

/** Whether the Host header names this server (DNS rebinding protection). */
export function validHost(host: string | undefined, options: GuardOptions = {}): boolean {
  if (!host) {
    return false;
  }
  const name = hostnameOf(host);
  if (name === undefined) {
    return false;
  }
  return name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0 || hostAllowedByList(name, options.allowedHosts ?? []);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

/** Whether an Origin header is this server's origin (scheme, host and port; loopback names are one host). */
export function sameOrigin(origin: string, host: string): boolean {
  let o: URL;
  let h: URL;
  try {
    o = new URL(origin);
    h = new URL(`http://${host}`);
  } catch {
    return false;
  }
  if (o.protocol !== 'http:' || o.port !== h.port) {
    return false;
  }
  const on = hostnameOf(o.host);
  const hn = hostnameOf(h.host);
  return on !== undefined && hn !== undefined && (on === hn || (LOOPBACK.has(on) && LOOPBACK.has(hn)));
}

export type Verdict = 'ok' | 'crossSiteNavigation' | 'refused';

/**
 * Whether a request may be answered as coming from this server's own page: 'ok'; a top-level
 * navigation from elsewhere ('crossSiteNavigation', which may only open the page itself, read-only);
 * or 'refused'.
 */
export function requestOrigin(method: string, headers: Record<string, string | string[] | undefined>): Verdict {
  const header = (name: string): string | undefined => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const site = header('sec-fetch-site');
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') {
      return 'ok';
    }
    return header('sec-fetch-mode') === 'navigate' && (method === 'GET' || method === 'HEAD') ? 'crossSiteNavigation' : 'refused';
  }
  const origin = header('origin');
  if (origin !== undefined) {
    return sameOrigin(origin, header('host') ?? '') ? 'ok' : 'refused';
  }
  return 'ok';
}

/**
 * Where a sign-in may send the browser back to: a path on this server, normalised as a browser
 * normalises it (the WHATWG URL parser drops tabs and newlines and reads `\` as `/`, which is how
 * `/\evil.example/` and `/%09/evil.example` became other hosts), or undefined when it would leave
 * the origin.
 */
export function localRedirect(to: string, origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin || !to.startsWith('/')) {
    return undefined;
  }
  const target = `${url.pathname}${url.search}${url.hash}`;
  // "//x" would be read as another host by the browser that follows the redirect.
  if (!target.startsWith('/') || target.startsWith('//') || target.includes('\\')) {
    return undefined;
  }
  return target;
}
