import assert from 'node:assert/strict';
import { inTurns } from '../../src/vscode/inTurns';

/** The extension host's other work, as a timer that re-arms itself: it records how many documents were done when it ran. */
function hostTicker(visited: () => number) {
  const seen: number[] = [];
  let stopped = false;
  const tick = () => {
    seen.push(visited());
    if (!stopped) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return {
    seen,
    stop: () => {
      stopped = true;
    },
  };
}

describe('workspace check taken in turns', () => {
  it('lets the host run after every document, even when documents are analysed without waiting', async () => {
    const documents = Array.from({ length: 40 }, (_, index) => `docs/${index}.md`);
    const visited: string[] = [];
    const host = hostTicker(() => visited.length);
    // Cached analyses resolve at once (microtasks only): without a real yield the host would not run until the end.
    await inTurns(documents, async (path) => void visited.push(path), { progress: () => undefined, isCancelled: () => false });
    host.stop();
    assert.deepEqual(visited, documents);
    for (let done = 1; done < documents.length; done++) assert.ok(host.seen.includes(done), `host ran after document ${done}: ${host.seen.join(',')}`);
  });

  it('reports the count after each document and stops when cancelled', async () => {
    const reports: string[] = [];
    let cancelled = false;
    const done = await inTurns(['a.md', 'b.md', 'c.md', 'd.md'], async () => undefined, {
      progress: (count, total, path) => {
        reports.push(`${count}/${total} ${path}`);
        if (count === 2) cancelled = true;
      },
      isCancelled: () => cancelled,
    });
    assert.equal(done, 2);
    assert.deepEqual(reports, ['1/4 a.md', '2/4 b.md']);
  });
});
