/** Entry point of the bundled CLI (`bin/archdoc.js`), and of its worker threads (`--jobs`), which run the same bundle. */
import { isMainThread } from 'node:worker_threads';
import { run } from './main';
import { serveAnalyses } from './worker';

if (isMainThread) runCommandLine();
else serveAnalyses();

function runCommandLine(): void {
  // `archdoc check … | head` closes the pipe early: stop quietly, keeping the exit code.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  const internalError = (error: unknown) => {
    // Last resort: a clear message and exit 2, never a stack trace.
    process.stderr.write(`archdoc: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  };
  run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  }, internalError);
}
