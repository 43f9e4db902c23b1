import { DOCUMENTS_LIST } from '../model/schema';
import type { IGoverningDocument } from '../model/types';
import type { IDocumentService } from './interfaces';
import { listOf } from './lists';
import { DOCUMENT_SHAPE, hasRequiredMetadata, toDocument } from './mapping';
import type { SPFI } from './sp';

export class DocumentService implements IDocumentService {
  constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  /** Every governing document with its metadata, sorted by title; not one whose required metadata is still missing (hasRequiredMetadata). */
  public async getDocuments(sp: SPFI = this.sp): Promise<IGoverningDocument[]> {
    const rows: Record<string, unknown>[] = await listOf(sp, DOCUMENTS_LIST, this.siteUrl)
      .items.select(...DOCUMENT_SHAPE.select)
      .expand(...DOCUMENT_SHAPE.expand)
      .top(5000)();
    return rows.filter(hasRequiredMetadata).map(toDocument).sort((a, b) => a.title.localeCompare(b.title, 'sv'));
  }
}
