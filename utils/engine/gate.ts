/**
 * The gate: one cheap pass over the page's text nodes that finds the few that may hold a mention.
 *
 * It is a plain `SHOW_TEXT` TreeWalker (no JS filter callback per node, no string join, no layout) testing one
 * precompiled, non-global RegExp (`GatePatterns.prefilter`: short anchors such as `hik`, `dah`, `hyt`, `ezv`,
 * `hilook`, `海康威视`, `大华`, plus full-width letters and zero-width characters) against each node's data;
 * the rare nodes where it fires are confirmed with stricter patterns (see `GatePatterns`). Every alias match and
 * every near-miss candidate starts with an anchor, so a page the gate passes over cannot contain a mention.
 *
 * Before the walk, `mayHoldMention` tests the whole text of the root at once (`textContent`, one native string,
 * no JS per node). On most pages it finds no anchor and the walk never runs; it is a necessary condition only,
 * so a page where it fires still gets the exact walk below.
 *
 * Two refinements keep the walk exact without slowing it down:
 * - An anchor split across text nodes (`H<b>ik</b>vision`, `海<b>康威视</b>`, `<a>Hik</a><a>-Connect</a>`) is
 *   caught by testing the last characters of the previous node joined with the first characters of the next
 *   one, only when the word visibly continues (a letter on both sides of the boundary) or the previous node
 *   ended in a letter and held an anchor's letters.
 * - Exclusions (script, textarea, hidden, contenteditable, our own UI...) are checked only for the rare nodes
 *   that hit, by walking their ancestors; large script/style text is skipped by a parent check.
 */
import { isInExcludedSubtree } from './dom';
import type { GatePatterns, WholeTextGate } from './lexicon';
import { FOLLOWING, customElementShadowRootSteps } from './shadow';

const SHOW_TEXT = 0x4;
/** Characters of each side joined to test an anchor split across two text nodes. */
const SEAM = 12;
/** Text nodes longer than this are checked for a script/style parent before being tested. */
const LARGE_NODE = 2048;
const RAW_TEXT_TAGS = ['script', 'style', 'noscript', 'template', 'textarea'];
const RAW_TEXT_PARENTS = new Set(RAW_TEXT_TAGS);
/** The same elements as a selector, for `textOutsideRawText`. */
const RAW_TEXT_SELECTOR = RAW_TEXT_TAGS.join(',');
/**
 * Characters of raw text under a root above which `textOutsideRawText` reads around it: below, one
 * `textContent` costs less than the pieces.
 */
export const RAW_TEXT_SKIP_CHARS = 16_384;

export interface GateResult {
  /** Text nodes (outside excluded subtrees) where an anchor was found, in document order. */
  hits: Text[];
  /** Text nodes visited. */
  nodes: number;
  /** Characters in the text nodes visited (0 when the whole-text test ended the gate before the walk). */
  chars: number;
  /** Nodes where an anchor was found but that lie in an excluded subtree. */
  excluded: number;
}

/** A letter-like character code: ASCII letter, or anything non-ASCII except spaces, punctuation and symbols. */
function isLetterish(code: number): boolean {
  if (code < 0x80) return ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return (
    code >= 0xc0 &&
    !(code >= 0x2000 && code <= 0x2bff) &&
    !(code >= 0x3000 && code <= 0x303f) &&
    !(code >= 0xff00 && code <= 0xff0f) &&
    code !== 0xfeff
  );
}

/** Ignorable characters the tolerant patterns skip between letters (soft hyphen, zero-width, word joiner...). */
const IGNORABLE = /[\u00AD\u200B-\u200F\u2060\uFEFF\u180E]|\u034F/g;
/** Full-width Latin letters (and the few signs between them), folded to ASCII by subtracting this offset. */
const FULL_WIDTH = /[\uFF21-\uFF5A]/g;
const FULL_WIDTH_OFFSET = 0xff21 - 0x41;

/** `text` with ignorable characters removed and full-width Latin folded to ASCII. */
export function foldExotic(text: string): string {
  return text
    .replace(IGNORABLE, '')
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/**
 * What the whole-text test found in `text` (a whole subtree's `textContent`):
 * - `'none'`: no anchor with what must follow it, in the text as it is or, where it holds full-width letters or
 *   ignorable characters, folded around them (`foldedAroundExotic`). Joining the text nodes without separators
 *   can only add matches (`H<b>ik</b>vision` reads `Hikvision`, as the walk's seams do), never remove one, so
 *   the walk would find no candidate either.
 * - `'word'`: an anchor at the start of a word (`wordStart`), or one the folding revealed.
 * - `'glued'`: anchors only inside words (`rhythm`, `Yoshikitty`, `chytře`, `GEZvp` in an inline script). The
 *   joined text cannot tell a word from two nodes glued together (`<span>Visit</span><a>hikvision.com</a>`
 *   reads `Visithikvision.com`), so only the walk (`gateSteps`), which sees the nodes, can rule it out.
 */
export type WholeTextVerdict = 'none' | 'glued' | 'word';

export function wholeTextVerdict(text: string, patterns: WholeTextGate): WholeTextVerdict {
  if (!patterns.prefilter.test(text)) return 'none';
  if (patterns.anchored.test(text)) return patterns.wordStart.test(text) ? 'word' : 'glued';
  if (!patterns.exotic.test(text)) return 'none';
  return foldedAroundExotic(text, patterns) ? 'word' : 'none';
}

/** A necessary condition for `text` to hold a mention (`wholeTextVerdict` is not `'none'`). */
export function mayHoldMention(text: string, patterns: WholeTextGate): boolean {
  return wholeTextVerdict(text, patterns) !== 'none';
}

/** Characters kept on each side of a full-width or ignorable character when the text is folded around it. */
export const EXOTIC_CONTEXT = 64;
const globalExotic = new WeakMap<RegExp, RegExp>();

/**
 * Whether `anchored` matches the text folded (`foldExotic`) in windows of `EXOTIC_CONTEXT` characters around
 * each full-width or ignorable character, overlapping windows merged. A match that the text itself does not
 * hold must contain such a character, so this equals testing the whole folded text for every match shorter
 * than the context (a name is at most a few dozen characters), and folds only the windows: a page with a few
 * soft hyphens or zero-width joiners (11 of the 130 corpus pages) is not copied twice whole.
 */
function foldedAroundExotic(text: string, patterns: WholeTextGate): boolean {
  let all = globalExotic.get(patterns.exotic);
  if (all === undefined) {
    all = new RegExp(patterns.exotic.source, 'g');
    globalExotic.set(patterns.exotic, all);
  }
  all.lastIndex = 0;
  let start = -1;
  let end = -1;
  for (let m = all.exec(text); m !== null; m = all.exec(text)) {
    const from = Math.max(0, m.index - EXOTIC_CONTEXT);
    const to = Math.min(text.length, m.index + m[0].length + EXOTIC_CONTEXT);
    if (start >= 0 && from <= end) {
      end = to;
      continue;
    }
    if (start >= 0 && patterns.anchored.test(foldExotic(text.slice(start, end)))) return true;
    start = from;
    end = to;
  }
  return start >= 0 && patterns.anchored.test(foldExotic(text.slice(start, end)));
}

/**
 * `root.textContent`, without the text of its `script`, `style`, `noscript`, `template` and `textarea`
 * elements once they hold more than `RAW_TEXT_SKIP_CHARS` characters: the walk never looks there, so no mention
 * can be found there, but a page can carry hundreds of kilobytes of inline CSS or JSON in its body (breitbart
 * 531 K of its 590 K characters, yahoo-3 333 K of 424 K, bbc-1 33 K of 70 K), which `textContent` copies and
 * every pattern of the whole-text test then reads. The text around them is read with one `Range` per gap (its
 * `toString()` joins the text nodes inside, as `textContent` does); the raw elements are found with one native
 * query and measured by their text nodes' lengths, without copying their text.
 */
export function textOutsideRawText(root: Node): string {
  const scope = root as Partial<ParentNode>;
  if (typeof scope.querySelectorAll !== 'function') return root.textContent ?? '';
  const raw = scope.querySelectorAll(RAW_TEXT_SELECTOR);
  let rawChars = 0;
  for (let i = 0; i < raw.length && rawChars <= RAW_TEXT_SKIP_CHARS; i++) {
    for (let child = raw[i]!.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) rawChars += (child as Text).length;
    }
  }
  if (rawChars <= RAW_TEXT_SKIP_CHARS) return root.textContent ?? '';
  const doc = root.ownerDocument ?? (root as Document);
  const range = doc.createRange();
  range.selectNodeContents(root);
  const parts: string[] = [];
  let skipped: Element | null = null;
  for (let i = 0; i < raw.length; i++) {
    const el = raw[i]!;
    // A raw element inside one already skipped (a `style` in a `noscript`) is skipped with it.
    if (skipped !== null && skipped.contains(el)) continue;
    range.setEndBefore(el);
    parts.push(range.toString());
    range.setStartAfter(el);
    range.setEnd(root, root.childNodes.length);
    skipped = el;
  }
  parts.push(range.toString());
  range.detach();
  return parts.join('');
}

/** Subtrees (see `textParts`) whose text `wholeTextSteps` reads at once, with one `Range`. */
export const WHOLE_TEXT_GROUP = 256;
/** Characters of one group's end carried into the next test, so that a name across an edge is read. */
const WHOLE_TEXT_OVERLAP = 256;
/** `wholeTextSteps` opens the page's wrappers, up to 4 levels down, until it has this many subtrees. */
const WHOLE_TEXT_PARTS = 64;
/** A root with more elements than this is read in pieces (the 100,000-element hostile page has 100,001). */
export const LARGE_ELEMENTS = 20_000;
/** A document whose HTML was larger than this (decoded bytes) is read in pieces (largest corpus page: 1.03 MB). */
export const LARGE_HTML_BYTES = 2_000_000;

/**
 * Whether one `root.textContent` may be a long task, so that `wholeTextSteps` should read it in pieces: more
 * than `LARGE_ELEMENTS` elements under it, or, for the whole document (not a subtree a rescan reads), a page that
 * arrived as more than `LARGE_HTML_BYTES` of HTML. The count is made natively, without a wrapper per element
 * (+0.05 ms median in a Chromium isolated world on the corpus), and the navigation entry is already there.
 */
export function mayBeLarge(root: Node): boolean {
  const scope = root as Partial<ParentNode> & Partial<Pick<Element, 'getElementsByTagName'>>;
  if (
    typeof scope.getElementsByTagName === 'function' &&
    scope.getElementsByTagName('*').length > LARGE_ELEMENTS
  )
    return true;
  const doc = root.ownerDocument ?? (root as Document);
  if (root !== doc && root !== doc.documentElement && root !== doc.body) return false;
  const perf = doc.defaultView?.performance;
  if (perf === undefined || typeof perf.getEntriesByType !== 'function') return false;
  const [entry] = perf.getEntriesByType('navigation') as Partial<PerformanceNavigationTiming>[];
  return (entry?.decodedBodySize ?? 0) > LARGE_HTML_BYTES;
}

/**
 * A run of consecutive children of one parent, from `first` to `last`, read as one piece without touching the
 * children between them. A class, tested with `instanceof`: a duck-typed test could be fooled by a `<form>`,
 * whose named controls shadow its properties (`<input name="first">`).
 */
class ChildSpan {
  constructor(
    readonly first: Node,
    readonly last: Node,
    /** Children in the run when it was cut. */
    readonly weight: number,
  ) {}
}

/** A piece of a root's text: a node's whole subtree, or a run of some parent's children. */
type TextPart = Node | ChildSpan;

const isSpan = (part: TextPart): part is ChildSpan => part instanceof ChildSpan;

/**
 * Pieces (in document order) whose texts joined make up `root.textContent`: the root's children, and their
 * children while there are few of them (a page's wrappers), so that a page's text can be read in pieces. A node
 * with more than `WHOLE_TEXT_GROUP` children is cut into runs of that many children (`ChildSpan`, found by
 * index: a wrapper for the two ends only). The body of the 100,000-element hostile page has 20,000 children;
 * listing them with `nextSibling` was one 45 ms step in a Firefox content script (`bench/ff-stall.ts`).
 */
function textParts(root: Node): TextPart[] {
  let parts: TextPart[] = [root];
  for (let level = 0; level < 4 && parts.length < WHOLE_TEXT_PARTS; level++) {
    const next: TextPart[] = [];
    let opened = false;
    for (const node of parts) {
      if (isSpan(node) || node.firstChild === null || (node.nodeType !== 1 && node !== root)) {
        next.push(node);
        continue;
      }
      opened = true;
      const children = node.childNodes;
      const count = children.length;
      if (count > WHOLE_TEXT_GROUP) {
        for (let from = 0; from < count; from += WHOLE_TEXT_GROUP) {
          const to = Math.min(count, from + WHOLE_TEXT_GROUP);
          const first = children[from];
          const last = children[to - 1];
          if (first !== undefined && last !== undefined) next.push(new ChildSpan(first, last, to - from));
        }
        continue;
      }
      for (let child: Node | null = node.firstChild; child !== null; child = child.nextSibling) {
        const type = child.nodeType;
        // Comments and processing instructions are not part of their parent's `textContent`.
        if (type === 1 || type === 3 || type === 4) next.push(child);
      }
    }
    if (!opened) break;
    parts = next;
  }
  return parts;
}

/**
 * `wholeTextVerdict(textOutsideRawText(root))`, then `mayHoldMention` on the text of each open shadow root of the custom
 * elements under `root` (`customElementShadowRootSteps`: text a TreeWalker and `textContent` do not reach; a hit
 * there is a `'word'`, since the walk does not enter shadow roots). A `large` root (`mayBeLarge`) is read in
 * pieces, pausing between them: as the root's subtrees (`textParts`) in groups of `WHOLE_TEXT_GROUP`, each
 * group's text at once with a `Range` (its `toString()` is the text of the text nodes inside, like
 * `textContent`). On a page of a few megabytes of text one `textContent` is a single 60-90 ms task (measured in
 * Chromium and Firefox on a 5 MB page); the pieces can be spread over several tasks. Each test includes the
 * previous group's last `WHOLE_TEXT_OVERLAP` characters, so a name across an edge is found. Any other root is
 * read at once: one `textContent`, or, around a lot of raw text, one `Range` per gap (`textOutsideRawText`).
 */
export function* wholeTextSteps(
  root: Node,
  patterns: WholeTextGate,
  large = mayBeLarge(root),
): Generator<void, WholeTextVerdict, void> {
  const light = large
    ? yield* lightTextSteps(root, patterns)
    : wholeTextVerdict(textOutsideRawText(root), patterns);
  if (light === 'word') return light;
  const roots = yield* customElementShadowRootSteps(root);
  for (const shadow of roots) {
    if (mayHoldMention(shadow.textContent ?? '', patterns)) return 'word';
  }
  return light;
}

function* lightTextSteps(root: Node, patterns: WholeTextGate): Generator<void, WholeTextVerdict, void> {
  const parts = textParts(root);
  // Few subtrees (a span only comes from a node with more children than a group): one read.
  if (parts.length <= WHOLE_TEXT_GROUP && !parts.some(isSpan))
    return wholeTextVerdict(root.textContent ?? '', patterns);
  const doc = root.ownerDocument ?? (root as Document);
  const range = doc.createRange();
  let tail = '';
  let verdict: WholeTextVerdict = 'none';
  // Groups of consecutive parts, about `WHOLE_TEXT_GROUP` children each (a span counts its children).
  for (let i = 0; i < parts.length;) {
    const first = parts[i]!;
    let last = first;
    let weight = 0;
    for (; i < parts.length && weight < WHOLE_TEXT_GROUP; i++) {
      last = parts[i]!;
      weight += isSpan(last) ? last.weight : 1;
    }
    let text: string;
    if (first === last && !isSpan(first)) text = first.textContent ?? '';
    else {
      const start = isSpan(first) ? first.first : first;
      const end = isSpan(last) ? last.last : last;
      // The page removed or moved a piece's end since the pieces were cut (the test pauses between groups):
      // the text between them can no longer be located, so leave the decision to the walk, which reads the
      // page as it is now.
      if (!root.contains(start) || !root.contains(end)) return 'glued';
      if (start !== end && !(start.compareDocumentPosition(end) & FOLLOWING)) return 'glued';
      range.setStartBefore(start);
      range.setEndAfter(end);
      text = range.toString();
    }
    const chunk = tail + text;
    const found = wholeTextVerdict(chunk, patterns);
    if (found === 'word') return found;
    if (found === 'glued') verdict = found;
    tail = chunk.slice(-WHOLE_TEXT_OVERLAP);
    if (i < parts.length) yield;
  }
  range.detach();
  return verdict;
}

/**
 * The patterns of the boot's walk (`pageTestSteps`), from the whole-text test's own: a node (or a seam between
 * two) is a candidate when it holds a word-start anchor (`wordStart`) or an exotic character. Every alias match
 * and near miss starts at a word boundary with what `wordStart` demands (the same anchors and left boundary as
 * the engine's `tolerant` pattern, with the letters that must follow), and exotic characters defer to the
 * engine, so the walk misses nothing the matcher finds; it needs no `tolerant` pattern (3 KB more source that
 * every page would parse with the boot).
 */
export function walkPatterns(patterns: WholeTextGate): GatePatterns {
  let walk = walkGates.get(patterns);
  if (walk === undefined) {
    const tolerant = new RegExp(`${patterns.wordStart.source}|${patterns.exotic.source}`, 'i');
    // Without an exotic character, `tolerant` matches where `wordStart` does.
    walk = { ...patterns, tolerant, plain: patterns.wordStart };
    walkGates.set(patterns, walk);
  }
  return walk;
}
const walkGates = new WeakMap<WholeTextGate, GatePatterns>();

/**
 * The boot's test of a page (or of content it added) before it loads the engine: `wholeTextSteps`, and where
 * that found anchors only inside words (`'glued'`), a walk of the text nodes and the seams between them
 * (`gateSteps` with `walkPatterns`), which reads each node's start as a word start. True when the walk finds a
 * candidate, or the whole-text test found a word-start anchor or one in an open shadow root: on a page that
 * only says "rhythm" the engine is never loaded.
 */
export function* pageTestSteps(
  doc: Document,
  root: Node,
  patterns: WholeTextGate,
): Generator<void, boolean, void> {
  const verdict = yield* wholeTextSteps(root, patterns);
  if (verdict !== 'glued') return verdict === 'word';
  const walk = yield* gateSteps(doc, root, walkPatterns(patterns), true);
  return walk.hits.length > 0;
}

/**
 * Runs the gate over the text under `root`: `mayHoldMention` on its whole text (unless the caller just did:
 * `wholeTextChecked`), then the walk. The patterns are non-global, so `test` keeps no state between
 * nodes.
 */
export function runGate(
  doc: Document,
  root: Node,
  patterns: GatePatterns,
  wholeTextChecked = false,
): GateResult {
  const steps = gateSteps(doc, root, patterns, wholeTextChecked);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Text nodes the walk visits between two pauses of `gateSteps`... */
export const GATE_NODES_PER_STEP = 4096;
/** ...or characters it reads, whichever comes first (a page of long paragraphs has few, large nodes). */
export const GATE_CHARS_PER_STEP = 262_144;

/**
 * `runGate` as steps: the walk pauses every `GATE_NODES_PER_STEP` text nodes or `GATE_CHARS_PER_STEP`
 * characters, so that the content script can spread the walk of a huge page over several tasks. The TreeWalker carries on from where it stopped; content
 * the page changes meanwhile is rescanned anyway (the MutationObserver sees it).
 */
export function* gateSteps(
  doc: Document,
  root: Node,
  patterns: GatePatterns,
  wholeTextChecked = false,
): Generator<void, GateResult, void> {
  if (!wholeTextChecked && !mayHoldMention(root.textContent ?? '', patterns)) {
    return { hits: [], nodes: 0, chars: 0, excluded: 0 };
  }
  const { prefilter, anchored, exotic, tolerant, plain } = patterns;
  // `(anchored || exotic) && tolerant`, with `plain` standing in for `tolerant` where it gives the same answer.
  const confirm = (value: string): boolean =>
    exotic.test(value) ? tolerant.test(value) : anchored.test(value) && plain.test(value);
  const raw: Text[] = [];
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  let stepNodes = 0;
  let stepChars = 0;
  let prev: Text | null = null;
  // The previous node's text when it ended in a letter (its tail may join the next node), else ''. Kept as a
  // reference: the tail is only sliced off when a seam is actually tested.
  let prevData = '';
  // Letters carried over several short nodes (`E<i>z</i>viz`); '' when the tail is just `prevData`'s.
  let carry = '';
  // The previous node held an anchor's letters, so a separator or the next word may follow in the next node.
  let prevLiteral = false;
  // ' ' when whitespace-only nodes sit between a node with anchor letters and the current one.
  let gap = '';
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodes += 1;
    if (++stepNodes >= GATE_NODES_PER_STEP || stepChars >= GATE_CHARS_PER_STEP) {
      yield;
      stepNodes = 0;
      stepChars = 0;
    }
    const text = node as Text;
    const data = text.data;
    const length = data.length;
    chars += length;
    stepChars += length;
    // Whitespace-only nodes (most of the nodes of an indented page) need no RegExp call.
    let first = 0;
    while (first < length && data.charCodeAt(first) <= 0x20) first += 1;
    if (first === length) {
      if (length > 0 && prevLiteral) gap = ' ';
      else if (length > 0) prevData = carry = '';
      continue;
    }
    if (length > LARGE_NODE) {
      const parent = text.parentElement;
      if (parent !== null && RAW_TEXT_PARENTS.has(parent.localName)) {
        prevData = carry = gap = '';
        prevLiteral = false;
        continue;
      }
    }
    const candidate = prefilter.test(data);
    // A word continues across the boundary (`H<b>ik</b>vision`), or the previous node had an anchor that
    // may continue here (`<a>Hik</a><a>-Connect</a>`).
    const joined = prevData !== '' && gap === '' && first === 0 && isLetterish(data.charCodeAt(0));
    if (candidate && confirm(data)) {
      raw.push(text);
    } else if (prevData !== '' && (joined || prevLiteral)) {
      const seam = (carry !== '' ? carry : prevData.slice(-SEAM)) + gap + data.slice(0, SEAM);
      if (prefilter.test(seam) && confirm(seam)) {
        if (prev !== null && raw[raw.length - 1] !== prev) raw.push(prev);
        raw.push(text);
      }
    }
    if (isLetterish(data.charCodeAt(length - 1))) {
      carry =
        joined && length < SEAM ? ((carry !== '' ? carry : prevData.slice(-SEAM)) + data).slice(-SEAM) : '';
      prevData = data;
      prevLiteral = candidate;
    } else {
      prevData = carry = '';
      prevLiteral = false;
    }
    gap = '';
    prev = text;
  }
  if (raw.length === 0) return { hits: raw, nodes, chars, excluded: 0 };
  const cache = new Map<Element, boolean>();
  const hits = raw.filter((t) => !isInExcludedSubtree(t, cache));
  return { hits, nodes, chars, excluded: raw.length - hits.length };
}
