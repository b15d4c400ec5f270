/** A migration command failed. `migration` names the migration folder when one was to blame. */
export class MigrationError extends Error {
  override name = "MigrationError";
  /** the migration folder that failed (e.g. `20250101000000_init`), or null */
  readonly migration: string | null;
  /** the database's (or engine's) own explanation */
  readonly reason: string;
  /**
   * true when the failed migration left no trace: its statements were rolled back together and
   * its `_prisma_migrations` row was marked rolled back, so fixing the file and re-running retries it.
   */
  readonly rolledBack: boolean;

  constructor(message: string, options: { migration?: string | null; reason: string; rolledBack?: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.migration = options.migration ?? null;
    this.reason = options.reason;
    this.rolledBack = options.rolledBack ?? false;
  }
}

/** The first line of an engine error, without the Rust span trace that follows it. */
export function engineReason(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const lines = raw.split("\n");
  const kept: string[] = [];
  for (const line of lines) {
    if (/^\s+\d+: /.test(line)) break; // start of the span trace ("   0: sql_schema_connector::…")
    kept.push(line);
  }
  return (
    kept
      .join("\n")
      .replace(/^external connector error\n/, "")
      .trim() || raw.trim()
  );
}
