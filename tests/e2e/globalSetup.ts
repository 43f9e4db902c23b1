/** Builds the dev host page once for all browser tests. */
import { buildHost } from '../../dev/build-host';

export default async function globalSetup(): Promise<void> {
  await buildHost();
}
