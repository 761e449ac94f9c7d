/** `archdoc report`: the overview of the architecture documents as one self-contained HTML page or as Markdown. */
import { writeFileSync } from 'node:fs';
import { buildReportModel, type ReportDocument, renderHtmlReport, renderMarkdownReport, reportTexts } from '../report';
import { analyzeForCheck, type CheckContext } from '../node/analyzeFile';
import type { ParsedArgs } from './args';
import { analysePaths, type Io, isNamedWithTemplate } from './check';
import { gitHistory } from '../node/history';

export async function report(args: ParsedArgs, context: CheckContext, io: Io): Promise<number> {
  const analysed = await analysePaths(args, context, io);
  if (!analysed) return 2;
  const { checked, skipped, failed } = analysed;
  if (checked.length === 0 && skipped.length === 0 && failed) return 2;
  const documents: ReportDocument[] = [];
  for (const { path, analysis, file } of checked) {
    const history =
      args.historyLimit === undefined
        ? undefined
        : await gitHistory(file, args.historyLimit, (text) => {
            const version = analyzeForCheck(text, path, context, isNamedWithTemplate(args, file));
            return version.templateId ? version.progress : undefined;
          });
    documents.push({ path, analysis, history });
  }
  const model = buildReportModel(documents, context.templates);
  const { locale } = context;
  const output =
    args.reportFormat === 'markdown' ? renderMarkdownReport(model, { locale }) : renderHtmlReport(model, { locale, generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC' });
  if (args.output === undefined) io.stdout(output);
  else {
    try {
      writeFileSync(args.output, output);
    } catch (error) {
      io.stderr(`archdoc: ${args.output}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
    io.stderr(`archdoc: ${reportTexts(locale).wrote(args.output, model.documents, model.percent)}\n`);
  }
  return failed ? 2 : 0;
}
