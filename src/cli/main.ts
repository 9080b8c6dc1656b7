#!/usr/bin/env node
// chromflow command-line interface (an edge: it may use Node built-ins and print).
import { Command } from '@commander-js/extra-typings';
import { VERSION } from '../version.js';
import { commandsFor } from './commands/index.js';
import { runMain } from './run-main.js';

// A closed pipe (`chromflow … | head`) is a normal way for a reader to stop, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const program = new Command()
  .name('chromflow')
  .description(
    'Process and investment simulator for chromium ore deep processing:\n' +
      'ore → concentrate → HC ferrochrome → chromium metal, with balances, DCF and impact.',
  )
  .version(VERSION, '-V, --version', 'print the version')
  .showHelpAfterError('(run with --help for usage)')
  // Before registering sub-commands, which inherit it: errors become exceptions with exit codes.
  .exitOverride()
  .configureOutput({
    outputError: (str, write) => {
      write(str);
    },
  });

// only the command the line names is loaded (every one for help, the version or a typo)
for (const command of commandsFor(process.argv.slice(2))) (await command.load()).register(program);

await runMain(program);
