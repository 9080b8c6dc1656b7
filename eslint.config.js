// ESLint flat config. The one project-specific rule: the core (everything under src/ except the
// edge folders) must stay pure — no Node built-ins, no edge modules — so the same model runs in
// the CLI, the server, worker threads and the browser. See docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

export const EDGE_DIRS = ['cli', 'server', 'store', 'report', 'workers'];

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

/** @type {import('eslint').Linter.RulesRecord} */
export const corePurityRule = {
  'no-restricted-imports': [
    'error',
    {
      paths: nodeBuiltins.map((name) => ({
        name,
        message:
          'The core is pure TypeScript: no Node built-ins (move I/O to an edge: src/cli, src/server, src/store, src/report, src/workers).',
      })),
      patterns: [
        {
          group: ['node:*'],
          message: 'The core is pure TypeScript: no Node built-ins (move I/O to an edge).',
        },
        {
          group: EDGE_DIRS.flatMap((d) => [`**/${d}/*`, `**/${d}`]),
          message: 'Arrows point down: the core never imports an edge.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'var/**',
      'coverage/**',
      'web/dist/**',
      'dist-web/**',
      'test/fixtures/**',
      'scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['bin/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: EDGE_DIRS.map((d) => `src/${d}/**`),
    rules: corePurityRule,
  },
  {
    // Plain JavaScript (config, CI helpers) runs in Node without type information.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Tests and benchmarks may use non-null assertions on fixtures they built themselves.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
