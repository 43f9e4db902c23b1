/**
 * The e-mails the product sends, composed from the strings of the site's language: what an area's
 * owners get when a named report is stored, and what a reporter gets when her named report is
 * closed. They carry the area, the event type, the severity and a link – never the report's text,
 * place, people or analysis, which stay in SharePoint behind its permissions.
 *
 * The message is Microsoft Graph's `message` resource as `POST /me/sendMail` takes it
 * (learn.microsoft.com/graph/api/user-sendmail: `message` with `subject`, `body` {contentType,
 * content} and `toRecipients` [{emailAddress: {address, name}}]). The body is plain text
 * (contentType "Text"): list text written by people goes into it, and text is never HTML.
 */
import { label } from '../components/common/labels';
import { format, type IStrings } from '../loc';
import type { IArea, IIncident, IPerson } from '../model/types';

export interface IGraphRecipient {
  emailAddress: { address: string; name?: string };
}

/** Graph's `message` as sendMail takes it (the parts the product sets). */
export interface IGraphMessage {
  subject: string;
  body: { contentType: 'Text'; content: string };
  toRecipients: IGraphRecipient[];
}

/** The facts a notification may carry: nothing else of the report. */
interface IMailFacts {
  area: string;
  eventType: string;
  severity: string;
  reportNumber: number;
  link: string;
}

function factsOf(strings: IStrings, report: IIncident, area: IArea | undefined, link: string): IMailFacts {
  return {
    area: area?.title ?? '',
    eventType: label(strings, 'eventType', report.eventType),
    severity: label(strings, 'severity', report.severity),
    reportNumber: report.id,
    link
  };
}

function toRecipients(people: IPerson[]): IGraphRecipient[] {
  return people.map((p) => ({ emailAddress: { address: p.email!, name: p.displayName || undefined } }));
}

/** To the area's owners: a named report was stored. */
export function storedMail(strings: IStrings, report: IIncident, area: IArea | undefined, link: string, to: IPerson[]): IGraphMessage {
  const f = factsOf(strings, report, area, link);
  return {
    subject: format(strings.mailStoredSubject, f.area, f.eventType, f.severity),
    body: { contentType: 'Text', content: format(strings.mailStoredBody, f.area, f.eventType, f.severity, f.reportNumber, f.link) },
    toRecipients: toRecipients(to)
  };
}

/** To the reporter: her named report was closed. */
export function closedMail(strings: IStrings, report: IIncident, area: IArea | undefined, link: string, to: IPerson[]): IGraphMessage {
  const f = factsOf(strings, report, area, link);
  return {
    subject: format(strings.mailClosedSubject, f.reportNumber),
    body: { contentType: 'Text', content: format(strings.mailClosedBody, f.area, f.eventType, f.severity, f.reportNumber, f.link) },
    toRecipients: toRecipients(to)
  };
}

/**
 * The people a mail goes to: those with an e-mail address (SharePoint's User.EMail, as the
 * people fields' EMail gives it), each address once (case-insensitive), never the sender herself.
 */
export function recipientsOf(people: (IPerson | undefined)[], sender: { email: string }): IPerson[] {
  const seen = new Set<string>([sender.email.trim().toLowerCase()].filter(Boolean));
  const out: IPerson[] = [];
  for (const p of people) {
    const address = p?.email?.trim();
    if (!p || !address || seen.has(address.toLowerCase())) {
      continue;
    }
    seen.add(address.toLowerCase());
    out.push({ ...p, email: address });
  }
  return out;
}
