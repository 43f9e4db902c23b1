/**
 * The dev host's outbox (`/?dev=outbox`): the mail the app sent through the emulator's Graph
 * stand-in (POST /v1.0/me/sendMail), newest first, as a mail catcher shows it, and the switch
 * for the API access page's approval of Mail.Send (off: the stand-in answers 403). Part of the dev
 * host only, never of the product.
 */
import * as React from 'react';
import type { IOutboxMail } from '../emulator/graph';

export function Outbox(): JSX.Element {
  const [mails, setMails] = React.useState<IOutboxMail[] | undefined>();
  const [approved, setApproved] = React.useState<boolean | undefined>();
  const [error, setError] = React.useState<string | undefined>();

  const load = React.useCallback(async (): Promise<void> => {
    try {
      const [outbox, consent] = await Promise.all([fetch('/_dev/outbox').then((r) => r.json()), fetch('/_dev/graph-consent').then((r) => r.json())]);
      setMails(outbox as IOutboxMail[]);
      setApproved((consent as { mailSendApproved: boolean }).mailSendApproved);
      setError(undefined);
    } catch (err) {
      setError(`Utkorgen kunde inte läsas: ${(err as Error).message}`);
    }
  }, []);
  React.useEffect(() => {
    load().catch(() => undefined);
  }, [load]);

  const setConsent = async (value: boolean): Promise<void> => {
    await fetch('/_dev/graph-consent', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mailSendApproved: value }) });
    await load();
  };
  const clear = async (): Promise<void> => {
    await fetch('/_dev/outbox', { method: 'DELETE' });
    await load();
  };

  return (
    <main className="dev-outbox" aria-labelledby="outbox-title">
      <h1 id="outbox-title" tabIndex={-1}>
        Utkorg – e-post via Microsoft Graph (lokal ersättare)
      </h1>
      <p>
        Det appen skickat med <code>POST /v1.0/me/sendMail</code> som den inloggade användaren. Inget lämnar datorn. <a href="/">Till appen</a>
      </p>
      <p>
        <label>
          <input type="checkbox" checked={approved ?? false} disabled={approved === undefined} onChange={(e) => setConsent(e.target.checked).catch(() => undefined)} /> Mail.Send godkänt på sidan API-åtkomst (av: Graph svarar 403)
        </label>{' '}
        <button type="button" onClick={() => load().catch(() => undefined)}>
          Läs om
        </button>{' '}
        <button type="button" onClick={() => clear().catch(() => undefined)}>
          Töm utkorgen
        </button>
      </p>
      <div role="status">{error ?? (mails ? `${mails.length} meddelanden` : 'Hämtar…')}</div>
      {mails && mails.length > 0 && (
        <ol className="dev-outbox__list" reversed>
          {[...mails].reverse().map((m) => (
            <li key={m.id} className="dev-outbox__mail" data-mail-id={m.id}>
              <h2>{m.subject || '(inget ämne)'}</h2>
              <dl>
                <dt>Från</dt>
                <dd>
                  {m.from.name} &lt;{m.from.address}&gt;
                </dd>
                <dt>Till</dt>
                <dd>{m.to.map((t) => (t.name ? `${t.name} <${t.address}>` : t.address)).join(', ')}</dd>
                <dt>Skickat</dt>
                <dd>{m.sentAt}</dd>
              </dl>
              <pre className="dev-outbox__body">{m.body}</pre>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
