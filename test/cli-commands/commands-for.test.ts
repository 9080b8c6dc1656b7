// The CLI loads only the command a line names (src/cli/commands/index.ts): every command is
// listed once and loads a module that registers it under its name, and a line that names no
// command (help, the version, a typo) gets them all, so commander can list them and suggest one.
import { Command } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsFor } from '../../src/cli/commands/index.js';

describe('CLI commands', () => {
  it('a line naming a command loads that command only', () => {
    expect(commandsFor(['mc', 'x.yaml', '--workers', '1']).map((c) => c.name)).toEqual(['mc']);
    expect(commandsFor(['--no-color', 'appraise', 'mc.yaml']).map((c) => c.name)).toEqual([
      'appraise',
    ]);
  });

  it('help, the version and a mistyped command load every command', () => {
    for (const line of [[], ['--help'], ['-V'], ['apprise', 'x.yaml'], ['help', 'mc']])
      expect(commandsFor(line)).toBe(COMMANDS);
  });

  it("each entry's module registers the command of its name, once", async () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) {
      const program = new Command();
      (await c.load()).register(program);
      expect(program.commands.map((k) => k.name())).toEqual([c.name]);
    }
  });
});
