// The CLI's sub-commands, one file each. Add a command by writing src/cli/commands/<name>.ts
// exporting `register(program)` and listing it here.
import type { Command } from '@commander-js/extra-typings';
import { register as appraise } from './appraise.js';
import { register as compare } from './compare.js';
import { register as mc } from './mc.js';
import { register as option } from './option.js';
import { register as report } from './report.js';
import { register as sensitivity } from './sensitivity.js';
import { register as serve } from './serve.js';
import { register as solve } from './solve.js';
import { register as sources } from './sources.js';
import { register as thermo } from './thermo.js';
import { register as validate } from './validate.js';
import { register as worker } from './worker.js';

export type Register = (program: Command) => void;

export const commands: Register[] = [
  validate,
  appraise,
  compare,
  sources,
  thermo,
  mc,
  sensitivity,
  solve,
  option,
  report,
  serve,
  worker,
];
