/** `<!-- archdoc-disable [rule…] -->` (whole file) and `<!-- archdoc-disable-next-line [rule…] -->` comments. */
import type { Nodes, Root } from 'mdast';
import { RULE_IDS, type RuleId } from '../rules';

const DIRECTIVE = /<!--\s*archdoc-disable(-next-line)?((?:[\s,]+[\w-]+)*)[\s,]*-->/gu;

/** What every suppression comment holds. */
export const SUPPRESSION_MARK = 'archdoc-disable';

export interface Suppressions {
  /** Rules off for the whole file (all rules when the comment names none). */
  file: Set<RuleId>;
  /** 1-based line → rules off on that line. */
  lines: Map<number, Set<RuleId>>;
}

export function collectSuppressions(root: Root): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html' && node.value.includes(SUPPRESSION_MARK) && node.position) {
      readDirectives(node.value, node.position.start.line, result);
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return result;
}

function readDirectives(html: string, firstLine: number, into: Suppressions): void {
  for (const match of html.matchAll(DIRECTIVE)) {
    const named = match[2].split(/[\s,]+/u).filter(Boolean);
    const rules = named.length === 0 ? [...RULE_IDS] : (named.filter((rule) => (RULE_IDS as readonly string[]).includes(rule)) as RuleId[]);
    if (match[1]) {
      const endOffset = (match.index ?? 0) + match[0].length;
      const commentEndLine = firstLine + (html.slice(0, endOffset).match(/\r\n|\r|\n/gu)?.length ?? 0);
      const target = into.lines.get(commentEndLine + 1) ?? new Set<RuleId>();
      rules.forEach((rule) => target.add(rule));
      into.lines.set(commentEndLine + 1, target);
    } else {
      rules.forEach((rule) => into.file.add(rule));
    }
  }
}

export function isSuppressed(suppressions: Suppressions, rule: RuleId, line: number): boolean {
  return suppressions.file.has(rule) || (suppressions.lines.get(line)?.has(rule) ?? false);
}
