/**
 * Notifications in the browser: a report Anna sends from the form reaches the area's owner, Erik,
 * through the Graph stand-in's outbox, which the dev host shows; when Mail.Send is not approved the
 * report is stored all the same and Anna is told nothing about mail.
 */
import type { Browser, Page } from 'playwright-core';
import type { DevServer } from '../../dev/server';
import { contextFor, launch, main, open, pageErrors, startServer } from './browser';

jest.setTimeout(60000);

let browser: Browser;
let server: DevServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function fileReport(page: Page, title: string): Promise<void> {
  await main(page).getByRole('heading', { name: 'Rapportera händelse', level: 2 }).waitFor();
  await main(page).getByLabel('Avvikelse', { exact: true }).check();
  await main(page).getByLabel('Rubrik').fill(title);
  await main(page).getByLabel('Plats').fill('Medicinavdelning 3, läkemedelsrummet');
  await main(page).getByLabel('Vad hände?').fill('Två förpackningar med liknande namn stod bredvid varandra i hyllan.');
  await main(page).getByLabel('Allvarlig', { exact: true }).check();
  await main(page).getByRole('button', { name: 'Skicka rapporten' }).click();
  await main(page).getByRole('heading', { name: 'Tack! Din rapport är registrerad' }).waitFor();
}

/** The outbox once it holds `count` mails (the mail goes after the receipt, on its own). */
async function outboxOf(count: number): Promise<DevServer['graph']['outbox']> {
  for (let i = 0; i < 100 && server.graph.outbox.length < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return server.graph.outbox;
}

describe('a report by Anna in patientsäkerhet', () => {
  it('is mailed to Erik, the area owner, and shows in the dev host’s outbox', async () => {
    server.graph.outbox.length = 0;
    const context = await contextFor(browser, server, 'anna');
    const page = await open(context, server, '/#/rapportera/patientsakerhet');
    await fileReport(page, 'Förväxlade läkemedelsförpackningar');
    const stored = [...server.store.list('incidents').items.values()].find((i) => i.fields.Title === 'Förväxlade läkemedelsförpackningar')!;
    const outbox = await outboxOf(1);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      from: { address: 'anna.lind@region.example' },
      to: [{ address: 'erik.holm@region.example', name: 'Erik Holm' }],
      subject: 'Ny rapport i Patientsäkerhet: Avvikelse, Allvarlig'
    });
    expect(outbox[0].body).toContain(`${server.url}/#/rapport/${stored.id}`);
    expect(outbox[0].body).not.toContain('Förväxlade');
    expect(pageErrors(page)).toEqual([]);

    // The dev host's outbox page lists it.
    const box = await open(context, server, '/?dev=outbox');
    const mail = box.getByRole('listitem').filter({ hasText: 'Ny rapport i Patientsäkerhet: Avvikelse, Allvarlig' });
    await mail.getByText('Erik Holm <erik.holm@region.example>').waitFor();
    await mail.getByText('Anna Lind <anna.lind@region.example>').waitFor();
    expect(pageErrors(box)).toEqual([]);
    await context.close();
  });

  it('closed by Erik, is mailed to Anna from Erik; refused, Erik gets a quiet note and the report is closed', async () => {
    for (const approved of [true, false]) {
      const { graph } = server;
      graph.outbox.length = 0;
      graph.mailSendApproved = approved;
      try {
        const title = approved ? 'Trasig sänggrind' : 'Trasig rullstolsbroms';
        const anna = await contextFor(browser, server, 'anna');
        await fileReport(await open(anna, server, '/#/rapportera/patientsakerhet'), title);
        await anna.close();
        await outboxOf(1);
        graph.outbox.length = 0;
        const stored = [...server.store.list('incidents').items.values()].find((i) => i.fields.Title === title)!;
        const erik = await contextFor(browser, server, 'erik');
        const page = await open(erik, server, `/#/rapport/${stored.id}`);
        await main(page).getByLabel('Status').selectOption('closed');
        await main(page).getByRole('button', { name: 'Spara handläggningen' }).click();
        await main(page).getByText('Handläggningen är sparad.').waitFor();
        expect(server.store.list('incidents').items.get(stored.id)!.fields.Status).toBe('Avslutad');
        const note = main(page).getByText('Rapportören kunde inte få ett e-postmeddelande om att rapporten är avslutad. Meddela gärna rapportören på annat sätt.');
        if (approved) {
          const outbox = await outboxOf(1);
          expect(outbox.map((m) => [m.from.address, m.to.map((t) => t.address), m.subject])).toEqual([['erik.holm@region.example', ['anna.lind@region.example'], `Din rapport ${stored.id} är avslutad`]]);
          expect(await note.count()).toBe(0);
          expect(pageErrors(page)).toEqual([]);
        } else {
          await note.waitFor();
          expect(graph.outbox).toEqual([]);
          expect(pageErrors(page).filter((e) => !/status of 403/.test(e))).toEqual([]);
        }
        await erik.close();
      } finally {
        graph.mailSendApproved = true;
      }
    }
  });

  it('is stored when Mail.Send is not approved, with nothing said to Anna about mail', async () => {
    const graph = server.graph;
    graph.outbox.length = 0;
    graph.mailSendApproved = false;
    try {
      const context = await contextFor(browser, server, 'anna');
      const page = await open(context, server, '/#/rapportera/patientsakerhet');
      const refused = page.waitForResponse((r) => r.url().endsWith('/v1.0/me/sendMail'));
      await fileReport(page, 'Läckande kran i sköljrummet');
      expect((await refused).status()).toBe(403);
      expect([...server.store.list('incidents').items.values()].some((i) => i.fields.Title === 'Läckande kran i sköljrummet')).toBe(true);
      await main(page).getByText('Ny', { exact: true }).waitFor();
      expect(await main(page).getByText(/e-post/i).count()).toBe(0);
      expect(server.graph.outbox).toEqual([]);
      // Chromium reports the refused request itself in the console; nothing else went wrong.
      expect(pageErrors(page).filter((e) => !/status of 403/.test(e))).toEqual([]);
      await context.close();
    } finally {
      graph.mailSendApproved = true;
    }
  });
});
