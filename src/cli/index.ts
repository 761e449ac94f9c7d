/** Entry point of the bundled CLI (`bin/archdoc.js`). */
import { run } from './main';

// `archdoc check … | head` closes the pipe early: stop quietly, keeping the exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
}

function internalError(error: unknown): void {
  // Last resort: a clear message and exit 2, never a stack trace.
  process.stderr.write(`archdoc: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}

try {
  const code = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  });
  if (typeof code === 'number') process.exitCode = code;
  else code.then((exit) => (process.exitCode = exit), internalError);
} catch (error) {
  internalError(error);
}
