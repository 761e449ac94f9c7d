/** Just enough of `node:assert` for the web suite (the web worker has no Node built-ins). */
export function ok(value: unknown, message = `expected a truthy value, got ${String(value)}`): asserts value {
  if (!value) throw new Error(message);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) {
    throw new Error(`${message ? `${message}: ` : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
