/**
 * The user's key for the report drafts kept on her device (components/ReportForm/draftVault.ts),
 * in Utkastnycklar: one item per user, under item-level security, so that nobody else on a shared
 * computer can read it (model/schema.ts, DRAFT_KEYS_LIST).
 */
import { DRAFT_KEYS_LIST } from '../model/schema';
import { toServiceError } from './errors';
import type { ICurrentUser, IDraftKeyService } from './interfaces';
import { listOf } from './lists';
import type { SPFI } from './sp';

type Raw = Record<string, unknown>;

/** 32 random bytes as base64: an AES-256 key. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...Array.from(bytes)));
}

export class DraftKeyService implements IDraftKeyService {
  constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  private list(): ReturnType<typeof listOf> {
    return listOf(this.sp, DRAFT_KEYS_LIST, this.siteUrl);
  }

  /** The user's own key items, lowest ID first (AuthorId is indexed: the list grows with the staff). */
  private async own(me: ICurrentUser): Promise<Raw[]> {
    return this.list().items.select('Id', 'Title').filter(`AuthorId eq ${Number(me.id)}`).orderBy('Id', true).top(2)();
  }

  /**
   * The user's draft key (base64, 32 bytes), made on first use. Two tabs making one at once both
   * end with the lowest ID's, so a draft written in either can be read in both.
   * @throws ServiceError when SharePoint cannot be asked or refuses (e.g. the list is missing)
   */
  public async getKey(me: ICurrentUser): Promise<string> {
    try {
      let rows = await this.own(me);
      if (!rows.length) {
        await this.list().items.add({ Title: newSecret() });
        rows = await this.own(me);
      }
      const secret = rows.length ? rows[0].Title : undefined;
      if (typeof secret !== 'string' || !secret) {
        throw new Error('No draft key was stored.');
      }
      return secret;
    } catch (err) {
      throw toServiceError(err);
    }
  }
}
