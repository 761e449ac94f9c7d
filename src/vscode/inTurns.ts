/**
 * A long loop in the extension host, taken in turns: after every item it yields to the host's event loop (so that
 * typing, hovers and cancellation are served between two documents of a workspace check) and reports its count.
 */

export interface TurnsOptions<T> {
  /** Called after each item with how many are done, of how many, and the item just done. */
  progress: (done: number, total: number, item: T) => void;
  isCancelled: () => boolean;
  /** Lets the host's queued work run; a macrotask (a timer), since awaiting a promise alone would not. */
  yieldToHost?: () => Promise<void>;
}

const nextTimer = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Visits the items in order until done or cancelled; the number visited. */
export async function inTurns<T>(items: readonly T[], visit: (item: T) => Promise<void>, options: TurnsOptions<T>): Promise<number> {
  const yieldToHost = options.yieldToHost ?? nextTimer;
  let done = 0;
  for (const item of items) {
    if (options.isCancelled()) break;
    await visit(item);
    done++;
    options.progress(done, items.length, item);
    await yieldToHost();
  }
  return done;
}
