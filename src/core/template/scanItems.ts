/** What the scan finds in Markdown blocks: the fillable things of templates and documents alike. */
import type { Range } from '../parse/lines';
import type { OptionList } from './schema';

export interface FieldItem {
  kind: 'field';
  label: string;
  labelKey: string;
  /** Text after the colon on the label's line, whitespace collapsed. */
  value: string;
  /** True when the value holds something visible without text of its own (an image, code, a footnote reference). */
  valueHasMedia: boolean;
  /** Part of the value is bold or italic: the author marked a choice (bold `RBAC` in `RBAC/ABAC`). */
  valueHasEmphasis: boolean;
  /** Filled by what follows the label: nested list items, following lines, or an introduced block. */
  filledByFollowing: boolean;
  range: Range;
  /** Where the value is (empty range right after the colon when there is none). */
  valueRange: Range;
}

export interface RowItem {
  kind: 'row';
  columns: string[];
  columnKeys: string[];
  cells: string[];
  /** Cell is blank (no text, no media); a row shorter than its header has blank cells at the end. */
  blank: boolean[];
  range: Range;
}

export interface EmptyTableItem {
  kind: 'empty-table';
  columns: string[];
  range: Range;
}

export interface FenceItem {
  kind: 'fence';
  lang: string;
  content: string;
  range: Range;
}

/** A list item or paragraph that is not a field: a placeholder (`...`, `{문서명}: {파일 위치}`), or text that may hold some. */
export interface TextItem {
  kind: 'text';
  text: string;
  /** The text without inline code, where placeholder tokens are looked for (`List<String>` in code is code). */
  prose: string;
  range: Range;
}

/** A front-matter key the template asks for: present with its value, or absent (then `present` is false). */
export interface MetaItem {
  kind: 'meta';
  key: string;
  value: string;
  present: boolean;
  /** The template's option list for the key, when it gives one (`status: {proposed | accepted}`). */
  options?: OptionList;
  range: Range;
  valueRange: Range;
}

export type ScanItem = FieldItem | RowItem | EmptyTableItem | FenceItem | TextItem | MetaItem;
