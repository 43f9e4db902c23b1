/**
 * What an SPFx web part gets from SharePoint, as far as PnPjs's SPFx behavior reads it: the web's
 * absolute URL and the page's form digest. The dev host and the tests hand PnPjs this stand-in,
 * pointed at the emulator; without a page digest PnPjs fetches one from /_api/contextinfo, as it
 * does in SharePoint when the page's digest has expired.
 */
import type { ISPFXContext } from '../../src/services/sp';
import { SITE_URL } from '../../src/model/schema';

export function devSpfxContext(origin: string, siteUrl: string = SITE_URL): ISPFXContext {
  return {
    pageContext: {
      web: { absoluteUrl: `${origin}${siteUrl}` },
      legacyPageContext: { formDigestValue: '', formDigestTimeoutSeconds: 0 }
    }
  };
}

/**
 * The site's language as SharePoint puts it in the page context (SPWeb.Language, an LCID): the
 * emulator's site is Swedish, as its `_api/web` says (dev/emulator/rest.ts).
 */
export const DEV_SITE_LANGUAGE = 1053;
