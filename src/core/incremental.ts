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
 * So each new version: (1) a cheap line scan proposes boundaries, skipping front matter and what looks like an
 * open fence or HTML block; (2) changed chunks are parsed; (3) every boundary is verified on the chunk trees, and
 * anything doubtful (a definition anywhere, an open block at a boundary, front matter not closed in the first
 * chunk, a parser failure) falls back to one full parse; (4) the chunks' nodes are moved to their new lines and
 * offsets (columns never change: chunks start at line starts) and joined under a new root.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { type ParseResult, parseMarkdown } from './parse';
import { finish, type Steps } from './steps';

interface Chunk {
  text: string;
  result: ParseResult;
  /** Lines and offset by which the chunk's nodes are currently shifted from the chunk's own coordinates. */
  lineShift: number;
  offsetShift: number;
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

export class IncrementalParser {
  /** Chunks of the last version by text (a list: the same text may occur twice). */
  private pool = new Map<string, Chunk[]>();
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
    return finish(this.parseSteps(text));
  }

  /** `parse` as steps, one per chunk parsed. A run stopped half-way leaves the parser as it was. */
  *parseSteps(text: string): Steps<ParseResult> {
    // A definition resolves across chunks, so it forces a full parse anyway: skip the chunk parses up front.
    if (DEFINITION_LIKE.test(text)) {
      this.pool = new Map();
      this.lastReparsedChunks = 0;
      this.lastChunkCount = 0;
      this.lastFallbackReason = 'definitions';
      this.lastWasFull = true;
      return parseMarkdown(text);
    }
    const starts = chunkStarts(text);
    yield;
    const pool = new Map<string, Chunk[]>();
    const chunks: Chunk[] = [];
    // Chunks are taken, not removed, so that a run stopped half-way leaves the pool whole; what it parsed is kept
    // aside for the next run.
    const inUse = new Set<Chunk>();
    const take = (list: Chunk[] | undefined) => list?.find((chunk) => !inUse.has(chunk));
    let reparsed = 0;
    for (let i = 0; i < starts.length; i++) {
      const chunkText = text.slice(starts[i].offset, i + 1 < starts.length ? starts[i + 1].offset : text.length);
      let chunk = take(this.pool.get(chunkText)) ?? take(this.parsedAhead.get(chunkText));
      if (!chunk) {
        chunk = newChunk(chunkText);
        addTo(this.parsedAhead, chunkText, chunk);
        reparsed++;
        yield;
      }
      inUse.add(chunk);
      addTo(pool, chunkText, chunk);
      chunks.push(chunk);
    }
    this.pool = pool;
    this.parsedAhead = new Map();
    this.lastReparsedChunks = reparsed;
    this.lastChunkCount = chunks.length;

    const problem = unsafe(chunks);
    this.lastFallbackReason = problem;
    this.lastWasFull = problem !== undefined;
    if (problem !== undefined) return parseMarkdown(text);

    // The parser drops a leading byte order mark and counts offsets without it.
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const children: RootContent[] = [];
    // Each chunk records where its nodes are, so a run stopped between two chunks leaves every chunk consistent.
    for (let i = 0; i < chunks.length; i++) {
      if (relocate(chunks[i], starts[i].line, i === 0 ? 0 : starts[i].offset - bom)) yield;
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
    return { root };
  }
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
 */
function chunkStarts(text: string): ChunkStart[] {
  const starts: ChunkStart[] = [{ offset: 0, line: 0 }];
  let frontMatter = FRONT_MATTER_OPEN.test(text);
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = false;
  let offset = 0;
  for (let line = 0; offset <= text.length; line++) {
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
      if (previousBlank && ATX_HEADING.test(content)) starts.push({ offset, line });
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

/** Moves a chunk's nodes to their place in the document (lines and offsets shift, columns do not); false when they are there. */
function relocate(chunk: Chunk, line: number, offset: number): boolean {
  const lines = line - chunk.lineShift;
  const offsets = offset - chunk.offsetShift;
  if (lines === 0 && offsets === 0) return false;
  const stack: Nodes[] = [...chunk.result.root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      movePoint(position.start, lines, offsets);
      movePoint(position.end, lines, offsets);
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  chunk.lineShift = line;
  chunk.offsetShift = offset;
  return true;
}

function movePoint(point: Point, lines: number, offsets: number): void {
  point.line += lines;
  if (point.offset !== undefined) point.offset += offsets;
}

function offsetOf(point: Point | undefined): number {
  return point?.offset ?? Number.POSITIVE_INFINITY;
}
