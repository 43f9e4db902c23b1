/**
 * No injection, by reading the code and the package: the product's source writes no HTML and
 * evaluates no strings (no dangerouslySetInnerHTML without DOMPurify, no innerHTML, eval or new
 * Function), the dev host sends a Content Security Policy as strict about scripts as SharePoint
 * Online's, its page has no inline script or handler, and no web part in the .sppkg asks for
 * custom script – so the web parts run where SharePoint Online's policy forbids inline script.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import * as http from 'http';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { CSP, startDevServer } from '../../dev/server';

const root = join(__dirname, '..', '..');
const sppkgPath = join(root, 'sharepoint', 'solution', 'sakerhet.sppkg');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Sinks that turn a string into markup or code. The first four are safe behind DOMPurify. */
const SINKS: readonly { name: string; pattern: RegExp; html: boolean }[] = [
  { name: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/, html: true },
  { name: 'innerHTML', pattern: /\binnerHTML\b/, html: true },
  { name: 'outerHTML', pattern: /\bouterHTML\b/, html: true },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/, html: true },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(ln)?\b/, html: false },
  { name: 'eval(', pattern: /\beval\s*\(/, html: false },
  { name: 'new Function(', pattern: /\bnew\s+Function\s*\(/, html: false }
];

/** The sinks a source text uses; HTML sinks count as sanitized only in a file that imports DOMPurify and calls it. */
function sinksIn(source: string): string[] {
  const sanitized = /from\s+['"]dompurify['"]/.test(source) && /\bDOMPurify\.sanitize\s*\(/.test(source);
  return SINKS.filter((s) => s.pattern.test(source) && !(s.html && sanitized)).map((s) => s.name);
}

function get(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Inline script in an HTML page: script elements without src or with content, on* attributes, javascript: URLs. */
function inlineScript(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\ssrc\s*=/i.test(m[1]) || m[2].trim() !== '') {
      found.push(m[0]);
    }
  }
  for (const m of html.matchAll(/<[a-z][^>]*?\son[a-z]+\s*=[^>]*>/gi)) {
    found.push(m[0]);
  }
  for (const m of html.matchAll(/\b(href|src|action)\s*=\s*["']?\s*javascript:/gi)) {
    found.push(m[0]);
  }
  return found;
}

describe('the source', () => {
  const files = filesUnder(join(root, 'src'));

  it('has no HTML or code sinks (dangerouslySetInnerHTML, innerHTML, eval, new Function …) without a sanitizer', () => {
    expect(files.filter((f) => /\.tsx?$/.test(f)).length).toBeGreaterThan(50);
    const found = files.flatMap((f) => sinksIn(readFileSync(f, 'utf8')).map((sink) => `${relative(root, f)}: ${sink}`));
    expect(found).toEqual([]);
  });

  it('is read by a scan that finds every sink, and lets DOMPurify excuse only HTML', () => {
    expect(sinksIn('<div dangerouslySetInnerHTML={{ __html: area.purpose }} />')).toEqual(['dangerouslySetInnerHTML']);
    expect(sinksIn('el.innerHTML = text; el.outerHTML = text;')).toEqual(['innerHTML', 'outerHTML']);
    expect(sinksIn("el.insertAdjacentHTML('beforeend', text)")).toEqual(['insertAdjacentHTML']);
    expect(sinksIn('document.write(text); document.writeln(text)')).toEqual(['document.write']);
    expect(sinksIn('const f = eval (code); const g = new Function(code);')).toEqual(['eval(', 'new Function(']);
    expect(sinksIn('retrieval(x); medieval (y); isFunction(z); setInnerText(t)')).toEqual([]);
    const purified = "import DOMPurify from 'dompurify';\n<div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />";
    expect(sinksIn(purified)).toEqual([]);
    expect(sinksIn(`${purified}\neval(code)`)).toEqual(['eval(']);
    // Mentioning DOMPurify is not sanitizing.
    expect(sinksIn("import DOMPurify from 'dompurify';\nel.innerHTML = html;")).toEqual(['innerHTML']);
  });
});

describe('the Content Security Policy', () => {
  const directives = new Map(
    CSP.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name.toLowerCase(), values] as const)
  );

  it("allows scripts from the page's own origin only: no inline script, no eval", () => {
    const scripts = directives.get('script-src');
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).toEqual(["'self'"]);
    // Nothing loosens it for elements or attributes, and the fallback is as strict.
    expect([...directives.keys()].filter((d) => d.startsWith('script-src-'))).toEqual([]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });
});

describe('the dev host page', () => {
  it.each([
    ['built', true],
    ['not built yet', false]
  ])('is sent with the policy and has no inline script or handler (%s)', async (_, built) => {
    const hostBuildDir = mkdtempSync(join(tmpdir(), 'sakerhet-host-'));
    if (built) {
      writeFileSync(join(hostBuildDir, 'main.js'), '');
    }
    const server = await startDevServer({ quiet: true, hostBuildDir });
    try {
      const page = await get(`${server.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toBe(CSP);
      expect(inlineScript(page.body)).toEqual([]);
      // The built page does load the app – from files, as the policy requires.
      expect(/<script\b[^>]*\ssrc="\/dev-host\/main\.js"/.test(page.body)).toBe(built);
    } finally {
      await server.close();
    }
  });

  it('is read by a check that finds inline script', () => {
    expect(inlineScript('<script>alert(1)</script><script src="/a.js">x()</script><script src="/b.js"></script>')).toHaveLength(2);
    expect(inlineScript('<img src=x onerror="alert(1)"><body onload=go()>')).toHaveLength(2);
    expect(inlineScript('<a href="javascript:alert(1)">x</a>')).toHaveLength(1);
    expect(inlineScript('<main style="padding:2rem"><p>Kontroll av säkerhet.</p></main>')).toEqual([]);
  });
});

describe('the web parts', () => {
  const manifests = filesUnder(join(root, 'src', 'webparts')).filter((f) => f.endsWith('.manifest.json'));

  it('do not require custom script, in their manifests', () => {
    expect(manifests).toHaveLength(5);
    for (const file of manifests) {
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      expect({ file: relative(root, file), requiresCustomScript: manifest.requiresCustomScript }).toEqual({ file: relative(root, file), requiresCustomScript: false });
    }
  });

  it('do not require custom script, in the .sppkg', async () => {
    if (!existsSync(sppkgPath)) {
      throw new Error('sharepoint/solution/sakerhet.sppkg is missing: run `npm run package` first (npm test does).');
    }
    const zip = await JSZip.loadAsync(readFileSync(sppkgPath));
    const webPartFiles = Object.keys(zip.files).filter((n) => /\/WebPart_[0-9a-f-]+\.xml$/.test(n));
    expect(webPartFiles).toHaveLength(manifests.length);
    for (const name of webPartFiles) {
      const xml = await zip.file(name)!.async('string');
      const component = new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagName('ClientSideComponent')[0];
      // The packager turns requiresCustomScript: true into ReturnIfCustomScriptDisabled="false".
      expect({ name, returnIfCustomScriptDisabled: component.getAttribute('ReturnIfCustomScriptDisabled') || undefined }).toEqual({ name, returnIfCustomScriptDisabled: undefined });
      const manifest = JSON.parse(component.getAttribute('ComponentManifest')!);
      expect(manifest.componentType).toBe('WebPart');
      expect(manifest.requiresCustomScript ?? false).toBe(false);
      expect(manifest.safeWithCustomScriptDisabled ?? true).toBe(true);
    }
  });
});
