// The CLI's sub-commands, one file each. Add a command by writing src/cli/commands/<name>.ts
// exporting `register(program)` and listing it here.
import type { Command } from '@commander-js/extra-typings';

export type Register = (program: Command) => void;

/** A sub-command: its name and how to load the module that registers it. */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<{ register: Register }>;
}

/**
 * Every sub-command, in the order `chromflow --help` lists them. Loaded when used: a command's
 * module loads what it runs (the server, the database drivers, the PDF renderer…), and loading
 * every one of them took ≈ 1 s before any command ran.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'validate', load: () => import('./validate.js') },
  { name: 'appraise', load: () => import('./appraise.js') },
  { name: 'compare', load: () => import('./compare.js') },
  { name: 'sources', load: () => import('./sources.js') },
  { name: 'thermo', load: () => import('./thermo.js') },
  { name: 'mc', load: () => import('./mc.js') },
  { name: 'sensitivity', load: () => import('./sensitivity.js') },
  { name: 'solve', load: () => import('./solve.js') },
  { name: 'option', load: () => import('./option.js') },
  { name: 'report', load: () => import('./report.js') },
  { name: 'serve', load: () => import('./serve.js') },
  { name: 'worker', load: () => import('./worker.js') },
];

/**
 * The commands to register for a command line: the one it names, or every one when it names
 * none of them (help, the version, a mistyped command, which commander then reports with the
 * list and a suggestion).
 * @param args - The arguments after the program name
 */
export function commandsFor(args: readonly string[]): readonly CommandEntry[] {
  const name = args.find((a) => !a.startsWith('-'));
  const named = COMMANDS.filter((c) => c.name === name);
  return named.length === 1 ? named : COMMANDS;
}
