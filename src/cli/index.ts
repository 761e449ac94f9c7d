/** Entry point of the bundled CLI (`bin/archdoc.js`). */
import { run } from './main';

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
