/** What every endpoint of the emulator is handed: the site's data, who asks, and how. */
import type { ReadContext } from './fields';
import type { EmulatorRequest } from './http';
import type { SiteUser, Store } from './store';

export interface Call {
  store: Store;
  /** Server-relative URL of the site, e.g. /sites/sakerhet. */
  siteUrl: string;
  user: SiteUser;
  req: EmulatorRequest;
  /** The effective method (X-HTTP-Method applied). */
  method: string;
  read: ReadContext;
}
