/**
 * Opens an .xlsx as a spreadsheet program reads it – the zip, the workbook's first sheet, shared
 * strings, inline strings, numbers and date serials – independently of the library that wrote it
 * (JSZip and xmldom), so a test checks the file, not the writer's own idea of it.
 */
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';

export type XlsxValue = string | number | undefined;

export interface IOpenedSheet {
  name: string;
  /** Rows of cell values, by column (A = 0); a number stays a number. */
  rows: XlsxValue[][];
  /** The number format code of each cell that has one other than General, by "A1" reference. */
  formats: Map<string, string>;
}

const BUILT_IN_FORMATS: Record<number, string> = { 14: 'mm-dd-yy', 22: 'm/d/yy h:mm' };

function column(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0) - 1;
}

function textOf(node: Element | undefined): string {
  if (!node) {
    return '';
  }
  // <si> or <is>: plain <t>, or rich text runs <r><t>…</t></r>.
  const ts = node.getElementsByTagName('t');
  let out = '';
  for (let i = 0; i < ts.length; i++) {
    out += ts[i].textContent ?? '';
  }
  return out;
}

export async function openXlsx(data: ArrayBuffer | Uint8Array | Buffer): Promise<IOpenedSheet> {
  const zip = await JSZip.loadAsync(data);
  const xml = async (path: string): Promise<Document | undefined> => {
    const file = zip.file(path);
    return file ? new DOMParser().parseFromString(await file.async('string'), 'application/xml') : undefined;
  };
  const workbook = (await xml('xl/workbook.xml'))!;
  const sheetEl = workbook.getElementsByTagName('sheet')[0];
  const rels = (await xml('xl/_rels/workbook.xml.rels'))!;
  const relId = sheetEl.getAttribute('r:id');
  let target = '';
  const relEls = rels.getElementsByTagName('Relationship');
  for (let i = 0; i < relEls.length; i++) {
    if (relEls[i].getAttribute('Id') === relId) {
      target = relEls[i].getAttribute('Target')!;
    }
  }
  const sheet = (await xml(`xl/${target.replace(/^\/?xl\//, '')}`))!;
  const shared: string[] = [];
  const sst = await xml('xl/sharedStrings.xml');
  if (sst) {
    const sis = sst.getElementsByTagName('si');
    for (let i = 0; i < sis.length; i++) {
      shared.push(textOf(sis[i]));
    }
  }
  // Styles: cellXfs index → number format code.
  const styleFormats: string[] = [];
  const styles = await xml('xl/styles.xml');
  if (styles) {
    const custom = new Map<number, string>();
    const numFmts = styles.getElementsByTagName('numFmt');
    for (let i = 0; i < numFmts.length; i++) {
      custom.set(Number(numFmts[i].getAttribute('numFmtId')), numFmts[i].getAttribute('formatCode')!);
    }
    const cellXfs = styles.getElementsByTagName('cellXfs')[0];
    const xfs = cellXfs ? cellXfs.getElementsByTagName('xf') : [];
    for (let i = 0; i < xfs.length; i++) {
      const id = Number(xfs[i].getAttribute('numFmtId') ?? 0);
      styleFormats.push(custom.get(id) ?? BUILT_IN_FORMATS[id] ?? '');
    }
  }
  const rows: XlsxValue[][] = [];
  const formats = new Map<string, string>();
  const rowEls = sheet.getElementsByTagName('row');
  for (let i = 0; i < rowEls.length; i++) {
    const r = rowEls[i];
    const index = Number(r.getAttribute('r')) - 1;
    const values: XlsxValue[] = [];
    const cells = r.getElementsByTagName('c');
    for (let j = 0; j < cells.length; j++) {
      const c = cells[j];
      const ref = c.getAttribute('r')!;
      const type = c.getAttribute('t');
      const v = c.getElementsByTagName('v')[0]?.textContent ?? undefined;
      let value: XlsxValue;
      if (type === 's') {
        value = shared[Number(v)];
      } else if (type === 'inlineStr') {
        value = textOf(c.getElementsByTagName('is')[0]);
      } else if (type === 'str' || type === 'b') {
        value = v;
      } else {
        value = v === undefined ? undefined : Number(v);
      }
      values[column(ref)] = value;
      const style = c.getAttribute('s');
      if (style && styleFormats[Number(style)]) {
        formats.set(ref, styleFormats[Number(style)]);
      }
    }
    rows[index] = values;
  }
  return { name: sheetEl.getAttribute('name') ?? '', rows, formats };
}

/** An Excel date serial (days since 1899-12-30, the fraction the time of day) as the wall clock it names, 'yyyy-mm-dd hh:mm'. */
export function serialToWallClock(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
