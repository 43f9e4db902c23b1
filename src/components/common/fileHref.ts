/**
 * A link to a file in SharePoint, from its path as SharePoint's REST API returns it: FileRef and
 * ServerRelativeUrl are *decoded* server-relative paths ("/sites/sakerhet/StyrandeDokument/Rutin #3
 * 100%.pdf"). Each segment is percent-encoded, so that '#' (else the start of a fragment), '%' (else
 * the start of an escape), '?', '&', '+', "'", spaces and å ä ö reach SharePoint as the name's own
 * characters.
 *
 * Source: "Supporting % and # in files and folders with the ResourcePath API" (SharePoint/sp-dev-docs,
 * docs/solution-guidance/supporting-and-in-file-and-folder-with-the-resourcepath-api.md): SharePoint
 * Online allows % and # in file names; a URL must carry them percent-encoded, as '#' in a URL is a
 * fragment delimiter and not part of the path.
 */
export function fileHref(path: string): string {
  const m = /^(https?:\/\/[^/]+)?(.*)$/i.exec(path)!;
  const origin = m[1] ?? '';
  return (
    origin +
    m[2]
      .split('/')
      .map((segment) => encodeURIComponent(segment).replace(/'/g, '%27'))
      .join('/')
  );
}
