/**
 * The exact alias pattern (`exactSource`) run without a RegExp. V8 compiles a RegExp on its first use in each
 * page, and this one (about 60 aliases with optional separators between their words) took Chromium 3.4-7.6 ms
 * to compile here, on every page that wakes the engine; the blocks it then reads are a few paragraphs. So the
 * source is read at build time (`compileAliasProgram`, into `LexiconData`) into a small program: an ordered list
 * of alternatives, each a sequence of character sets, some optional, with the word boundaries around it. On the
 * page, `aliasMatcher` runs it the way the RegExp would:
 *
 * - the leftmost position where an alternative matches; there, the first alternative in source order;
 * - inside an alternative, an optional set takes its character when it can and gives it back when what follows
 *   fails (greedy, with backtracking), the boundary after the alternative included.
 *
 * `(?<![…])(?:a|b|…)(?![…])` is read as the alternatives `a`, `b`… each with both boundaries: the same matches
 * in the same order (see `exactSource`). Only the syntax `exactSource` writes is understood: literal and escaped
 * characters, `\uXXXX`, classes with ranges, `?` after a character or a class, non-capturing groups of
 * alternatives, and a negative lookbehind or lookahead of one class. `compileAliasMatcher` returns null for
 * anything else, and the caller uses the RegExp. A unit test compares the two on the labeled cases, the text of
 * the corpus pages and generated spellings of every alias.
 */

/** A set of UTF-16 code units: sorted, inclusive ranges `[from0, to0, from1, to1, …]`. */
type CharSet = readonly number[];

interface Token {
  set: CharSet;
  optional: boolean;
}

interface Alternative {
  tokens: readonly Token[];
  /** No character of this set may come right before the match (a negative lookbehind), or null. */
  before: CharSet | null;
  /** No character of this set may come right after it (a negative lookahead), or null. */
  after: CharSet | null;
}

export interface AliasMatch {
  start: number;
  end: number;
}

export interface AliasMatcher {
  /** The first match in `text` starting at `from` or later, as `RegExp.exec` with `lastIndex = from`. */
  exec(text: string, from: number): AliasMatch | null;
}

class Unsupported extends Error {}

/** Recursive-descent reader of the subset of RegExp syntax described in the module comment. */
class Reader {
  pos = 0;
  constructor(readonly source: string) {}

  peek(): string {
    return this.source[this.pos] ?? '';
  }

  eat(text: string): boolean {
    if (!this.source.startsWith(text, this.pos)) return false;
    this.pos += text.length;
    return true;
  }

  /** One character (literal, `\x` or `\uXXXX`) as a code unit, outside or inside a class. */
  char(inClass: boolean): number {
    const ch = this.peek();
    if (ch === '') throw new Unsupported('end of source');
    if (ch !== '\\') {
      if (!inClass && '()[]{}*+?|^$.'.includes(ch)) throw new Unsupported(`unexpected ${ch}`);
      this.pos += 1;
      return ch.charCodeAt(0);
    }
    const next = this.source[this.pos + 1] ?? '';
    if (next === 'u') {
      const hex = this.source.slice(this.pos + 2, this.pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Unsupported('bad \\u escape');
      this.pos += 6;
      return parseInt(hex, 16);
    }
    // Escaped punctuation only: `\d`, `\w`, `\b`, `\1`… mean something else.
    if (next === '' || /[0-9A-Za-z]/.test(next)) throw new Unsupported(`escape \\${next}`);
    this.pos += 2;
    return next.charCodeAt(0);
  }

  /** `[…]` with single characters and ranges; no negation. */
  charClass(): CharSet {
    if (!this.eat('[')) throw new Unsupported('expected [');
    if (this.peek() === '^') throw new Unsupported('negated class');
    const ranges: [number, number][] = [];
    while (!this.eat(']')) {
      const from = this.char(true);
      let to = from;
      if (this.peek() === '-' && this.source[this.pos + 1] !== ']') {
        this.pos += 1;
        to = this.char(true);
        if (to < from) throw new Unsupported('bad range');
      }
      ranges.push([from, to]);
    }
    return normalizeSet(ranges);
  }

  /** A sequence of characters and classes, each maybe followed by `?`, up to `|`, `)` or the end. */
  sequence(): Token[] {
    const tokens: Token[] = [];
    for (;;) {
      const ch = this.peek();
      if (ch === '' || ch === '|' || ch === ')') return tokens;
      if (ch === '(') throw new Unsupported('group inside a sequence');
      let set: CharSet;
      if (ch === '[') set = this.charClass();
      else {
        const code = this.char(false);
        set = [code, code];
      }
      tokens.push({ set, optional: this.eat('?') });
    }
  }

  /** `(?<![…])` or `(?![…])`: the class, or null when the lookaround is not there. */
  lookaround(open: '(?<!' | '(?!'): CharSet | null {
    if (this.peek() !== '(' || !this.source.startsWith(`${open}[`, this.pos)) return null;
    this.pos += open.length;
    const set = this.charClass();
    if (!this.eat(')')) throw new Unsupported('lookaround of more than one class');
    return set;
  }

  /** The whole source: top-level branches, each `before? ((?:a|b|…) | sequence) after?`. */
  alternatives(): Alternative[] {
    const out: Alternative[] = [];
    do {
      const before = this.lookaround('(?<!');
      const bodies: Token[][] = [];
      if (this.eat('(?:')) {
        do bodies.push(this.sequence());
        while (this.eat('|'));
        if (!this.eat(')')) throw new Unsupported('unclosed group');
      } else {
        bodies.push(this.sequence());
      }
      const after = this.lookaround('(?!');
      for (const tokens of bodies) {
        // An alternative that can match nothing would need RegExp's empty-match rules.
        if (tokens.every((t) => t.optional)) throw new Unsupported('empty alternative');
        out.push({ tokens, before, after });
      }
    } while (this.eat('|'));
    if (this.pos !== this.source.length) throw new Unsupported(`unexpected ${this.peek()}`);
    return out;
  }
}

/** Ranges sorted and merged, as `inSet` reads them. */
function normalizeSet(ranges: [number, number][]): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of sorted) {
    const last = out.length - 1;
    if (out.length > 0 && from <= out[last]! + 1) out[last] = Math.max(out[last]!, to);
    else out.push(from, to);
  }
  return out;
}

/** Every code unit of a set (the sets a match can start with are small: a letter, a Han character). */
function codesOf(set: CharSet): number[] {
  const codes: number[] = [];
  for (let i = 0; i < set.length; i += 2) {
    if (set[i + 1]! - set[i]! > 255) throw new Unsupported('an alternative starts with a large class');
    for (let c = set[i]!; c <= set[i + 1]!; c += 1) codes.push(c);
  }
  return codes;
}

/**
 * The program: plain data (JSON), so that it can be computed at build time. `sets` holds each distinct set of
 * code units once; a token is `set index * 2 + (1 if optional)`; `before` and `after` are set indexes, -1 for
 * none; `starts` lists, for each code unit a match can start with, the alternatives that can, in source order,
 * and the code units that can follow it in a match (as ranges; null when a match may end right after it). On
 * English text most word starts that could begin an alias (`h`, `d`, `s`…) are ruled out by that second set,
 * without trying a single alternative.
 */
export interface AliasProgram {
  sets: number[][];
  alternatives: { tokens: number[]; before: number; after: number }[];
  starts: [number, number[], number[] | null][];
  /**
   * A small RegExp source (flags `g`) matching, in one character, every position where a match can start: the
   * start code units, behind the boundary their alternatives all share. V8 compiles it in a fraction of the time
   * the whole pattern takes and finds those positions natively; the interpreted loop then only sees them.
   */
  startSource: string;
}

/** A set as a RegExp class body (`\uXXXX` escapes). */
function classBody(set: CharSet): string {
  const hex = (code: number) => `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  let out = '';
  for (let i = 0; i < set.length; i += 2) {
    out += set[i] === set[i + 1] ? hex(set[i]!) : `${hex(set[i]!)}-${hex(set[i + 1]!)}`;
  }
  return out;
}

/** Ranges holding both (see `normalizeSet`). */
function union(a: CharSet, b: CharSet): CharSet {
  const ranges: [number, number][] = [];
  for (const set of [a, b]) for (let i = 0; i < set.length; i += 2) ranges.push([set[i]!, set[i + 1]!]);
  return normalizeSet(ranges);
}

function has(set: CharSet, code: number): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (code < set[i]!) return false;
    if (code <= set[i + 1]!) return true;
  }
  return false;
}

/**
 * What can follow `code` in a match of `tokens` that starts with it: the union of the sets that can take the next
 * character, whichever token took `code`; null when the match can end right after `code`.
 */
function secondsOf(tokens: readonly Token[], code: number): CharSet | null {
  let seconds: CharSet = [];
  for (let k = 0; k < tokens.length; k += 1) {
    if (has(tokens[k]!.set, code)) {
      let j = k + 1;
      for (; j < tokens.length; j += 1) {
        seconds = union(seconds, tokens[j]!.set);
        if (!tokens[j]!.optional) break;
      }
      if (j === tokens.length) return null;
    }
    if (!tokens[k]!.optional) break;
  }
  return seconds;
}

/**
 * The program for `source` (flags `g`, no others), or null when the source uses syntax this module does not
 * read (see the module comment).
 */
export function compileAliasProgram(source: string): AliasProgram | null {
  try {
    const alternatives = new Reader(source).alternatives();
    const sets: number[][] = [];
    const ids = new Map<string, number>();
    const idOf = (set: CharSet | null): number => {
      if (set === null) return -1;
      const key = set.join(',');
      let id = ids.get(key);
      if (id === undefined) {
        id = sets.length;
        sets.push([...set]);
        ids.set(key, id);
      }
      return id;
    };
    const starts = new Map<number, [number[], CharSet | null]>();
    const program = alternatives.map((alt, index) => {
      const firsts = new Set<number>();
      for (const token of alt.tokens) {
        for (const code of codesOf(token.set)) firsts.add(code);
        if (!token.optional) break;
      }
      for (const code of firsts) {
        const [list, seconds] = starts.get(code) ?? [[], []];
        const next = secondsOf(alt.tokens, code);
        starts.set(code, [[...list, index], seconds === null || next === null ? null : union(seconds, next)]);
      }
      return {
        tokens: alt.tokens.map((t) => idOf(t.set) * 2 + (t.optional ? 1 : 0)),
        before: idOf(alt.before),
        after: idOf(alt.after),
      };
    });
    // Start code units grouped by the boundary before that all their alternatives share (-1: none or mixed).
    const groups = new Map<number, [number, number][]>();
    for (const [code, [list]] of starts) {
      const before = program[list[0]!]!.before;
      const shared = list.every((index) => program[index]!.before === before) ? before : -1;
      groups.set(shared, [...(groups.get(shared) ?? []), [code, code]]);
    }
    const startSource =
      [...groups]
        .sort((a, b) => a[0] - b[0])
        .map(([before, codes]) => {
          const first = `[${classBody(normalizeSet(codes))}]`;
          return before < 0 ? first : `(?<![${classBody(sets[before]!)}])${first}`;
        })
        .join('|') || '(?!)';
    return {
      sets,
      alternatives: program,
      startSource,
      starts: [...starts]
        .sort((a, b) => a[0] - b[0])
        .map(([code, [list, seconds]]) => [code, list, seconds === null ? null : [...seconds]]),
    };
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/** `compileAliasProgram` then `aliasMatcher` (tests, and callers without a build step). */
export function compileAliasMatcher(source: string): AliasMatcher | null {
  const program = compileAliasProgram(source);
  return program === null ? null : aliasMatcher(program);
}

/** Code units below this are looked up in arrays; the others (Han characters…) in maps and ranges. */
const LOW = 0x500;

/** Whether each code unit below `LOW` is in `set`. */
function lowFlags(set: CharSet): boolean[] {
  const flags = new Array<boolean>(LOW).fill(false);
  for (let i = 0; i < set.length && set[i]! < LOW; i += 2)
    flags.fill(true, set[i]!, Math.min(set[i + 1]! + 1, LOW));
  return flags;
}

/**
 * Runs a program (see the module comment). Written for V8's interpreter, which runs it on most pages (it runs
 * once or a few times per page): indexed loops, no iterators, array lookups for the per-character tests, and no
 * typed arrays (the first 64 KB one took 0.4-0.6 ms to create in a fresh Chromium page here).
 */
export function aliasMatcher(program: AliasProgram): AliasMatcher {
  const { sets, alternatives } = program;
  const low: (boolean[] | undefined)[] = [];
  const inSet = (id: number, code: number): boolean =>
    code < LOW ? (low[id] ??= lowFlags(sets[id]!))[code] === true : has(sets[id]!, code);
  /** Code units a match can start with: the alternatives to try there, and what may follow (see `starts`). */
  type Start = { list: number[]; seconds: number[] | null };
  const lowStarts = new Array<Start | undefined>(LOW).fill(undefined);
  const highStarts = new Map<number, Start>();
  for (const [code, list, seconds] of program.starts) {
    if (code < LOW) lowStarts[code] = { list, seconds };
    else highStarts.set(code, { list, seconds });
  }

  let startRe: RegExp | undefined;

  /** End of `tokens[i…]` matched at `pos`, then the boundary after; -1 when it fails. */
  const matchFrom = (
    text: string,
    tokens: readonly number[],
    i: number,
    pos: number,
    after: number,
  ): number => {
    for (; i < tokens.length; i += 1) {
      const token = tokens[i]!;
      const fits = pos < text.length && inSet(token >> 1, text.charCodeAt(pos));
      if ((token & 1) === 1) {
        if (fits) {
          const end = matchFrom(text, tokens, i + 1, pos + 1, after);
          if (end >= 0) return end;
        }
        continue;
      }
      if (!fits) return -1;
      pos += 1;
    }
    if (after >= 0 && pos < text.length && inSet(after, text.charCodeAt(pos))) return -1;
    return pos;
  };

  return {
    exec(text, from) {
      const starter = (startRe ??= new RegExp(program.startSource, 'g'));
      starter.lastIndex = from > 0 ? from : 0;
      for (let found = starter.exec(text); found !== null; found = starter.exec(text)) {
        const start = found.index;
        const code = text.charCodeAt(start);
        const entry = code < LOW ? lowStarts[code] : highStarts.get(code);
        if (entry === undefined) continue;
        if (
          entry.seconds !== null &&
          (start + 1 >= text.length || !has(entry.seconds, text.charCodeAt(start + 1)))
        )
          continue;
        const previous = start > 0 ? text.charCodeAt(start - 1) : -1;
        // Most alternatives share one boundary before: it is tested once per position.
        let tested = -1;
        let allowed = true;
        const list = entry.list;
        for (let c = 0; c < list.length; c += 1) {
          const alt = alternatives[list[c]!]!;
          if (alt.before >= 0 && previous >= 0) {
            if (alt.before !== tested) {
              tested = alt.before;
              allowed = !inSet(alt.before, previous);
            }
            if (!allowed) continue;
          }
          const end = matchFrom(text, alt.tokens, 0, start, alt.after);
          if (end >= 0) return { start, end };
        }
      }
      return null;
    },
  };
}
