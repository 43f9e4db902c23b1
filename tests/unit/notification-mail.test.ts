/**
 * The e-mails' composition, in Swedish and English: exactly area, event type, severity, the report's
 * number and its link – nothing of the report's text – as Graph's sendMail message
 * (learn.microsoft.com/graph/api/user-sendmail), and who it goes to.
 */
import svSE from '../../src/loc/sv-se';
import enUS from '../../src/loc/en-us';
import type { IArea, IIncident } from '../../src/model/types';
import { closedMail, recipientsOf, storedMail } from '../../src/services/notificationMail';
import { reportLinks } from '../../src/services/reportLinks';
import { areaHandlers } from '../../src/services/NotificationService';

const area = { id: 3, key: 'patientsakerhet', title: 'Patientsäkerhet' } as IArea;
const report = {
  id: 42,
  areaId: 3,
  reportId: 'a1',
  title: 'Fel dos till fel patient',
  description: 'Patienten på sal 4 fick en dubbel dos.',
  location: 'Sal 4',
  analysis: 'Ordinationen lästes fel.',
  eventType: 'nearMiss',
  severity: 'critical',
  anonymous: false
} as IIncident;
const link = 'https://region.sharepoint.com/sites/sakerhet/SitePages/Sakerhet.aspx#/rapport/42';
const erik = { id: 7, displayName: 'Erik Holm', email: 'erik.holm@region.example' };
const anna = { id: 5, displayName: 'Anna Lind', email: 'anna.lind@region.example' };

describe('the mail to the area owners when a report is stored', () => {
  it('in Swedish', () => {
    expect(storedMail(svSE, report, area, link, [erik])).toEqual({
      subject: 'Ny rapport i Patientsäkerhet: Tillbud, Mycket allvarlig',
      body: {
        contentType: 'Text',
        content:
          'En ny rapport har kommit in i området Patientsäkerhet.\n\nHändelsetyp: Tillbud\nAllvarlighetsgrad: Mycket allvarlig\n\n' +
          `Öppna rapport 42 i Säkerhet: ${link}\n\n` +
          'Du får meddelandet som ansvarig för området. Det skickades från rapportörens konto när rapporten sparades. Skriv inte om händelsen i e-post; allt finns i rapporten.'
      },
      toRecipients: [{ emailAddress: { address: 'erik.holm@region.example', name: 'Erik Holm' } }]
    });
  });

  it('in English', () => {
    const mail = storedMail(enUS, report, area, link, [erik]);
    expect(mail.subject).toBe('New report in Patientsäkerhet: Near miss, Very serious');
    expect(mail.body.content).toBe(
      'A new report has arrived in the area Patientsäkerhet.\n\nEvent type: Near miss\nSeverity: Very serious\n\n' +
        `Open report 42 in Säkerhet: ${link}\n\n` +
        "You receive this as an owner of the area. It was sent from the reporter's account when the report was saved. Do not write about the event in e-mail; everything is in the report."
    );
  });

  it('carries nothing of what the reporter wrote, nor the analysis', () => {
    for (const strings of [svSE, enUS]) {
      const mail = storedMail(strings, report, area, link, [erik]);
      const text = `${mail.subject}\n${mail.body.content}`;
      for (const secret of [report.title, report.description, report.location, report.analysis]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});

describe('the mail to the reporter when her report is closed', () => {
  it('in Swedish', () => {
    const mail = closedMail(svSE, report, area, link, [anna]);
    expect(mail.subject).toBe('Din rapport 42 är avslutad');
    expect(mail.body.content).toBe(
      `Din rapport i området Patientsäkerhet (Tillbud, Mycket allvarlig) är avslutad.\n\nSe rapport 42 i Säkerhet: ${link}\n\nMeddelandet skickades från områdesansvariges konto när rapporten avslutades.`
    );
    expect(mail.toRecipients).toEqual([{ emailAddress: { address: 'anna.lind@region.example', name: 'Anna Lind' } }]);
  });

  it('in English', () => {
    const mail = closedMail(enUS, report, area, link, [anna]);
    expect(mail.subject).toBe('Your report 42 is closed');
    expect(mail.body.content).toBe(
      `Your report in the area Patientsäkerhet (Near miss, Very serious) is closed.\n\nSee report 42 in Säkerhet: ${link}\n\nThis was sent from the area owner's account when the report was closed.`
    );
  });
});

describe('recipients', () => {
  it('are the people with an address, each once whatever its case, never the sender', () => {
    const noMail = { id: 9, displayName: 'Utan adress' };
    const erikAgain = { id: 7, displayName: 'Erik Holm', email: ' Erik.Holm@region.example ' };
    expect(recipientsOf([erik, undefined, noMail, erikAgain, anna], anna)).toEqual([erik]);
    expect(recipientsOf([anna], anna)).toEqual([]);
  });

  it("of a new report are the area's owner and its deputy (Ställföreträdare), each once", () => {
    const sara = { id: 12, displayName: 'Sara Wikström', email: 'sara.wikstrom@region.example' };
    expect(recipientsOf(areaHandlers({ ...area, owner: erik, deputy: sara }), anna)).toEqual([erik, sara]);
    expect(recipientsOf(areaHandlers({ ...area, owner: erik }), anna)).toEqual([erik]);
    expect(recipientsOf(areaHandlers({ ...area, deputy: sara }), anna)).toEqual([sara]);
    // The same person in both fields gets one mail; a deputy who reports is not mailed herself.
    expect(recipientsOf(areaHandlers({ ...area, owner: erik, deputy: erik }), anna)).toEqual([erik]);
    expect(recipientsOf(areaHandlers({ ...area, owner: erik, deputy: sara }), sara)).toEqual([erik]);
    expect(areaHandlers(undefined)).toEqual([]);
  });
});

describe('the link in the mail', () => {
  it("is the app's page when known, else SharePoint's list form for the item", () => {
    expect(reportLinks('https://region.sharepoint.com/sites/sakerhet/', 'Lists/Handelser')(42)).toBe('https://region.sharepoint.com/sites/sakerhet/Lists/Handelser/DispForm.aspx?ID=42');
    expect(reportLinks('https://region.sharepoint.com/sites/sakerhet', 'Lists/Handelser', 'https://region.sharepoint.com/sites/sakerhet/SitePages/Sakerhet.aspx')(7)).toBe(
      'https://region.sharepoint.com/sites/sakerhet/SitePages/Sakerhet.aspx#/rapport/7'
    );
  });
});
