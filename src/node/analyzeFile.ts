/** How `archdoc check` analyses one document: shared by the command line and the MCP server's `check`. */
import { isAbsolute, posix } from 'node:path';
import { type Analysis, type AnalyzeOptions, analyze, type Locale, type Template } from '../core';

export interface CheckContext {
  templates: readonly Template[];
  locale: Locale;
  settings: AnalyzeOptions;
  /** The files the templates were read from (absolute paths): not documents, so not checked (see isTemplateFile). */
  templateFiles?: readonly string[];
  /** The current folder relative to the workspace folder (`docs`), where the include globs start; '' when the same. */
  cwdInWorkspace?: string;
}

/**
 * `named` is a file named together with `--template`: included as by an `archdoc.include` glob, so it is checked
 * against the first template when neither its front matter nor its title names one.
 */
export function analyzeForCheck(text: string, path: string, context: CheckContext, named: boolean): Analysis {
  const inWorkspace = workspacePath(path, context.cwdInWorkspace);
  const include = named ? [...(context.settings.include ?? []), literalGlob(inWorkspace)] : context.settings.include;
  return analyze(text, { templates: context.templates, locale: context.locale, options: { ...context.settings, path: inWorkspace, include } });
}

/** A path shown relative to the current folder, relative to the workspace folder instead: what include globs match. */
export function workspacePath(path: string, cwdInWorkspace: string | undefined): string {
  return cwdInWorkspace && !isAbsolute(path) ? posix.join(cwdInWorkspace, path) : path;
}

/** A glob that matches exactly this path. */
function literalGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()!+@|^$.#]/gu, '\\$&');
}
