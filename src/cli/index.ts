/** Entry point of the bundled CLI (`bin/archdoc.js`). */
import { run } from './main';

// `archdoc check … | head` closes the pipe early: stop quietly, keeping the exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
}

try {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  });
} catch (error) {
  // Last resort: a clear message and exit 2, never a stack trace.
  process.stderr.write(`archdoc: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
