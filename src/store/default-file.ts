/**
 * The default SQLite file, relative to the working directory: a module of its own, so that a
 * command can name it (an option's default) without loading the store's database drivers.
 */
export const DEFAULT_SQLITE_FILE = './var/chromflow.sqlite';
