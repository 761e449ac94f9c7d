/**
 * Incremental parsing: the text is cut into chunks at ATX headings, each chunk is parsed on its
 * own and kept keyed by its text, and a new version re-parses only the chunks whose text changed. The assembled
 * tree is exactly what `parseMarkdown(text)` gives, positions included (a property test checks it).
 *
 * Why a chunk boundary is safe. A boundary is a line that starts with `#` in column 1 right after a blank line.
 * Such a line continues no block quote or list item (no `>`, no indentation) and no paragraph (a blank line came
 * first), so every container closes before it, together with any code or HTML they hold. Only a top-level fenced
 * code block or HTML block (kinds 1–5, which run through blank lines) could still be open and swallow the line.
 * Parsed alone, the chunk before the boundary shows that: such an unclosed block runs to the end of the chunk,
 * over its trailing blank line, whereas every closed block ends before it. After the heading, the parser starts
 * afresh, exactly as it does at the start of a chunk. What is left is global: link reference and footnote
 * definitions resolve across the whole document, and front matter exists only at its very start.
 *
 * So each new version: (1) the chunks before and after the changed stretch are found by comparing their texts in
 * place, and a cheap line scan proposes boundaries in the stretch, skipping front matter and what looks like an
 * open fence or HTML block; (2) changed chunks are parsed (or found among the last version's, by text); (3) every
 * boundary is verified on the chunk trees, and anything doubtful (a definition anywhere, an open block at a
 * boundary, front matter not closed in the first chunk, a parser failure) falls back to one full parse; (4) the
 * chunks' top-level nodes are moved to their new lines and offsets (columns never change: chunks start at line
 * starts) and joined under a new root. The nodes inside them move when they are read (`settle`): after a keystroke,
 * every later node's offset changes, and moving them all would cost as much as the rest of the analysis.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { type ParseResult, parseMarkdown } from './parse';
import { finish, type Steps } from './steps';

interface Chunk {
  text: string;
  result: ParseResult;
  /** Lines and offset by which the chunk's top-level nodes are currently shifted from the chunk's own coordinates. */
  lineShift: number;
  offsetShift: number;
  /** The same for the nodes inside them, which move only when asked for (`settle`): most are never read again. */
  innerLineShift: number;
  innerOffsetShift: number;
  /** Holds a link reference or footnote definition: those resolve across chunks. */
  hasDefinitions: boolean;
  /** Its last block reaches into its last line: an unclosed fence or HTML block when that line is blank. */
  openAtEnd: boolean;
  /** Its first block is front matter. */
  startsWithFrontMatter: boolean;
}

type Point = NonNullable<Root['position']>['start'];

interface ChunkStart {
  offset: number;
  /** 0-based line. */
  line: number;
}

/** A parsed version: its text, where its chunks start and the chunks. */
interface Version {
  text: string;
  starts: ChunkStart[];
  chunks: Chunk[];
}

/** Where the chunks of a new version start, and those known from the last version (undefined: still to find). */
interface Plan {
  starts: ChunkStart[];
  known: Array<Chunk | undefined>;
  /** Chunks of the last version that the changed stretch may reuse (same text elsewhere, an undo). */
  candidates: readonly Chunk[];
}

/**
 * The incremental parser's tree. Its top-level nodes are where they are in the text; the nodes inside them may still
 * carry the positions of an earlier version until `settle` is called for them.
 */
export interface IncrementalParseResult extends ParseResult {
  /** Moves the nodes inside these top-level nodes to their place in the text. Call it before reading their positions. */
  settle(nodes: Iterable<RootContent>): void;
}

export interface IncrementalParserOptions {
  /**
   * The least length of a chunk when there is no earlier version to reuse. A parser used for one text (a check on
   * the command line, a template) parses fewer, longer chunks: every chunk parse has a fixed cost, a third of a short
   * section's, while the chunks stay short enough for the parse to stay linear. An editor's parser keeps to headings
   * (the default, 0): a long chunk would be parsed again at the first keystroke in it.
   */
  minChunkLength?: number;
}

/**
 * Chunks of 2–4 KB parsed a text once fastest here: a fifth faster than one chunk per heading on 4,000 short
 * sections, and slower again from 8 KB on (micromark's time grows faster than the text already there).
 */
export const ONE_PARSE_CHUNK_LENGTH = 2048;

export class IncrementalParser {
  constructor(private readonly options: IncrementalParserOptions = {}) {}

  /** The last version parsed to the end, unless it was parsed whole because of definitions. */
  private last: Version | undefined;
  /** Chunks parsed by a run that was stopped before it finished. */
  private parsedAhead = new Map<string, Chunk[]>();

  /** Chunks that the last `parse` call parsed (cache misses). */
  lastReparsedChunks = 0;
  /** Chunks the last version was cut into. */
  lastChunkCount = 0;
  /** Whether the last `parse` fell back to parsing the whole text at once, and why. */
  lastWasFull = false;
  lastFallbackReason: string | undefined;

  /**
   * Parses `text` and returns what `parseMarkdown(text)` would. The tree shares its nodes with the cache: treat it
   * as read-only, and as valid until the next call (the next call may move the nodes' positions).
   */
  parse(text: string): ParseResult {
    const result = finish(this.parseSteps(text));
    result.settle(result.root.children);
    return result.error === undefined ? { root: result.root } : { root: result.root, error: result.error };
  }

  /**
   * `parse` as steps, one per chunk parsed, with the positions inside top-level nodes settled on demand. A run
   * stopped half-way leaves the parser as it was.
   */
  *parseSteps(text: string): Steps<IncrementalParseResult> {
    // A definition resolves across chunks, so it forces a full parse anyway: skip the chunk parses up front.
    if (!this.last && DEFINITION_LIKE.test(text)) return this.parsedWhole(text, 'definitions', undefined, 0);
    const plan = this.last
      ? changedStretch(this.last, text)
      : { starts: atLeast(chunkStarts(text, { offset: 0, line: 0 }), this.options.minChunkLength ?? 0), known: [], candidates: [] };
    const { starts } = plan;
    yield;
    // Chunks are taken, not removed, so that a run stopped half-way leaves everything whole; what it parsed is kept
    // aside for the next run.
    const inUse = new Set<Chunk>();
    let pool: Map<string, Chunk[]> | undefined;
    const take = (list: Chunk[] | undefined) => list?.find((chunk) => !inUse.has(chunk));
    const chunks: Chunk[] = [];
    let reparsed = 0;
    for (let i = 0; i < starts.length; i++) {
      let chunk = plan.known[i];
      if (!chunk) {
        const chunkText = text.slice(starts[i].offset, i + 1 < starts.length ? starts[i + 1].offset : text.length);
        pool ??= poolOf(plan.candidates);
        chunk = take(pool.get(chunkText)) ?? take(this.parsedAhead.get(chunkText));
        if (!chunk) {
          if (DEFINITION_LIKE.test(chunkText)) return this.parsedWhole(text, 'definitions', undefined, reparsed);
          chunk = newChunk(chunkText);
          addTo(this.parsedAhead, chunkText, chunk);
          reparsed++;
          yield;
        }
      }
      inUse.add(chunk);
      chunks.push(chunk);
    }
    this.parsedAhead = new Map();
    const version: Version = { text, starts, chunks };

    const problem = unsafe(chunks);
    if (problem !== undefined) return this.parsedWhole(text, problem, version, reparsed);
    this.remember(version, reparsed, undefined);

    // The parser drops a leading byte order mark and counts offsets without it.
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const children: RootContent[] = [];
    for (let i = 0; i < chunks.length; i++) {
      relocate(chunks[i], starts[i].line, i === 0 ? 0 : starts[i].offset - bom);
      for (const child of chunks[i].result.root.children) children.push(child);
    }
    const first = chunks[0].result.root.position;
    const last = chunks[chunks.length - 1];
    const end = last.result.root.position?.end;
    const root: Root = { type: 'root', children, position: undefined };
    if (first && end) {
      root.position = {
        start: { ...first.start },
        end: { line: end.line + last.lineShift, column: end.column, offset: offsetOf(end) + last.offsetShift },
      };
    }
    return { root, settle: (nodes) => settle(version, bom, nodes) };
  }

  /** One parse of the whole text, when the chunks cannot be joined (or are not worth parsing). */
  private parsedWhole(text: string, reason: string, version: Version | undefined, reparsed: number): IncrementalParseResult {
    if (!version) this.parsedAhead = new Map();
    this.remember(version, reparsed, reason);
    return { ...parseMarkdown(text), settle: () => undefined };
  }

  private remember(version: Version | undefined, reparsed: number, fallback: string | undefined): void {
    this.last = version;
    this.lastReparsedChunks = reparsed;
    this.lastChunkCount = version?.chunks.length ?? 0;
    this.lastFallbackReason = fallback;
    this.lastWasFull = fallback !== undefined;
  }
}

/**
 * The new version's chunk starts from the last version's: the chunks before the first changed one and after the
 * last changed one are kept (found by comparing their texts in place, no whole-text pass), and only the stretch in
 * between is scanned for starts again.
 *
 * The scan resumes at the start of the chunk before the first changed one: everything before that start, and the
 * character at it, is unchanged, so the scanner's state there is what it was (outside any block, after a blank line)
 * and the chunk's end is decided afresh. It stops at the first start it proposes that is a kept chunk's start: from
 * there on the text and the scanner's state are those of the last version, so the remaining starts are the last
 * version's, moved.
 */
function changedStretch(last: Version, text: string): Plan {
  const count = last.chunks.length;
  const delta = text.length - last.text.length;
  let firstChanged = 0;
  while (firstChanged < count && holdsAt(text, last.chunks[firstChanged].text, last.starts[firstChanged].offset)) firstChanged++;
  if (firstChanged === count && delta === 0) return { starts: last.starts, known: last.chunks, candidates: [] };
  const keptEnd = firstChanged < count ? last.starts[firstChanged].offset : last.text.length;
  let firstKeptAfter = count;
  while (firstKeptAfter > firstChanged) {
    const at = last.starts[firstKeptAfter - 1].offset + delta;
    if (at < keptEnd || !holdsAt(text, last.chunks[firstKeptAfter - 1].text, at)) break;
    firstKeptAfter--;
  }
  const resume = Math.max(0, firstChanged - 1);
  let adopted = count;
  let next = firstKeptAfter;
  const scanned = chunkStarts(text, last.starts[resume], (start) => {
    while (next < count && last.starts[next].offset + delta < start.offset) next++;
    if (next === count || last.starts[next].offset + delta !== start.offset) return false;
    adopted = next;
    return true;
  });
  const starts = last.starts.slice(0, resume);
  const known: Array<Chunk | undefined> = last.chunks.slice(0, resume);
  for (const start of scanned) {
    starts.push(start);
    known.push(undefined);
  }
  if (adopted < count) {
    const lines = scanned[scanned.length - 1].line - last.starts[adopted].line;
    known[known.length - 1] = last.chunks[adopted];
    for (let i = adopted + 1; i < count; i++) {
      starts.push({ offset: last.starts[i].offset + delta, line: last.starts[i].line + lines });
      known.push(last.chunks[i]);
    }
  }
  return { starts, known, candidates: last.chunks.slice(resume, adopted) };
}

/** Whether `text` holds `part` at `offset`. A slice compared whole is many times faster than `startsWith` here. */
function holdsAt(text: string, part: string, offset: number): boolean {
  return text.slice(offset, offset + part.length) === part;
}

function poolOf(chunks: readonly Chunk[]): Map<string, Chunk[]> {
  const pool = new Map<string, Chunk[]>();
  for (const chunk of chunks) addTo(pool, chunk.text, chunk);
  return pool;
}

function addTo(pool: Map<string, Chunk[]>, text: string, chunk: Chunk): void {
  const list = pool.get(text);
  if (list) list.push(chunk);
  else pool.set(text, [chunk]);
}

/** Parses a chunk on its own and notes what the boundary checks need. */
function newChunk(text: string): Chunk {
  const result = parseMarkdown(text);
  const children = result.root.children;
  const lastChild = children[children.length - 1];
  return {
    text,
    result,
    lineShift: 0,
    offsetShift: 0,
    innerLineShift: 0,
    innerOffsetShift: 0,
    hasDefinitions: text.includes(']:') && containsDefinition(result.root),
    // Offsets count from after a leading byte order mark, which the parser drops.
    openAtEnd: lastChild !== undefined && offsetOf(lastChild.position?.end) + (text.charCodeAt(0) === 0xfeff ? 1 : 0) >= lastLineStart(text),
    startsWithFrontMatter: children[0]?.type === 'yaml',
  };
}

/** Why the chunks cannot simply be joined, or undefined when they can. */
function unsafe(chunks: readonly Chunk[]): string | undefined {
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (chunk.result.error) return 'parser error';
    if (chunk.hasDefinitions) return 'definitions';
    if (i + 1 < chunks.length && chunk.openAtEnd) return 'open block at a boundary';
  }
  if (chunks.length > 1 && FRONT_MATTER_OPEN.test(chunks[0].text) && !chunks[0].startsWithFrontMatter) return 'front matter';
  return undefined;
}

/** A line that may be a link reference or footnote definition (`[ref]: url`, `[^1]: note`). */
const DEFINITION_LIKE = /^ {0,3}\[[^\]\n]+\]:/mu;

const FRONT_MATTER_OPEN = /^\uFEFF?[ \t]*(?:---|\+\+\+)/u;
const FRONT_MATTER_CLOSE = /^---[ \t]*$/u;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/u;
const BLANK = /^[ \t]*$/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/u;
const HTML_KINDS: ReadonlyArray<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/iu, /<\/(?:script|pre|style|textarea)>/iu],
  [/^ {0,3}<!--/u, /-->/u],
  [/^ {0,3}<\?/u, /\?>/u],
  [/^ {0,3}<![A-Za-z]/u, />/u],
  [/^ {0,3}<!\[CDATA\[/u, /\]\]>/u],
];
const LINE_END = /\r\n?|\n/gu;

/**
 * Proposes chunk starts: line starts of ATX headings in column 1 after a blank line, outside front matter and
 * outside what looks like an open fence or HTML block. Only a proposal: `unsafe` verifies every boundary.
 *
 * Scans from `from`, the text's start or a start proposed for an earlier version whose text up to it is unchanged,
 * and stops after proposing a start for which `stop` says yes.
 */
function chunkStarts(text: string, from: ChunkStart, stop: (start: ChunkStart) => boolean = () => false): ChunkStart[] {
  const starts: ChunkStart[] = [from];
  // A start is proposed outside every block and after a blank line: the scan resumes there in that state.
  let frontMatter = from.offset === 0 && FRONT_MATTER_OPEN.test(text);
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = false;
  let offset = from.offset;
  for (let line = from.line; offset <= text.length; line++) {
    LINE_END.lastIndex = offset;
    const ending = LINE_END.exec(text);
    const lineEnd = ending ? ending.index : text.length;
    const content = text.slice(offset, lineEnd);
    const first = content.charCodeAt(0);
    if (frontMatter) {
      if (line > 0 && FRONT_MATTER_CLOSE.test(content)) frontMatter = false;
    } else if (fence) {
      const close = FENCE.exec(content);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && BLANK.test(close[2])) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(content)) htmlEnd = undefined;
    } else if (first === 0x23 /* # */) {
      if (previousBlank && ATX_HEADING.test(content)) {
        const start = { offset, line };
        starts.push(start);
        if (stop(start)) return starts;
      }
    } else if (first === 0x20 || first === 0x60 || first === 0x7e || first === 0x3c /* space ` ~ < */) {
      const open = FENCE.exec(content);
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
        fence = { char: open[1][0], length: open[1].length };
      } else {
        for (const [start, end] of HTML_KINDS) {
          const match = start.exec(content);
          if (match) {
            if (!end.test(content.slice(match[0].length))) htmlEnd = end;
            break;
          }
        }
      }
    }
    previousBlank = BLANK.test(content);
    if (!ending) break;
    offset = lineEnd + ending[0].length;
  }
  // Front matter never closed: it may still be front matter to the parser, so no boundary at all.
  return frontMatter ? [starts[0]] : starts;
}

/** Every start that leaves at least `length` characters to the chunk before it: any subset of the starts is safe. */
function atLeast(starts: ChunkStart[], length: number): ChunkStart[] {
  if (length <= 0) return starts;
  const kept = [starts[0]];
  for (let i = 1; i < starts.length; i++) if (starts[i].offset - kept[kept.length - 1].offset >= length) kept.push(starts[i]);
  return kept;
}

/** Offset where the text's last line starts (the line ended by its final line ending, if it has one). */
function lastLineStart(text: string): number {
  let end = text.length;
  if (text.endsWith('\r\n')) end -= 2;
  else if (text.endsWith('\n') || text.endsWith('\r')) end -= 1;
  for (let i = end - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i + 1;
  }
  return 0;
}

function containsDefinition(root: Root): boolean {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}

/** Moves a chunk's top-level nodes to their place in the document (lines and offsets shift, columns do not). */
function relocate(chunk: Chunk, line: number, offset: number): void {
  const lines = line - chunk.lineShift;
  const offsets = offset - chunk.offsetShift;
  if (lines === 0 && offsets === 0) return;
  for (const node of chunk.result.root.children) movePosition(node, lines, offsets);
  chunk.lineShift = line;
  chunk.offsetShift = offset;
}

/** Settles the chunks that these top-level nodes of `version` came from, each found by the node's offset. */
function settle(version: Version, bom: number, nodes: Iterable<RootContent>): void {
  const { starts, chunks } = version;
  for (const node of nodes) {
    const offset = node.position?.start.offset;
    if (offset === undefined) continue;
    // Offsets in the tree count from after a byte order mark; the starts count from the text's start.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle].offset <= offset + bom) low = middle;
      else high = middle - 1;
    }
    settleInside(chunks[low]);
  }
}

/** Moves the nodes inside a chunk's top-level nodes to where the top-level nodes are. */
function settleInside(chunk: Chunk): void {
  const lines = chunk.lineShift - chunk.innerLineShift;
  const offsets = chunk.offsetShift - chunk.innerOffsetShift;
  if (lines === 0 && offsets === 0) return;
  const stack: Nodes[] = [];
  for (const node of chunk.result.root.children) if ('children' in node) stack.push(...node.children);
  while (stack.length > 0) {
    const node = stack.pop()!;
    movePosition(node, lines, offsets);
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  chunk.innerLineShift = chunk.lineShift;
  chunk.innerOffsetShift = chunk.offsetShift;
}

function movePosition(node: Nodes, lines: number, offsets: number): void {
  if (!node.position) return;
  movePoint(node.position.start, lines, offsets);
  movePoint(node.position.end, lines, offsets);
}

function movePoint(point: Point, lines: number, offsets: number): void {
  point.line += lines;
  if (point.offset !== undefined) point.offset += offsets;
}

function offsetOf(point: Point | undefined): number {
  return point?.offset ?? Number.POSITIVE_INFINITY;
}
