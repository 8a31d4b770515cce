/** Refusals at start: each message says what is wrong and what to do. */

/** Another live process holds DATA_DIR. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly pid: number, readonly detail?: string) {
    super(
      `DATA_DIR ${dataDir} is in use by another motcua-bot process (pid ${pid}). ` +
        (detail ? `Its lock: ${detail}. ` : '') +
        'One process per DATA_DIR: stop the other process, or give this one its own DATA_DIR, ' +
        'or use PostgreSQL (DATABASE_URL) to run several instances.',
    );
    this.name = 'DataDirLockedError';
  }
}

/** The data file cannot be read as a motcua-bot document: refuse, never reset. */
export class CorruptDataFileError extends Error {
  constructor(readonly file: string, readonly reason: string, readonly backup: string | undefined) {
    super(
      `Data file ${file} is corrupt or truncated (${reason}); refusing to start so nothing is lost. ` +
        (backup
          ? `The newest good backup is ${backup}. To restore it: stop the bot, keep a copy of the broken file, then \`cp "${backup}" "${file}"\` and start again.`
          : 'No good backup was found in the backups directory; repair the file by hand or move it away to start empty.'),
    );
    this.name = 'CorruptDataFileError';
  }
}

/**
 * The journal (DATA_DIR/motcua.journal) cannot be replayed: a damaged entry with
 * intact entries after it, or entries that do not continue the snapshot. Refuse, never reset.
 */
export class CorruptJournalError extends Error {
  constructor(
    readonly journal: string,
    readonly reason: string,
    readonly remedy: string,
  ) {
    super(`Journal ${journal} cannot be replayed (${reason}); refusing to start so nothing is lost. Nothing was changed. ${remedy}`);
    this.name = 'CorruptJournalError';
  }
}
