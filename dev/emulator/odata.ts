/**
 * The subset of OData v3 query options that SharePoint's REST API accepts on list items:
 * $filter (eq ne gt ge lt le, and/or/not with OData precedence, parentheses, startswith,
 * substringof, datetime'…' literals, booleans as true/false or 1/0, null), $orderby, $select and
 * $expand. Parsing is strict: SharePoint answers malformed queries with 400, and so do we.
 */
import { SPError } from './errors';

export type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Literal = string | number | boolean | null | Date;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'cmp'; op: Comparison; field: FieldPath; value: Literal }
  | { kind: 'startswith'; field: FieldPath; value: string }
  | { kind: 'substringof'; field: FieldPath; value: string };

/** A field reference: `Title`, `AreaId`, or a projected lookup/user field such as `Area/Title`. */
export interface FieldPath {
  field: string;
  sub?: string;
}

type Token =
  | { t: 'ident'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'datetime'; v: Date }
  | { t: '(' | ')' | ',' };

function badQuery(message: string): SPError {
  return new SPError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c });
      i++;
    } else if (c === "'") {
      // OData strings escape a quote by doubling it.
      let v = '';
      i++;
      for (;;) {
        if (i >= input.length) {
          throw badQuery('Unterminated string literal in $filter.');
        }
        if (input[i] === "'") {
          if (input[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += input[i++];
      }
      tokens.push({ t: 'string', v });
    } else if (/[0-9-]/.test(c)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?/.exec(input.slice(i));
      if (!m) {
        throw badQuery(`Syntax error at position ${i} in $filter.`);
      }
      tokens.push({ t: 'number', v: parseFloat(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)?/.exec(input.slice(i))!;
      i += m[0].length;
      if (m[0].toLowerCase() === 'datetime' && input[i] === "'") {
        const end = input.indexOf("'", i + 1);
        if (end < 0) {
          throw badQuery('Unterminated datetime literal in $filter.');
        }
        const date = new Date(input.slice(i + 1, end));
        if (isNaN(date.getTime())) {
          throw badQuery(`The datetime literal '${input.slice(i + 1, end)}' is not valid.`);
        }
        tokens.push({ t: 'datetime', v: date });
        i = end + 1;
      } else {
        tokens.push({ t: 'ident', v: m[0] });
      }
    } else {
      throw badQuery(`Syntax error: character '${c}' at position ${i} is not valid in $filter.`);
    }
  }
  return tokens;
}

const COMPARISONS: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  public parse(): FilterNode {
    const node = this.or();
    if (this.pos < this.tokens.length) {
      throw badQuery('Syntax error in $filter: unexpected text after the expression.');
    }
    return node;
  }

  private peekIdent(word: string): boolean {
    const tok = this.tokens[this.pos];
    return !!tok && tok.t === 'ident' && tok.v.toLowerCase() === word;
  }

  private expect(t: '(' | ')' | ','): void {
    const tok = this.tokens[this.pos++];
    if (!tok || tok.t !== t) {
      throw badQuery(`Syntax error in $filter: '${t}' expected.`);
    }
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.peekIdent('or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.not();
    while (this.peekIdent('and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): FilterNode {
    if (this.peekIdent('not')) {
      this.pos++;
      return { kind: 'not', operand: this.not() };
    }
    return this.primary();
  }

  private primary(): FilterNode {
    const tok = this.tokens[this.pos];
    if (!tok) {
      throw badQuery('Syntax error in $filter: expression expected.');
    }
    if (tok.t === '(') {
      this.pos++;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (tok.t === 'ident' && (tok.v.toLowerCase() === 'startswith' || tok.v.toLowerCase() === 'substringof')) {
      this.pos++;
      this.expect('(');
      const a = this.operand();
      this.expect(',');
      const b = this.operand();
      this.expect(')');
      if (tok.v.toLowerCase() === 'startswith') {
        // startswith(Field, 'prefix')
        if (!isField(a) || typeof b !== 'string') {
          throw badQuery('startswith expects a field and a string.');
        }
        return this.optionalBoolCompare({ kind: 'startswith', field: a, value: b });
      }
      // substringof('needle', Field)
      if (typeof a !== 'string' || !isField(b)) {
        throw badQuery('substringof expects a string and a field.');
      }
      return this.optionalBoolCompare({ kind: 'substringof', field: b, value: a });
    }
    const left = this.operand();
    const opTok = this.tokens[this.pos];
    if (!opTok || opTok.t !== 'ident' || !COMPARISONS.includes(opTok.v.toLowerCase())) {
      throw badQuery('Syntax error in $filter: comparison operator expected.');
    }
    this.pos++;
    const right = this.operand();
    const op = opTok.v.toLowerCase() as Comparison;
    if (isField(left) && !isField(right)) {
      return { kind: 'cmp', op, field: left, value: right };
    }
    if (!isField(left) && isField(right)) {
      return { kind: 'cmp', op: flip(op), field: right, value: left };
    }
    throw badQuery('A comparison in $filter must compare a field with a value.');
  }

  /** `startswith(Title,'a') eq true` is the same as `startswith(Title,'a')`. */
  private optionalBoolCompare(node: FilterNode): FilterNode {
    if (this.peekIdent('eq') || this.peekIdent('ne')) {
      const negate = this.peekIdent('ne');
      this.pos++;
      const value = this.operand();
      if (typeof value !== 'boolean') {
        throw badQuery('A function result can only be compared with true or false.');
      }
      return value !== negate ? node : { kind: 'not', operand: node };
    }
    return node;
  }

  private operand(): FieldPath | Literal {
    const tok = this.tokens[this.pos++];
    if (!tok) {
      throw badQuery('Syntax error in $filter: operand expected.');
    }
    switch (tok.t) {
      case 'string':
      case 'number':
      case 'datetime':
        return tok.v;
      case 'ident': {
        const lower = tok.v.toLowerCase();
        if (lower === 'true' || lower === 'false') {
          return lower === 'true';
        }
        if (lower === 'null') {
          return null;
        }
        const [field, sub] = tok.v.split('/');
        return sub ? { field, sub } : { field };
      }
      default:
        throw badQuery('Syntax error in $filter: operand expected.');
    }
  }
}

function isField(x: FieldPath | Literal): x is FieldPath {
  return typeof x === 'object' && x !== null && !(x instanceof Date) && 'field' in x;
}

function flip(op: Comparison): Comparison {
  return ({ eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' } as const)[op];
}

export function parseFilter(input: string): FilterNode {
  return new Parser(tokenize(input)).parse();
}

/** Every field a filter mentions. */
export function filterFields(node: FilterNode, out: FieldPath[] = []): FieldPath[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      filterFields(node.left, out);
      filterFields(node.right, out);
      break;
    case 'not':
      filterFields(node.operand, out);
      break;
    default:
      out.push(node.field);
  }
  return out;
}

export interface OrderKey {
  field: string;
  ascending: boolean;
}

export function parseOrderBy(input: string): OrderKey[] {
  return input
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((part) => {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?$/i.exec(part);
      if (!m) {
        throw badQuery(`The $orderby expression '${part}' is not valid.`);
      }
      return { field: m[1], ascending: (m[2] ?? 'asc').toLowerCase() === 'asc' };
    });
}

/** `$select=Title,Area/Title` → ['Title', 'Area/Title']. */
export function parseList(input: string | null): string[] {
  if (!input) {
    return [];
  }
  return input
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
