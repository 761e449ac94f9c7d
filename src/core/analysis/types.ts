/** Public types of the archdoc engine. Shared by the CLI, the VS Code adapters and the tests. */

import type { RecognizedBy } from '../document/recognize';
import type { Range } from '../parse/lines';
import type { RuleId } from '../rules';
import type { FindingData, Severity, SeveritySetting } from '../rules/rule';

// Defined in the layer that owns them, listed here with the rest of the engine's public types.
export type { FindingData, RecognizedBy, Range, RuleId, Severity, SeveritySetting };

export interface Finding extends Range {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Extra data for quick fixes: the option list, the missing template section, … */
  data?: FindingData;
}

export interface Progress {
  filled: number;
  total: number;
}

export type SectionState = 'complete' | 'partial' | 'empty' | 'missing' | 'none';

/** An open finding, as shown in the completeness tree under its section. */
export interface OpenSlot extends Range {
  rule: RuleId;
  label: string;
  /** The finding this slot shows, with its fix data. */
  finding: Finding;
}

export interface SectionNode {
  /** Stable within one analysis: the template section id for matched/missing ones, else `doc:<line>`. */
  id: string;
  title: string;
  level: number;
  /** Heading range; for a missing section, the range where it is reported. */
  range: Range;
  /** Last line (1-based) that belongs to this section, sub-sections included. */
  endLine: number;
  missing: boolean;
  templateSectionId?: string;
  /** The template section's title, when this section matched it under another title (renamed or reworded). */
  renamedFrom?: string;
  /** For a missing section: the line after which its skeleton is inserted. */
  insertAfterLine?: number;
  progress: Progress;
  state: SectionState;
  children: SectionNode[];
  openSlots: OpenSlot[];
}

export interface Analysis {
  /** Template id when the document is recognised as an architecture document, else undefined. */
  templateId?: string;
  /** How the template was found: front matter, the H1 title, the section titles, an include glob, or forced. */
  recognition?: RecognizedBy;
  /** For recognition by structure: how many of the template's top-level sections the document has, of how many. */
  recognizedSections?: { matched: number; total: number };
  progress: Progress;
  /** Sorted by line, then column. */
  findings: Finding[];
  sections: SectionNode[];
  /** Open slots outside any section: the title's own content (metadata block) and anything before it. */
  preambleSlots: OpenSlot[];
  /** Why the document was not analysed (too large, unknown template id in front matter, …). */
  skippedReason?: string;
}

export interface AnalyzeOptions {
  /** Document path (workspace-relative or absolute, forward slashes) for `include` globs. */
  path?: string;
  include?: string[];
  severity?: Partial<Record<RuleId, SeveritySetting>>;
  /** In bytes of UTF-8; larger documents are skipped with a reason. */
  maxFileSize?: number;
  /** Severity of warnings in a section none of whose slots is filled yet (default information). */
  unstartedSections?: 'information' | 'warning';
  /** Force a template, skipping recognition (CLI `--template`). */
  templateId?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
