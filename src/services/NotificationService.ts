/**
 * Notifications by e-mail through Microsoft Graph. SharePoint's own ways are gone: the REST
 * SendEmail API (SP.Utilities.Utility.SendEmail) was retired on 31 October 2025 and SharePoint
 * alerts stop in 2026 (Microsoft's retirement notices, as tracked in pnp/pnpjs issue #3195 and
 * pnp/cli-microsoft365 issues #6576 and #6865). What an SPFx solution has is MSGraphClientV3
 * (`context.msGraphClientFactory.getClient('3')`, sp-dev-docs "Use the MSGraphClientV3 to connect
 * to Microsoft Graph", docs/spfx/use-msgraph.md) with the delegated permission Mail.Send that
 * config/package-solution.json requests (`webApiPermissionRequests`) and an admin approves on the
 * SharePoint admin center's API access page (learn.microsoft.com/sharepoint/api-access). The mail
 * is sent as the signed-in user: `POST /me/sendMail`, answered 202 Accepted with no body
 * (learn.microsoft.com/graph/api/user-sendmail).
 *
 * Because the sender is the signed-in user, a mail about an anonymous report would name its
 * reporter to the owner (as the sender) or put the owner's mail in the reporter's mailbox: for
 * anonymous reports nothing is sent. The queue's "new since my last visit" and Mina rapporter's
 * "changed since my last visit" tell them instead.
 *
 * Nothing here ever fails a report: every call resolves with an outcome. A mail is tried once –
 * Graph's JavaScript client already waits out 429 and 503 with Retry-After (its RetryHandler) –
 * and never again from here, since a lost answer may mean the mail went out.
 */
import type { IStrings } from '../loc';
import type { IArea, IIncident } from '../model/types';
import type { ICurrentUser, IGraphClient, INotificationResult, INotificationService } from './interfaces';
import { closedMail, recipientsOf, storedMail, type IGraphMessage } from './notificationMail';

/** Graph's sendMail for the signed-in user (learn.microsoft.com/graph/api/user-sendmail). */
export const SEND_MAIL_PATH = '/me/sendMail';

export interface INotificationOptions {
  /**
   * The Graph client, when the host has one: in SPFx `() => context.msGraphClientFactory.getClient('3')`
   * (the Graph library loads only when the first mail is sent). Without it, nothing is sent.
   */
  graph?: () => Promise<IGraphClient>;
  /** The strings of the site's language: the mail is written in the language of the lists. */
  strings: () => Promise<IStrings>;
  /** The address of a report in the app, for the mail's link. */
  reportLink: (id: number) => string;
}

export class NotificationService implements INotificationService {
  /** What this page has sent or tried to send: never twice (see the keys below). */
  private readonly tried = new Set<string>();

  constructor(
    private readonly areas: () => Promise<IArea[]>,
    private readonly currentUser: () => Promise<ICurrentUser>,
    private readonly options: INotificationOptions
  ) {}

  public async reportStored(report: IIncident): Promise<INotificationResult> {
    if (report.anonymous) {
      return { outcome: 'anonymous', recipients: 0 };
    }
    return this.once(`stored:${report.reportId.toLowerCase()}`, async (strings, me) => {
      const area = (await this.areas()).find((a) => a.id === report.areaId);
      const to = recipientsOf(areaHandlers(area), me);
      return to.length ? storedMail(strings, report, area, this.options.reportLink(report.id), to) : undefined;
    });
  }

  public async reportClosed(report: IIncident): Promise<INotificationResult> {
    if (report.anonymous) {
      return { outcome: 'anonymous', recipients: 0 };
    }
    return this.once(`closed:${report.id}:${report.closedAt?.toISOString() ?? ''}`, async (strings, me) => {
      const area = (await this.areas()).find((a) => a.id === report.areaId);
      const to = recipientsOf([report.reporter], me);
      return to.length ? closedMail(strings, report, area, this.options.reportLink(report.id), to) : undefined;
    });
  }

  /**
   * Sends the mail `compose` makes, once per key and page: the key is taken before anything is
   * asked, so a second call while the first is under way is a duplicate too.
   */
  private async once(key: string, compose: (strings: IStrings, me: ICurrentUser) => Promise<IGraphMessage | undefined>): Promise<INotificationResult> {
    if (this.tried.has(key)) {
      return { outcome: 'duplicate', recipients: 0 };
    }
    this.tried.add(key);
    if (!this.options.graph) {
      return { outcome: 'unavailable', recipients: 0 };
    }
    let message: IGraphMessage | undefined;
    try {
      message = await compose(await this.options.strings(), await this.currentUser());
    } catch {
      // The areas or the user could not be read: the report stands; nothing is sent.
      return { outcome: 'failed', recipients: 0 };
    }
    if (!message) {
      return { outcome: 'noRecipient', recipients: 0 };
    }
    try {
      const client = await this.options.graph();
      await client.api(SEND_MAIL_PATH).post({ message });
      return { outcome: 'sent', recipients: message.toRecipients.length };
    } catch (err) {
      const status = graphStatus(err);
      // 403: the admin has not approved Mail.Send, or the sender has no mailbox (Graph's
      // "Access is denied", learn.microsoft.com/graph/errors).
      return { outcome: status === 403 ? 'notApproved' : 'failed', recipients: 0, status };
    }
  }
}

/**
 * Who handles an area's reports and gets its mail: its owner (Områdesansvarig) and its deputy
 * (Ställföreträdare), who handles them too (src/model/scope.ts), as the area list gives them to
 * everyone who may read the list – the staff member's browser learns nothing it could not already
 * read there. One mail to both; recipientsOf drops an empty field, a repeated address and the sender.
 */
export function areaHandlers(area: IArea | undefined): IArea['owner'][] {
  return area ? [area.owner, area.deputy] : [];
}

/** The HTTP status of a Graph client error (GraphError.statusCode; -1 when no answer came). */
function graphStatus(err: unknown): number | undefined {
  const code = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' && code > 0 ? code : undefined;
}
