/** The rule table: every rule, in the order findings of equal position are listed. Add a rule here and in its own file. */
import { emptyFieldRule } from './emptyField';
import { emptySectionRule } from './emptySection';
import { emptyTableRule } from './emptyTable';
import { emptyTableCellRule } from './emptyTableCell';
import { missingSectionRule } from './missingSection';
import { placeholderRule } from './placeholder';
import { todoRule } from './todo';
import { unchosenOptionRule } from './unchosenOption';

export const RULES = [
  emptyFieldRule,
  emptyTableCellRule,
  emptyTableRule,
  placeholderRule,
  unchosenOptionRule,
  todoRule,
  missingSectionRule,
  emptySectionRule,
] as const;

export type RuleId = (typeof RULES)[number]['id'];
export type AnyRule = (typeof RULES)[number];

export const RULE_IDS: readonly RuleId[] = RULES.map((rule) => rule.id);

const byId = new Map<string, AnyRule>(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): AnyRule | undefined {
  return byId.get(id);
}

export function isRuleId(id: string): id is RuleId {
  return byId.has(id);
}

export type { FixKind, Rule } from './rule';
