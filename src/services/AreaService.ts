import { AREAS_LIST } from '../model/schema';
import type { IArea } from '../model/types';
import type { IAreaService } from './interfaces';
import { listOf } from './lists';
import { AREA_SHAPE, toArea } from './mapping';
import type { SessionCache } from './SessionCache';
import type { SPFI } from './sp';

export class AreaService implements IAreaService {
  constructor(private readonly sp: SPFI, private readonly siteUrl: string, private readonly cache: SessionCache) {}

  public get cached(): boolean {
    return this.cache.has('areas');
  }

  /** @param sp a batched SPFI to join a view's round trip; the answer is cached either way. */
  public getAreas(sp: SPFI = this.sp): Promise<IArea[]> {
    return this.cache.get('areas', async () => {
      const rows: Record<string, unknown>[] = await listOf(sp, AREAS_LIST, this.siteUrl)
        .items.select(...AREA_SHAPE.select)
        .expand(...AREA_SHAPE.expand)
        .orderBy('SortOrder')
        .top(500)();
      return rows.map(toArea).sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title, 'sv'));
    });
  }
}
