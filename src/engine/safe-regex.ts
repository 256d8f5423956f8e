/**
 * `/regex/` terms of rule patterns, run in linear time. compromise would call a pack's
 * RegExp on every word, and JavaScript's backtracking engine takes hours on `(a+)+$` and
 * its many disguises; a guard that only pattern-matches regex syntax gets bypassed. So a
 * regex term is parsed here (a documented subset: literals, `.`, classes, `\d \w \s \b`
 * and their negations, groups, alternation, `* + ? {m,n}`, `^ $`) and run as a Thompson
 * NFA: time is proportional to word length × pattern size, whatever the pattern. The
 * shapes that would hang a backtracking engine are still rejected at validation, so the
 * team lead hears about them.
 */

type CharTest = (c: number) => boolean;

type Node =
  | { t: 'char'; test: CharTest }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; options: Node[] }
  | { t: 'rep'; node: Node; min: number; max: number }
  | { t: 'assert'; kind: 'bol' | 'eol' | 'word' | 'nonword' };

export class RegexSyntaxError extends Error {}

const WS = new Set([9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
const isSpace: CharTest = (c) => WS.has(c) || (c >= 0x2000 && c <= 0x200a);
const isDigit: CharTest = (c) => c >= 48 && c <= 57;
const isWord: CharTest = (c) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const not = (f: CharTest): CharTest => (c) => !f(c);
const SIMPLE_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };
const CLASS_ESCAPES: Record<string, CharTest> = { d: isDigit, D: not(isDigit), w: isWord, W: not(isWord), s: isSpace, S: not(isSpace) };
const SYNTAX = '^$\\.*+?()[]{}|/-';
/** Largest NFA a term may compile to (counted repetitions are copied out). */
const MAX_STATES = 2000;

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new RegexSyntaxError(`unexpected ${JSON.stringify(this.src[this.i])} at ${this.i}`);
    return node;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { t: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified());
    return { t: 'seq', items };
  }

  private quantified(): Node {
    const atom = this.atom();
    const q = this.quantifier();
    if (!q) return atom;
    if (atom.t === 'assert') throw new RegexSyntaxError('a quantifier after an anchor');
    if (this.peek() === '?') this.i++; // lazy: the same yes/no answer
    return { t: 'rep', node: atom, min: q.min, max: q.max };
  }

  private quantifier(): { min: number; max: number } | null {
    const c = this.peek();
    if (c === '*') return this.i++, { min: 0, max: Infinity };
    if (c === '+') return this.i++, { min: 1, max: Infinity };
    if (c === '?') return this.i++, { min: 0, max: 1 };
    if (c !== '{') return null;
    const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(this.src.slice(this.i));
    if (!m) throw new RegexSyntaxError('a "{" that is not a {m,n} count (write \\{ for the character)');
    this.i += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
    if (max < min) throw new RegexSyntaxError(`{${min},${max}} counts down`);
    return { min, max };
  }

  private atom(): Node {
    const c = this.src[this.i++]!;
    switch (c) {
      case '^':
        return { t: 'assert', kind: 'bol' };
      case '$':
        return { t: 'assert', kind: 'eol' };
      case '.':
        return { t: 'char', test: (x) => !isLineEnd(x) };
      case '[':
        return { t: 'char', test: this.charClass() };
      case '(': {
        if (this.src.startsWith('?:', this.i)) this.i += 2;
        else if (this.src.startsWith('?<', this.i) && /^\?<[A-Za-z_]\w*>/.test(this.src.slice(this.i))) this.i = this.src.indexOf('>', this.i) + 1;
        else if (this.peek() === '?') throw new RegexSyntaxError('lookarounds and other (?…) groups are not supported');
        const inner = this.alternation();
        if (this.src[this.i++] !== ')') throw new RegexSyntaxError('a "(" is not closed');
        return inner;
      }
      case ')':
        throw new RegexSyntaxError('a ")" closes nothing');
      case '*':
      case '+':
      case '?':
      case '{':
        throw new RegexSyntaxError(`nothing to repeat before "${c}"`);
      case '\\':
        return this.escape(false);
      default: {
        const code = c.charCodeAt(0);
        return { t: 'char', test: (x) => x === code };
      }
    }
  }

  /** After a backslash; inside a class, \b is a backspace and anchors make no sense. */
  private escape(inClass: true): CharTest;
  private escape(inClass: false): Node;
  private escape(inClass: boolean): Node | CharTest {
    const c = this.src[this.i++];
    if (c === undefined) throw new RegexSyntaxError('a pattern ending in "\\"');
    const wrap = (test: CharTest): Node | CharTest => (inClass ? test : { t: 'char', test });
    if (CLASS_ESCAPES[c]) return wrap(CLASS_ESCAPES[c]);
    if (!inClass && (c === 'b' || c === 'B')) return { t: 'assert', kind: c === 'b' ? 'word' : 'nonword' };
    if (inClass && c === 'b') return wrap((x) => x === 8);
    if (c in SIMPLE_ESCAPES) {
      if (c === '0' && /\d/.test(this.peek() ?? '')) throw new RegexSyntaxError('octal escapes are not supported');
      const code = SIMPLE_ESCAPES[c]!;
      return wrap((x) => x === code);
    }
    const hex = c === 'x' ? /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i)) : c === 'u' ? /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i)) : null;
    if (hex) {
      this.i += hex[0].length;
      const code = parseInt(hex[0], 16);
      return wrap((x) => x === code);
    }
    if (/[1-9]/.test(c) || c === 'k') throw new RegexSyntaxError('back-references are not supported');
    if (SYNTAX.includes(c) || !/[\p{L}\p{N}]/u.test(c)) {
      const code = c.charCodeAt(0);
      return wrap((x) => x === code);
    }
    throw new RegexSyntaxError(`"\\${c}" is not supported`);
  }

  private charClass(): CharTest {
    const negate = this.peek() === '^';
    if (negate) this.i++;
    const parts: CharTest[] = [];
    let first = true;
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined) throw new RegexSyntaxError('a "[" is not closed');
      if (c === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      const lo = this.classAtom();
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== undefined) {
        this.i++;
        const hi = this.classAtom();
        if (typeof lo !== 'number' || typeof hi !== 'number') throw new RegexSyntaxError('a range between classes');
        if (hi < lo) throw new RegexSyntaxError('a range out of order');
        parts.push((x) => x >= lo && x <= hi);
      } else parts.push(typeof lo === 'number' ? (x) => x === lo : lo);
    }
    const any: CharTest = (x) => parts.some((p) => p(x));
    return negate ? not(any) : any;
  }

  /** One class member: a code unit, or a class escape like \d. */
  private classAtom(): number | CharTest {
    const c = this.src[this.i++]!;
    if (c !== '\\') return c.charCodeAt(0);
    const save = this.i;
    const next = this.src[this.i];
    if (next && CLASS_ESCAPES[next]) {
      this.i++;
      return CLASS_ESCAPES[next];
    }
    this.i = save;
    const test = this.escape(true);
    // A single-character escape: recover its code unit for ranges.
    for (let x = 0; x <= 0xffff; x++) if (test(x)) return x;
    return test;
  }
}

export function parseRegex(source: string): Node {
  return new Parser(source).parse();
}

// ——— shapes that hang a backtracking engine (rejected so the author hears about them) ———

const canRepeat = (n: Node) => n.t === 'rep' && n.max > 1;

function containsRepeat(n: Node): boolean {
  switch (n.t) {
    case 'rep':
      return n.max > 1 || containsRepeat(n.node);
    case 'seq':
      return n.items.some(containsRepeat);
    case 'alt':
      return n.options.some(containsRepeat);
    default:
      return false;
  }
}

/** The characters a node can start with (assertions are transparent), and whether it can match empty. */
function firsts(n: Node): { test: CharTest; empty: boolean } {
  switch (n.t) {
    case 'char':
      return { test: n.test, empty: false };
    case 'assert':
      return { test: () => false, empty: true };
    case 'rep': {
      const f = firsts(n.node);
      return { test: f.test, empty: f.empty || n.min === 0 };
    }
    case 'alt': {
      const fs = n.options.map(firsts);
      return { test: (c) => fs.some((f) => f.test(c)), empty: fs.some((f) => f.empty) };
    }
    case 'seq': {
      const tests: CharTest[] = [];
      for (const item of n.items) {
        const f = firsts(item);
        tests.push(f.test);
        if (!f.empty) return { test: (c) => tests.some((t) => t(c)), empty: false };
      }
      return { test: (c) => tests.some((t) => t(c)), empty: true };
    }
  }
}

function overlap(a: CharTest, b: CharTest): boolean {
  for (let c = 0; c <= 0xffff; c++) if (a(c) && b(c)) return true;
  return false;
}

/** The first problem shape found, or null. */
export function hangShape(root: Node): string | null {
  let problem: string | null = null;
  const visit = (n: Node): void => {
    if (problem) return;
    if (n.t === 'rep') {
      if (n.max > 1 && containsRepeat(n.node)) {
        problem = 'regex term has a nested quantifier like (a+)+ that can hang';
        return;
      }
      if (n.max > 1) {
        const only = n.node.t === 'seq' && n.node.items.length === 1 ? n.node.items[0]! : n.node;
        const alts = only.t === 'alt' ? only.options : [];
        const fs = alts.map(firsts);
        for (let i = 0; i < fs.length && !problem; i++) {
          for (let j = i + 1; j < fs.length && !problem; j++) {
            if (overlap(fs[i]!.test, fs[j]!.test)) problem = 'regex term repeats alternatives that can match the same text, like (a|a)*, which can hang';
          }
        }
      }
      visit(n.node);
    } else if (n.t === 'seq') {
      // \w*\w* or a+a*: two repeats over the same characters in a row split a word in many ways.
      const reps = n.items.filter((x) => x.t !== 'assert');
      for (let i = 0; i + 1 < reps.length && !problem; i++) {
        const a = reps[i]!;
        const b = reps[i + 1]!;
        if (canRepeat(a) && canRepeat(b) && (a as { max: number }).max === Infinity && overlap(firsts(a).test, firsts(b).test)) {
          problem = 'regex term has two repeats in a row over the same characters, like \\w*\\w*, which can hang';
        }
      }
      n.items.forEach(visit);
    } else if (n.t === 'alt') n.options.forEach(visit);
  };
  visit(root);
  return problem;
}

// ——— the linear-time matcher ———

type State =
  | { k: 'char'; test: CharTest; out: number }
  | { k: 'split'; a: number; b: number }
  | { k: 'assert'; kind: 'bol' | 'eol' | 'word' | 'nonword'; out: number }
  | { k: 'match' };

class Builder {
  readonly states: State[] = [];
  add(s: State): number {
    if (this.states.length >= MAX_STATES) throw new RegexSyntaxError(`regex term is too large (more than ${MAX_STATES} steps once its counts are written out)`);
    this.states.push(s);
    return this.states.length - 1;
  }
  /** Compiles `n` so that it continues at `next`; returns its entry state. */
  build(n: Node, next: number): number {
    switch (n.t) {
      case 'char':
        return this.add({ k: 'char', test: n.test, out: next });
      case 'assert':
        return this.add({ k: 'assert', kind: n.kind, out: next });
      case 'seq': {
        let at = next;
        for (let i = n.items.length - 1; i >= 0; i--) at = this.build(n.items[i]!, at);
        return at;
      }
      case 'alt': {
        const entries = n.options.map((o) => this.build(o, next));
        let at = entries[entries.length - 1]!;
        for (let i = entries.length - 2; i >= 0; i--) at = this.add({ k: 'split', a: entries[i]!, b: at });
        return at;
      }
      case 'rep': {
        let at = next;
        if (n.max === Infinity) {
          // A loop: split → body → back to the split, or on to next.
          const split = this.add({ k: 'split', a: -1, b: next });
          const body = this.build(n.node, split);
          (this.states[split] as { a: number }).a = body;
          at = split;
        } else if (n.max > n.min) at = this.optionalChain(n, next);
        for (let i = 0; i < n.min; i++) at = this.build(n.node, at);
        return at;
      }
    }
  }
  /** max - min optional copies of `n.node`, each of which may be skipped to `next`. */
  private optionalChain(n: { node: Node; min: number; max: number }, next: number): number {
    let at = next;
    for (let i = n.min; i < n.max; i++) {
      const body = this.build(n.node, at);
      at = this.add({ k: 'split', a: body, b: next });
    }
    return at;
  }
}

/** A compiled regex term with RegExp's `test()`, in time linear in the input. */
export class SafeRegex {
  private readonly states: State[];
  private readonly start: number;
  constructor(readonly source: string) {
    const b = new Builder();
    const match = b.add({ k: 'match' });
    this.start = b.build(parseRegex(source), match);
    this.states = b.states;
  }

  test(input: string): boolean {
    const n = this.states.length;
    let current: number[] = [];
    let next: number[] = [];
    const seen = new Int32Array(n).fill(-1);
    let generation = 0;
    const wordAt = (i: number) => i >= 0 && i < input.length && isWord(input.charCodeAt(i));
    const addState = (list: number[], s: number, pos: number): boolean => {
      // Iterative closure over splits and assertions; true once the match state is reached.
      const stack = [s];
      while (stack.length) {
        const id = stack.pop()!;
        if (seen[id] === generation) continue;
        seen[id] = generation;
        const st = this.states[id]!;
        if (st.k === 'match') return true;
        if (st.k === 'split') {
          stack.push(st.b, st.a);
        } else if (st.k === 'assert') {
          const ok =
            st.kind === 'bol' ? pos === 0 : st.kind === 'eol' ? pos === input.length : (wordAt(pos - 1) !== wordAt(pos)) === (st.kind === 'word');
          if (ok) stack.push(st.out);
        } else list.push(id);
      }
      return false;
    };
    for (let pos = 0; pos <= input.length; pos++) {
      // Unanchored: a match may start at any position, as RegExp.test does.
      if (addState(current, this.start, pos)) return true;
      if (pos === input.length) break;
      const c = input.charCodeAt(pos);
      generation++;
      next.length = 0;
      for (const id of current) {
        const st = this.states[id] as { k: 'char'; test: CharTest; out: number };
        if (st.test(c) && addState(next, st.out, pos + 1)) return true;
      }
      [current, next] = [next, current];
    }
    return false;
  }
}
