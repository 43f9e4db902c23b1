/**
 * A report draft on a shared ward computer: kept in the browser (it survives a closed tab, a
 * reload, a crash and an outage), but only as ciphertext – AES-GCM (Web Crypto) under the user's
 * own key, which lives in SharePoint where only she can read it (services/DraftKeyService.ts,
 * list Utkastnycklar under item-level security). The next person who signs in on that browser
 * finds an unreadable blob, and the app cannot open it for her: her key is another. The draft is
 * removed from the device when the report is sent or the draft discarded.
 *
 * Web Crypto needs a secure context (https, or localhost): SharePoint and Teams are. Where it is
 * missing, or the key cannot be had, there is no vault and the form keeps the draft in memory only.
 */
import type { IReportDraft } from './validation';

/** 2: encrypted. 1 was the plain-text draft of earlier versions (migrated, then removed). */
const VERSION = 2;

export function draftKey(userId: number): string {
  return `sakerhet:report-draft:${userId}`;
}

export interface IStoredDraft {
  savedAt: string;
  draft: IReportDraft;
}

export interface IDraftVault {
  /** The user's stored draft, if there is one this key opens. */
  read(): Promise<IStoredDraft | undefined>;
  /** Stores the draft (the latest of quick successive calls), encrypted. Never throws. */
  write(draft: IReportDraft): void;
  /** Removes the draft from the device, and any write still on its way. */
  clear(): void;
  /** Settles when every write asked for so far has been stored (or given up). */
  settled(): Promise<void>;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage can be blocked (private mode, strict Teams mobile settings): keep working without it.
    return undefined;
  }
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  bytes.forEach((b) => (s += String.fromCharCode(b)));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/**
 * Removes plain-text drafts of earlier versions from the device – other users' too: a half-written
 * report readable by whoever comes next is what this module exists to prevent. Returns the user's
 * own, to be stored again encrypted.
 */
function takeLegacyDrafts(store: Storage, userId: number): IStoredDraft | undefined {
  let own: IStoredDraft | undefined;
  for (let i = store.length - 1; i >= 0; i--) {
    const name = store.key(i);
    if (!name || !name.startsWith('sakerhet:report-draft:')) {
      continue;
    }
    try {
      const parsed = JSON.parse(store.getItem(name) ?? '') as { version?: number; savedAt?: string; draft?: IReportDraft };
      if (parsed.version === VERSION) {
        continue;
      }
      if (name === draftKey(userId) && parsed.draft && typeof parsed.draft.reportId === 'string') {
        own = { savedAt: String(parsed.savedAt), draft: parsed.draft };
      }
    } catch {
      // Unreadable: nothing to keep.
    }
    store.removeItem(name);
  }
  return own;
}

/**
 * Opens the user's vault with her key (base64, 32 bytes).
 * @returns undefined where the browser can neither store nor encrypt (the form then keeps the
 * draft in memory only)
 */
export async function openDraftVault(secret: string, userId: number): Promise<IDraftVault | undefined> {
  const store = storage();
  const subtle = typeof crypto !== 'undefined' ? crypto.subtle : undefined;
  if (!store || !subtle) {
    return undefined;
  }
  let key: CryptoKey;
  try {
    key = await subtle.importKey('raw', fromBase64(secret), 'AES-GCM', false, ['encrypt', 'decrypt']);
  } catch {
    return undefined;
  }
  const name = draftKey(userId);
  // Binds the ciphertext to its slot: a blob copied to another user's slot does not open.
  const context = new TextEncoder().encode(name);
  const legacy = takeLegacyDrafts(store, userId);

  let generation = 0;
  let latest: { draft: IReportDraft; gen: number } | undefined;
  let running: Promise<void> = Promise.resolve();

  const encryptAndStore = async (draft: IReportDraft, gen: number): Promise<void> => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = new TextEncoder().encode(JSON.stringify({ savedAt: new Date().toISOString(), draft }));
    const data = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: context }, key, plain));
    if (gen === generation) {
      store.setItem(name, JSON.stringify({ version: VERSION, iv: toBase64(iv), data: toBase64(data) }));
    }
  };

  const vault: IDraftVault = {
    async read() {
      if (legacy) {
        return legacy;
      }
      try {
        const stored = JSON.parse(store.getItem(name) ?? '') as { version?: number; iv?: string; data?: string };
        if (stored.version !== VERSION || typeof stored.iv !== 'string' || typeof stored.data !== 'string') {
          return undefined;
        }
        const plain = await subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(stored.iv), additionalData: context }, key, fromBase64(stored.data));
        const parsed = JSON.parse(new TextDecoder().decode(plain)) as IStoredDraft;
        return parsed.draft && typeof parsed.draft.reportId === 'string' ? parsed : undefined;
      } catch {
        // Nothing stored, or not with this key (another key, a damaged blob): nothing to restore.
        return undefined;
      }
    },
    write(draft) {
      latest = { draft, gen: generation };
      running = running.then(async () => {
        const next = latest;
        latest = undefined;
        if (next && next.gen === generation) {
          try {
            await encryptAndStore(next.draft, next.gen);
          } catch {
            // A full or blocked storage must not stop the user from sending the report.
          }
        }
      });
    },
    clear() {
      generation += 1;
      latest = undefined;
      store.removeItem(name);
    },
    settled: () => running
  };
  if (legacy) {
    vault.write(legacy.draft);
  }
  return vault;
}
