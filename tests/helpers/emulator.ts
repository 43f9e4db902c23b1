/**
 * Test helpers: an emulator on a random port with fresh sample content in memory, and the
 * product's own PnPjs services signed in as a dev user, over real HTTP.
 */
import type { SPFI } from '@pnp/sp';
import { startDevServer, DevServer, DevServerOptions } from '../../dev/server';
import type { ISharePointServices } from '../../src/services';
import type { submitWithRetry } from '../../src/components/ReportForm/submitWithRetry';

export type DevUser = 'anna' | 'johan' | 'erik' | 'maria' | 'nils';

export function startEmulator(options: DevServerOptions = {}): Promise<DevServer> {
  return startDevServer({ quiet: true, ...options });
}

export interface IUserSession {
  sp: SPFI;
  services: ISharePointServices;
  /** This session's PnPjs retry notices (see src/services/sp.ts). */
  onRetry: (listener: (attempt: number, status: string) => void) => () => void;
  /** The report form's own retry, from this session's copy of the modules (its errors are this copy's). */
  submitWithRetry: typeof submitWithRetry;
}

/**
 * The product's SPFI and services for one user. PnPjs caches request digests per web URL in module
 * state, as a browser tab with one signed-in user would; each test user therefore gets a fresh
 * copy of the modules.
 */
export function sessionFor(server: DevServer, user: DevUser): IUserSession {
  let session: IUserSession | undefined;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-var-requires */
    const { createSp, onRetry } = require('../../src/services/sp');
    const { createServices, SessionCache } = require('../../src/services');
    const { InjectHeaders } = require('@pnp/queryable');
    const { devSpfxContext } = require('../../dev/host/context');
    const { devGraphClient } = require('../../dev/host/graph');
    const retry = require('../../src/components/ReportForm/submitWithRetry');
    /* eslint-enable @typescript-eslint/no-var-requires */
    // Node's fetch has no cookie jar: send the dev host's sign-in cookie on every request.
    const cookie = { Cookie: `sakerhet-user=${user}` };
    const sp: SPFI = createSp(devSpfxContext(server.url), InjectHeaders(cookie));
    // Graph as the dev host wires it: the emulator's stand-in, mail linking to the app's page.
    const notify = { graph: async () => devGraphClient(server.url, cookie), reportLink: (id: number) => `${server.url}/#/rapport/${id}` };
    session = { sp, services: createServices(sp, '/sites/sakerhet', new SessionCache(), notify), onRetry, submitWithRetry: retry.submitWithRetry };
  });
  return session!;
}

/** A raw REST call as a user, for checking SharePoint's exact request and response shapes. */
export async function rest(
  server: DevServer,
  user: DevUser | undefined,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; digest?: boolean } = {}
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(init.headers ?? {}) };
  if (user) {
    headers.Cookie = `sakerhet-user=${user}`;
  }
  if (init.digest && user) {
    const ctx = await fetch(`${server.url}/sites/sakerhet/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json', Cookie: `sakerhet-user=${user}` } });
    headers['X-RequestDigest'] = (await ctx.json()).FormDigestValue;
  }
  const url = path.startsWith('http') ? path : `${server.url}/sites/sakerhet/_api/${path}`;
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}
