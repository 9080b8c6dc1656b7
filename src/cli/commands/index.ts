// The CLI's sub-commands, one file each. Add a command by writing src/cli/commands/<name>.ts
// exporting `register(program)` and listing it here.
import type { Command } from '@commander-js/extra-typings';
import { register as registerThermo } from './thermo.js';

export type Register = (program: Command) => void;

export const commands: Register[] = [registerThermo];
