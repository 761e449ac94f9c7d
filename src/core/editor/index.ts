/** Editor features as pure data: the surfaces (VS Code adapters) only render what these return. */
export { slotHighlights } from './highlights';
export { headingPrefix, missingSectionItems, type MissingSectionItem } from './missingSections';
export { buildTreeNodes, fit, sectionDescription, sectionTooltipLines, type OutlineNode, type OutlineSectionNode, type OutlineSlotNode, type OutlineWords } from './outline';
export { innermostSection, quickFixes, sectionFindings, type QuickFix } from './quickFixes';
export { adjacentSlot, slotTarget, type Position } from './slots';
export { documentSummary, type DocumentSummary } from './summary';
