/**
 * SharePoint column and list validation formulas (Excel syntax), so the emulator refuses what the
 * schema's validation refuses. Supports what validation formulas commonly use: AND, OR, NOT, IF,
 * ISBLANK, ISERROR, FIND, LEN, EXACT, LOWER, UPPER, comparisons, & and + - * /, string and
 * number literals, and field references by display name in brackets.
 */

class FormulaError {
  constructor(public readonly kind: string) {}
}

type Value = string | number | boolean | null | FormulaError;

type Node =
  | { t: 'lit'; v: string | number | boolean }
  | { t: 'ref'; name: string }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'neg'; a: Node };

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          v += '"';
          j += 2;
        } else if (src[j] === '"') {
          break;
        } else {
          v += src[j++];
        }
      }
      tokens.push(`"${v}`);
      i = j + 1;
    } else if (c === '[') {
      const j = src.indexOf(']', i);
      tokens.push(src.slice(i, j + 1));
      i = j + 1;
    } else if (/[0-9.]/.test(c)) {
      const m = /^[0-9]*\.?[0-9]+/.exec(src.slice(i))!;
      tokens.push(m[0]);
      i += m[0].length;
    } else if (/[A-Za-z]/.test(c)) {
      const m = /^[A-Za-z][A-Za-z0-9]*/.exec(src.slice(i))!;
      tokens.push(m[0].toUpperCase());
      i += m[0].length;
    } else if (src.startsWith('<=', i) || src.startsWith('>=', i) || src.startsWith('<>', i)) {
      tokens.push(src.slice(i, i + 2));
      i += 2;
    } else {
      tokens.push(c);
      i++;
    }
  }
  return tokens;
}

function parse(src: string): Node {
  const tokens = tokenize(src.replace(/^\s*=/, ''));
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const next = (): string => {
    const tok = tokens[pos++];
    if (tok === undefined) {
      throw new Error(`Formula ended early: ${src}`);
    }
    return tok;
  };
  const binary = (ops: string[], sub: () => Node): (() => Node) => (): Node => {
    let a = sub();
    while (peek() !== undefined && ops.includes(peek()!)) {
      const op = next();
      a = { t: 'bin', op, a, b: sub() };
    }
    return a;
  };
  const primary = (): Node => {
    const tok = next();
    if (tok === '(') {
      // eslint-disable-next-line @typescript-eslint/no-use-before-define
      const inner = comparison();
      next();
      return inner;
    }
    if (tok === '-') {
      return { t: 'neg', a: primary() };
    }
    if (tok.startsWith('"')) {
      return { t: 'lit', v: tok.slice(1) };
    }
    if (tok.startsWith('[')) {
      return { t: 'ref', name: tok.slice(1, -1) };
    }
    if (/^[0-9.]/.test(tok)) {
      return { t: 'lit', v: parseFloat(tok) };
    }
    if (tok === 'TRUE' || tok === 'FALSE') {
      return { t: 'lit', v: tok === 'TRUE' };
    }
    if (peek() === '(') {
      next();
      const args: Node[] = [];
      while (peek() !== ')') {
        // eslint-disable-next-line @typescript-eslint/no-use-before-define
        args.push(comparison());
        if (peek() === ',') {
          next();
        }
      }
      next();
      return { t: 'call', name: tok, args };
    }
    throw new Error(`Unexpected '${tok}' in formula ${src}`);
  };
  const multiplicative = binary(['*', '/'], primary);
  const additive = binary(['+', '-'], multiplicative);
  const concat = binary(['&'], additive);
  const comparison = binary(['=', '<>', '<', '>', '<=', '>='], concat);
  const root = comparison();
  if (pos !== tokens.length) {
    throw new Error(`Unexpected text in formula ${src}`);
  }
  return root;
}

function isBlank(v: Value): boolean {
  return v === null || v === '';
}

function text(v: Value): string {
  return v === null ? '' : String(v);
}

function evaluate(node: Node, lookup: (name: string) => Value): Value {
  const ev = (n: Node): Value => evaluate(n, lookup);
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'ref':
      return lookup(node.name);
    case 'neg': {
      const a = ev(node.a);
      return a instanceof FormulaError ? a : -Number(a);
    }
    case 'bin': {
      const a = ev(node.a);
      const b = ev(node.b);
      if (a instanceof FormulaError) {
        return a;
      }
      if (b instanceof FormulaError) {
        return b;
      }
      switch (node.op) {
        case '&':
          return text(a) + text(b);
        case '+':
          return Number(a) + Number(b);
        case '-':
          return Number(a) - Number(b);
        case '*':
          return Number(a) * Number(b);
        case '/':
          return Number(b) === 0 ? new FormulaError('#DIV/0!') : Number(a) / Number(b);
        default: {
          // Blank compares as 0 with numbers and as "" with text, as in Excel.
          const x = a === null ? (typeof b === 'number' ? 0 : '') : a;
          const y = b === null ? (typeof a === 'number' ? 0 : '') : b;
          const cmp = typeof x === 'string' && typeof y === 'string' ? x.toLowerCase().localeCompare(y.toLowerCase()) : Number(x) - Number(y);
          return { '=': cmp === 0, '<>': cmp !== 0, '<': cmp < 0, '>': cmp > 0, '<=': cmp <= 0, '>=': cmp >= 0 }[node.op] ?? false;
        }
      }
    }
    case 'call': {
      const args = node.args;
      switch (node.name) {
        case 'ISERROR':
          return ev(args[0]) instanceof FormulaError;
        case 'ISBLANK':
          return isBlank(ev(args[0]));
        case 'IF': {
          const c = ev(args[0]);
          if (c instanceof FormulaError) {
            return c;
          }
          return c ? ev(args[1]) : args[2] ? ev(args[2]) : false;
        }
        default: {
          const vals = args.map(ev);
          const err = vals.find((v) => v instanceof FormulaError);
          if (err) {
            return err;
          }
          switch (node.name) {
            case 'AND':
              return vals.every(Boolean);
            case 'OR':
              return vals.some(Boolean);
            case 'NOT':
              return !vals[0];
            case 'LEN':
              return text(vals[0]).length;
            case 'LOWER':
              return text(vals[0]).toLowerCase();
            case 'UPPER':
              return text(vals[0]).toUpperCase();
            case 'EXACT':
              return text(vals[0]) === text(vals[1]);
            case 'FIND': {
              const at = text(vals[1]).indexOf(text(vals[0]));
              return at < 0 ? new FormulaError('#VALUE!') : at + 1;
            }
            default:
              throw new Error(`Formula function ${node.name} is not supported by the emulator`);
          }
        }
      }
    }
  }
}

const cache = new Map<string, Node>();

/**
 * True when the formula passes. Field values are looked up by display name; dates should be
 * given as numbers (milliseconds) so that they compare.
 */
export function formulaPasses(formula: string, valueOf: (displayName: string) => string | number | boolean | null): boolean {
  let node = cache.get(formula);
  if (!node) {
    node = parse(formula);
    cache.set(formula, node);
  }
  const result = evaluate(node, valueOf);
  return result === true;
}
