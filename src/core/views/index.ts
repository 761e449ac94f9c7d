/** Editor features as pure data: the surfaces (VS Code adapters) only render what these return. */
export { slotHighlights } from './highlights';
export { headingPrefix, missingSectionItems, type MissingSectionItem } from './missingSections';
export { buildTreeNodes, fit, sectionDescription, sectionTooltipLines, type OutlineNode, type OutlineSectionNode, type OutlineSlotNode, type OutlineWords } from './treeNodes';
export { innermostSection, quickFixes, sectionFindings, type QuickFix } from '../edits/quickFixes';
export { adjacentSlot, slotTarget, type Position } from './slotNavigation';
export { documentSummary, type DocumentSummary } from './summary';
