/**
 * The app's view of the Teams SDK must be what SPFx hands over: the real @microsoft/teams-js (v2)
 * module fits the interface. Checked by the compiler; the app itself only imports types.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type * as TeamsJs from '@microsoft/teams-js';
import type { ITeamsSdk } from '../../src/app/host';

type Fits<T extends ITeamsSdk> = T;
// A compile error here means the app asks more of Teams than the SDK offers.
export type RealSdkFits = Fits<Pick<typeof TeamsJs, 'app'>>;

describe('Teams SDK', () => {
  it('is used for types only, never bundled', () => {
    const sources = ['../../src/app/host.ts', '../../src/webparts/base/SakerhetWebPartBase.ts'].map((p) => readFileSync(join(__dirname, p), 'utf8'));
    for (const source of sources) {
      expect(source).not.toMatch(/from '@microsoft\/teams-js'/);
    }
  });
});
