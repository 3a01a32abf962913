// Converts the simple JUEL (Camunda 7) expressions diagrams are full of into FEEL: a small parser
// for a known subset, so anything outside it is named and left alone instead of guessed at.
import { feelSyntaxProblem } from './feel.ts';

export type JuelConversion =
  | { readonly ok: true; readonly feel: string }
  /** `part` is the piece of the JUEL that could not be converted; `reason` says why, for a designer. */
  | { readonly ok: false; readonly part: string; readonly reason: string };

type Ast =
  | { readonly kind: 'literal'; readonly feel: string }
  | { readonly kind: 'path'; readonly names: readonly string[] }
  | { readonly kind: 'not' | 'empty' | 'negate'; readonly operand: Ast }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: Ast; readonly right: Ast };

type BinaryOperator = 'or' | 'and' | '=' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/';

interface Token {
  readonly type: 'name' | 'number' | 'string' | 'symbol' | 'end';
  readonly text: string;
  readonly at: number;
  /** For strings: the value with the JUEL escapes read. */
  readonly value?: string;
}

/** A conversion that stopped: the offending text and the reason. */
class Unconvertible {
  constructor(
    readonly part: string,
    readonly reason: string,
  ) {}
}

const WORD_OPERATORS: Readonly<Record<string, BinaryOperator | 'not' | 'empty'>> = {
  and: 'and', or: 'or', eq: '=', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=', not: 'not', empty: 'empty',
};
const SYMBOLS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '(', ')', '.', '+', '-', '*', '/', '?', ':', '[', ']', ',', '%'];
const SYMBOL_OPERATORS: Readonly<Record<string, BinaryOperator>> = {
  '&&': 'and', '||': 'or', '==': '=', '!=': '!=', '<': '<', '>': '>', '<=': '<=', '>=': '>=', '+': '+', '-': '-', '*': '*', '/': '/',
};
// Names FEEL reads as keywords, so a JUEL variable with one of these names has no plain FEEL spelling.
const FEEL_KEYWORDS = new Set(['for', 'in', 'return', 'if', 'then', 'else', 'some', 'every', 'satisfies', 'instance', 'of', 'function', 'external', 'between']);
const JUEL_ONLY_WORDS = new Set(['div', 'mod', 'instanceof']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source.charAt(at);
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    const name = /^[A-Za-z_$][\w$]*/.exec(source.slice(at));
    if (name) {
      tokens.push({ type: 'name', text: name[0], at });
      at += name[0].length;
      continue;
    }
    const number = /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(at));
    if (number) {
      tokens.push({ type: 'number', text: number[0], at });
      at += number[0].length;
      continue;
    }
    if (char === '"' || char === "'") {
      let value = '';
      let end = at + 1;
      while (end < source.length && source.charAt(end) !== char) {
        if (source.charAt(end) === '\\' && end + 1 < source.length) end += 1;
        value += source.charAt(end);
        end += 1;
      }
      if (end >= source.length) throw new Unconvertible(source.slice(at), 'the text in quotes is never closed');
      tokens.push({ type: 'string', text: source.slice(at, end + 1), at, value });
      at = end + 1;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => source.startsWith(candidate, at));
    if (!symbol) throw new Unconvertible(source.slice(at), `"${char}" is not part of the JUEL Casemap converts`);
    tokens.push({ type: 'symbol', text: symbol, at });
    at += symbol.length;
  }
  tokens.push({ type: 'end', text: '', at: source.length });
  return tokens;
}

/** Recursive descent over JUEL's precedence levels: or, and, equality, relational, additive, multiplicative, unary. */
class Parser {
  private index = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  parseAll(): Ast {
    const ast = this.or();
    const rest = this.peek();
    if (rest.type !== 'end') throw this.unsupported(rest);
    return ast;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index += 1;
    return token;
  }

  private operatorOf(token: Token): BinaryOperator | 'not' | 'empty' | undefined {
    if (token.type === 'symbol') return SYMBOL_OPERATORS[token.text] ?? (token.text === '!' ? 'not' : undefined);
    if (token.type === 'name') return WORD_OPERATORS[token.text];
    return undefined;
  }

  private binaryLevel(operators: readonly BinaryOperator[], operand: () => Ast): Ast {
    let left = operand();
    for (;;) {
      const operator = this.operatorOf(this.peek());
      if (!operator || !(operators as readonly string[]).includes(operator)) return left;
      this.next();
      const right = operand();
      left = { kind: 'binary', operator: operator as BinaryOperator, left, right };
    }
  }

  private or = (): Ast => this.binaryLevel(['or'], this.and);
  private and = (): Ast => this.binaryLevel(['and'], this.equality);
  private equality = (): Ast => this.binaryLevel(['=', '!='], this.relational);
  private relational = (): Ast => this.binaryLevel(['<', '>', '<=', '>='], this.additive);
  private additive = (): Ast => this.binaryLevel(['+', '-'], this.multiplicative);
  private multiplicative = (): Ast => this.binaryLevel(['*', '/'], this.unary);

  private unary = (): Ast => {
    const token = this.peek();
    const operator = this.operatorOf(token);
    if (operator === 'not' || operator === 'empty') {
      this.next();
      return { kind: operator, operand: this.unary() };
    }
    if (token.type === 'symbol' && token.text === '-') {
      this.next();
      return { kind: 'negate', operand: this.unary() };
    }
    return this.primary();
  };

  private primary(): Ast {
    const token = this.next();
    if (token.type === 'number') return { kind: 'literal', feel: token.text };
    if (token.type === 'string') return { kind: 'literal', feel: JSON.stringify(token.value ?? '') };
    if (token.type === 'symbol' && token.text === '(') {
      const inner = this.or();
      const close = this.next();
      if (close.type !== 'symbol' || close.text !== ')') throw close.type === 'end' ? new Unconvertible(this.source.slice(token.at), 'a "(" is never closed') : this.unsupported(close);
      return inner;
    }
    if (token.type === 'name') return this.pathFrom(token);
    throw token.type === 'end' ? new Unconvertible(this.source.trim(), 'the expression ends too early') : this.unsupported(token);
  }

  private pathFrom(first: Token): Ast {
    if (first.text === 'true' || first.text === 'false' || first.text === 'null') return { kind: 'literal', feel: first.text };
    const names = [this.checkName(first)];
    while (this.peek().type === 'symbol' && this.peek().text === '.') {
      this.next();
      const name = this.next();
      if (name.type !== 'name') throw this.unsupported(name);
      names.push(this.checkName(name));
    }
    const after = this.peek();
    if (after.type === 'symbol' && after.text === '(') {
      throw new Unconvertible(this.callText(first.at), 'it calls a Java method, which FEEL cannot do: read the value from case data instead');
    }
    if (after.type === 'symbol' && after.text === '[') {
      throw new Unconvertible(this.source.slice(first.at).trim(), 'JUEL indexes from 0 and FEEL from 1, so a "[…]" lookup is left for you to rewrite');
    }
    if (names[0] === 'execution' || names[0] === 'task') {
      throw new Unconvertible(names.join('.'), `"${names[0]}" is Camunda 7's engine object, which Casemap does not have: use the case data field by name`);
    }
    return { kind: 'path', names };
  }

  private checkName(token: Token): string {
    if (token.text.includes('$')) throw new Unconvertible(token.text, 'FEEL names cannot contain "$"');
    if (FEEL_KEYWORDS.has(token.text) || JUEL_ONLY_WORDS.has(token.text) || WORD_OPERATORS[token.text]) {
      throw new Unconvertible(token.text, `"${token.text}" is a keyword, not a case data field, here`);
    }
    return token.text;
  }

  /** `execution.getVariable("x")`: from the name to its closing parenthesis. */
  private callText(from: number): string {
    let depth = 0;
    for (let at = from; at < this.source.length; at += 1) {
      const char = this.source.charAt(at);
      if (char === '(') depth += 1;
      if (char === ')' && --depth === 0) return this.source.slice(from, at + 1);
    }
    return this.source.slice(from).trim();
  }

  private unsupported(token: Token): Unconvertible {
    if (token.type === 'symbol' && (token.text === '?' || token.text === ':')) {
      return new Unconvertible(this.source.trim(), 'a "… ? … : …" choice is left for you to rewrite as FEEL "if … then … else …"');
    }
    if (token.type === 'name' && (token.text === 'div' || token.text === 'mod' || token.text === 'instanceof')) {
      return new Unconvertible(token.text, `"${token.text}" has no direct FEEL equivalent`);
    }
    return new Unconvertible(this.source.slice(token.at).trim(), `"${token.text}" is not part of the JUEL Casemap converts`);
  }
}

const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  or: 1, and: 2, '=': 3, '!=': 3, '<': 3, '>': 3, '<=': 3, '>=': 3, '+': 4, '-': 4, '*': 5, '/': 5,
};

// JUEL's `empty` is true for null, "" and empty lists and maps; FEEL compares each type separately.
const emptyTest = (x: string): string =>
  `(if ${x} = null then true else if ${x} instance of string then ${x} = "" else if ${x} instance of list then count(${x}) = 0 else if ${x} instance of context then count(get entries(${x})) = 0 else false)`;

function print(ast: Ast): string {
  switch (ast.kind) {
    case 'literal':
      return ast.feel;
    case 'path':
      return ast.names.join('.');
    case 'not': {
      // `not empty x`: the emptiness test already sits in parentheses of its own.
      const operand = print(ast.operand);
      return ast.operand.kind === 'empty' ? `not${operand}` : `not(${operand})`;
    }
    case 'empty':
      return emptyTest(ast.operand.kind === 'path' || ast.operand.kind === 'literal' ? print(ast.operand) : `(${print(ast.operand)})`);
    case 'negate':
      return ast.operand.kind === 'binary' ? `-(${print(ast.operand)})` : `-${print(ast.operand)}`;
    case 'binary': {
      const level = PRECEDENCE[ast.operator];
      // Comparisons do not chain in FEEL, and `-`/`/` are not associative: parenthesise at equal level on the right.
      const side = (child: Ast, right: boolean): string => {
        const text = print(child);
        if (child.kind !== 'binary') return text;
        const inner = PRECEDENCE[child.operator];
        return inner < level || (inner === level && (right || level === 3)) ? `(${text})` : text;
      };
      return `${side(ast.left, false)} ${ast.operator} ${side(ast.right, true)}`;
    }
  }
}

/** The JUEL inside `${…}` or `#{…}`, or undefined when the text is not one JUEL expression. */
export function juelBody(value: string): string | undefined {
  const match = /^\s*[$#]\{([\s\S]*)\}\s*$/.exec(value);
  return match ? match[1] : undefined;
}

/** Converts the body of one JUEL expression (without `${` and `}`) to FEEL text (without `=`). */
export function convertJuelBody(body: string): JuelConversion {
  try {
    const feel = print(new Parser(body, tokenize(body)).parseAll());
    // Every rewrite must itself be FEEL Casemap accepts; a slip here is reported, never written.
    const problem = feelSyntaxProblem(feel);
    if (problem) return { ok: false, part: body.trim(), reason: `its FEEL form "${feel}" would not parse (${problem})` };
    return { ok: true, feel };
  } catch (error) {
    if (error instanceof Unconvertible) return { ok: false, part: error.part, reason: error.reason };
    throw error;
  }
}

/** `${approved}` → `=approved`; `#{!x}` → `=not(x)`. Text that is not one JUEL expression is not converted. */
export function juelToFeel(value: string): JuelConversion {
  const body = juelBody(value);
  if (body === undefined) return { ok: false, part: value.trim(), reason: 'it is not a JUEL expression of the form ${…} or #{…}' };
  const converted = convertJuelBody(body);
  return converted.ok ? { ok: true, feel: `=${converted.feel}` } : converted;
}
