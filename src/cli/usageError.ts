/** A command line archdoc cannot run: the message and the usage are printed, and the exit code is 2. */
export class UsageError extends Error {}
