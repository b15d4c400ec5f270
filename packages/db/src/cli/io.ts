/** Where a db:* command writes and what it reads: the process's streams, or a test's buffers. */
export interface CliIo {
  /** writes one line (or block) of normal output */
  out(text: string): void;
  /** writes one line (or block) of errors and warnings */
  err(text: string): void;
  /** the environment that selects the database (DATABASE_URL, TSUNAGU_DATA_DIR); default: the process's */
  env?: NodeJS.ProcessEnv;
  /** asks a question on a terminal; absent when there is none (a question then counts as "no") */
  ask?: (question: string) => Promise<string>;
}
