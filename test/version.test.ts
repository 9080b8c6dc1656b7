import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { ROOT } from './helpers/run-cli.js';

describe('version', () => {
  it('VERSION equals package.json version', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
