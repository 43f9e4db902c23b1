/**
 * Library files whose names hold characters that mean something in a URL ('#', '%', '&', '+', "'",
 * spaces, å ä ö): the emulator serves them as SharePoint Online does, and the product's links reach
 * them. Source for every rule here: sp-dev-docs, "Supporting % and # in files and folders with the
 * ResourcePath API" (docs/solution-guidance/supporting-and-in-file-and-folder-with-the-resourcepath-api.md).
 */
import type { DevServer } from '../../dev/server';
import { fileHref } from '../../src/components/common/fileHref';
import { rest, sessionFor, startEmulator } from '../helpers/emulator';
import { pinClock } from '../helpers/clock';

// The product's clock (this file's Date) and the sample content start at the same moment.
const NOW = new Date('2026-06-15T10:00:00Z');
pinClock(NOW);

const NAME = "Rutin #3 – 100% & mer + O'Brien åäö.pdf";
// The first view of a session loads the product's modules fresh (sessionFor): slow on a busy machine.
jest.setTimeout(30000);

let server: DevServer;
let path: string;

beforeAll(async () => {
  server = await startEmulator({ now: NOW });
  const docs = server.store.list('documents');
  const item = [...docs.items.values()][0];
  await server.store.putItem('documents', { ...item, version: item.version + 1, file: { ...item.file!, name: NAME } });
  path = `/sites/sakerhet/StyrandeDokument/${NAME}`;
});
afterAll(() => server.close());

const get = (url: string): Promise<Response> => fetch(`${server.url}${url}`, { headers: { Cookie: 'sakerhet-user=anna' } });

describe('a file named with # and %', () => {
  it('is listed with its decoded path, as SharePoint\'s FileRef is', async () => {
    const { services } = sessionFor(server, 'anna');
    const { documents } = await services.views.loadDocuments();
    expect(documents.map((d) => d.fileUrl)).toContain(path);
  });

  it('opens from the product\'s link, with # as %23 and % as %25', async () => {
    const res = await get(fileHref(path));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
  });

  it('does not open from the unencoded path: # starts a fragment, % an escape', async () => {
    // What the product linked to before: the browser sends only "…/Rutin " (the rest is a fragment).
    expect((await get(path.replace(/ /g, '%20'))).status).toBe(404);
    // A lone '%' followed by non-hex is not an escape: IIS answers 400 Bad Request.
    expect((await fetch(`${server.url}/sites/sakerhet/StyrandeDokument/100%&mer.pdf`, { headers: { Cookie: 'sakerhet-user=anna' } })).status).toBe(400);
  });

  it('is found by the ResourcePath API with the decoded path, and not by the string-based one', async () => {
    const decoded = encodeURIComponent(path.replace(/'/g, "''"));
    const byPath = await rest(server, 'anna', `web/getFileByServerRelativePath(decodedurl='${decoded}')`);
    expect(byPath.status).toBe(200);
    expect(byPath.json.Name).toBe(NAME);
    // GetFileByServerRelativeUrl takes '#' and '%' as an encoded URL: the name cannot be reached.
    const byUrl = await rest(server, 'anna', `web/getFileByServerRelativeUrl('${decoded}')`);
    expect(byUrl.status).toBe(404);
  });
});
