/**
 * What SPFx's MSGraphClientV3 is to a web part, for the dev host and the tests: `api(path).post(body)`
 * against the emulator's Graph stand-in (dev/emulator/graph.ts) at `<origin>/v1.0`, signed in by the
 * dev host's cookie instead of a token. It behaves as the Graph JavaScript client v3 that
 * MSGraphClientV3 wraps (sp-dev-docs, use-msgraph.md), so the product's code sees the same things:
 * - an error answer rejects with `statusCode` and Graph's error `code` (its GraphError); no answer
 *   rejects with statusCode -1;
 * - 429, 503 and 504 are tried again after Retry-After (or 3 s), at most 3 times, as its default
 *   RetryHandler does (msgraph-sdk-javascript, RetryHandlerOptions: DEFAULT_DELAY 3,
 *   DEFAULT_MAX_RETRIES 3).
 */
import type { IGraphClient } from '../../src/services/interfaces';

const RETRY_STATUSES = [429, 503, 504];
const MAX_RETRIES = 3;
const DEFAULT_DELAY_SECONDS = 3;

export interface IGraphClientError extends Error {
  statusCode: number;
  code: string;
}

function graphClientError(statusCode: number, code: string, message: string): IGraphClientError {
  return Object.assign(new Error(message), { statusCode, code });
}

/**
 * @param origin the dev server, e.g. http://localhost:8080
 * @param headers sent with every request (tests in Node send the sign-in cookie; a browser has it)
 */
export function devGraphClient(origin: string, headers: Record<string, string> = {}, fetchFn: typeof fetch = (...args) => fetch(...args)): IGraphClient {
  return {
    api: (path: string) => ({
      post: async (content: unknown): Promise<unknown> => {
        for (let attempt = 0; ; attempt++) {
          let res: Response;
          try {
            res = await fetchFn(`${origin}/v1.0${path}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', ...headers },
              body: JSON.stringify(content),
              credentials: 'same-origin'
            });
          } catch (err) {
            throw graphClientError(-1, 'NetworkError', (err as Error).message);
          }
          if (res.ok) {
            return undefined;
          }
          if (RETRY_STATUSES.includes(res.status) && attempt < MAX_RETRIES) {
            const header = res.headers.get('Retry-After');
            const seconds = header === null ? NaN : Number(header);
            await new Promise((resolve) => setTimeout(resolve, 1000 * (Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_DELAY_SECONDS)));
            continue;
          }
          const body = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
          throw graphClientError(res.status, body?.error?.code ?? String(res.status), body?.error?.message ?? res.statusText);
        }
      }
    })
  };
}
