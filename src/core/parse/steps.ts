/**
 * Work that can pause. A `Steps` generator yields between units of work (a chunk parsed, a section analysed) and
 * returns its result: run it to the end at once (`finish`), or hand the thread back between steps (`inSlices`) so
 * that a large document's first analysis never blocks the editor for long. Both run the same code.
 */
export type Steps<T> = Generator<void, T, void>;

/** A result computed at once, as steps (none to yield). */
// eslint-disable-next-line require-yield -- nothing to pause between: the value is computed in one go
export function* atOnce<T>(compute: () => T): Steps<T> {
  return compute();
}

export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions {
  /** Longest run before handing the thread back, in milliseconds. */
  sliceMs: number;
  /** Hands the thread back; resolves when work may go on. */
  pause: () => Promise<void>;
  /** Checked after every pause: work stops (resolving undefined) once it says the result is no longer wanted. */
  wanted?: () => boolean;
}

/** Runs the steps in slices of about `sliceMs`, pausing between them; undefined when abandoned. */
export async function inSlices<T>(steps: Steps<T>, { sliceMs, pause, wanted = () => true }: SliceOptions): Promise<T | undefined> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      if (!wanted()) return undefined;
      sliceStart = performance.now();
    }
  }
}
