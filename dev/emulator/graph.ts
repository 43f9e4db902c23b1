/**
 * A stand-in for the one Microsoft Graph request the product sends: `POST /v1.0/me/sendMail`, mail
 * from the signed-in user (learn.microsoft.com/graph/api/user-sendmail). Mail it accepts goes to an
 * outbox instead of a mail server; the dev host shows it (`/?dev=outbox`), tests read
 * `/_dev/outbox`.
 *
 * As strict as Graph where the product depends on it, each rule with its source:
 * - not signed in: 401 InvalidAuthenticationToken (learn.microsoft.com/graph/errors, 401
 *   Unauthorized; SPFx's MSGraphClientV3 always sends a token, so the product never sees it);
 * - Mail.Send not approved for the tenant's "SharePoint Online Client Extensibility Web Application
 *   Principal" (the SharePoint admin center's API access page, learn.microsoft.com/sharepoint/api-access):
 *   403 ErrorAccessDenied "Access is denied. Check credentials and try again." (the answer
 *   recorded for sendMail without Mail.Send in microsoftgraph/microsoft-graph-docs issue #10880 and
 *   AzureCAT-GSI/DevCamp issue #44; 403 in learn.microsoft.com/graph/errors). The emulator's
 *   approval is `mailSendApproved` (`/_dev/graph-consent`), on by default as after deployment step 10;
 * - a body that is not JSON, or no `message`: 400 (learn.microsoft.com/graph/errors, 400 Bad
 *   Request; sendMail requires `message`, user-sendmail "Request body");
 * - no recipient, or one without an address: 400 ErrorInvalidRecipients "At least one recipient
 *   isn't valid., A message can't be sent because it contains no recipients." (recorded in
 *   microsoftgraph/msgraph-sdk-dotnet issue #1891 and microsoftgraph/ruby-connect-rest-sample
 *   issue #15);
 * - success: 202 Accepted with no body (user-sendmail "Response");
 * - throttling (the dev server's fault rules): 429 TooManyRequests with Retry-After
 *   (learn.microsoft.com/graph/throttling).
 * Error bodies are Graph's error resource: {error: {code, message, innerError: {date,
 * request-id}}} (learn.microsoft.com/graph/errors, "Error resource type").
 */
import { randomUUID } from 'crypto';
import type { EmulatorResponse } from './http';
import type { SiteUser } from './store';

/** One mail the stand-in accepted, as a mail catcher shows it. */
export interface IOutboxMail {
  id: number;
  /** When it was accepted (ISO 8601, UTC). */
  sentAt: string;
  /** The signed-in user the mail is from (sendMail sends as /me). */
  from: { name: string; address: string };
  to: { name?: string; address: string }[];
  cc: { name?: string; address: string }[];
  subject: string;
  contentType: string;
  body: string;
  saveToSentItems: boolean;
}

/** The outbox keeps the newest mails, no more than this many. */
const OUTBOX_MAX = 1000;

export const SEND_MAIL_PATH = '/v1.0/me/sendMail';

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): EmulatorResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': randomUUID() } } })
  };
}

type Recipient = { emailAddress?: { address?: unknown; name?: unknown } };

function recipients(value: unknown): { name?: string; address: string }[] | undefined {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    return undefined;
  }
  const out: { name?: string; address: string }[] = [];
  for (const r of value as Recipient[]) {
    const address = r?.emailAddress?.address;
    if (typeof address !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(address.trim())) {
      return undefined;
    }
    const name = r.emailAddress?.name;
    out.push({ address: address.trim(), name: typeof name === 'string' ? name : undefined });
  }
  return out;
}

export class GraphStandIn {
  /** Whether an admin has approved Mail.Send for SPFx (API access page). */
  public mailSendApproved = true;
  public readonly outbox: IOutboxMail[] = [];
  private seq = 0;

  /** Handles a request to /v1.0/…; `user` is the signed-in dev user, if any. */
  public handle(method: string, pathname: string, contentType: string | undefined, body: Buffer, user: SiteUser | undefined): EmulatorResponse {
    if (!user) {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    if (pathname.toLowerCase() !== SEND_MAIL_PATH.toLowerCase()) {
      return graphError(400, 'BadRequest', `Resource not found for the segment '${pathname.split('/').pop() ?? ''}'.`);
    }
    if (method !== 'POST') {
      return graphError(405, 'Request_BadRequest', 'The HTTP method is not allowed on the resource.');
    }
    if (!this.mailSendApproved) {
      return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    }
    if (!/^application\/json(\s*;|$)/i.test(contentType ?? '')) {
      // sendMail takes JSON (application/json) or base64 MIME (text/plain); the product sends JSON.
      return graphError(400, 'ErrorInvalidRequest', 'Send the message as application/json.');
    }
    let parsed: { message?: Record<string, unknown>; saveToSentItems?: unknown };
    try {
      parsed = JSON.parse(body.toString('utf8')) as typeof parsed;
    } catch {
      return graphError(400, 'RequestBodyRead', 'The request body is not valid JSON.');
    }
    const message = parsed?.message;
    if (!message || typeof message !== 'object') {
      return graphError(400, 'ErrorInvalidRequest', "The parameter 'message' is required.");
    }
    const to = recipients(message.toRecipients);
    const cc = recipients(message.ccRecipients);
    const bcc = recipients(message.bccRecipients);
    if (!to || !cc || !bcc || to.length + cc.length + bcc.length === 0) {
      return graphError(400, 'ErrorInvalidRecipients', "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
    }
    const content = message.body as { contentType?: unknown; content?: unknown } | undefined;
    this.outbox.push({
      id: ++this.seq,
      sentAt: new Date().toISOString(),
      from: { name: user.title, address: user.email },
      to,
      cc,
      subject: typeof message.subject === 'string' ? message.subject : '',
      contentType: typeof content?.contentType === 'string' ? content.contentType : 'Text',
      body: typeof content?.content === 'string' ? content.content : '',
      // "Specify it only if the parameter is false; default is true." (user-sendmail)
      saveToSentItems: parsed.saveToSentItems !== false && parsed.saveToSentItems !== 'false'
    });
    this.outbox.splice(0, Math.max(0, this.outbox.length - OUTBOX_MAX));
    return { status: 202, headers: {}, body: '' };
  }
}
