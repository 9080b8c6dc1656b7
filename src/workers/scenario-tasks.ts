/**
 * The server's scenario work, run in a worker thread of the shared pool (pool.ts) so that the
 * event loop only moves bytes: parsing and validating a scenario text, appraising it (the
 * answer serialised to JSON here, not on the main thread) and rendering its report. Errors
 * cross the thread boundary as plain data ({@link TaskError}); the server maps them to HTTP.
 */
import { appraisalOutputs } from '../analysis/appraisal-outputs.js';
import {
  feasibleRegion,
  type FeasibleRegionResult,
  type FeasibleRegionSpec,
} from '../analysis/feasible-region.js';
import { appraise, appraiseDetailed } from '../appraise.js';
import { ConvergenceError, InfeasibleError, InputError, NotImplementedError } from '../errors.js';
import { REPORT_CONTENT_TYPES, type ReportFormat } from '../report/formats.js';
import { compileScenario } from '../scenario/compile.js';
import { parseScenario, type LoadResult, type Problem } from '../scenario/index.js';
import { resolveSource, type McSource } from './mc-source.js';

/** A typed error of the core, as data. Anything else is a bug and rejects the task. */
export type TaskError =
  | {
      readonly kind: 'input';
      readonly message: string;
      readonly field: string;
      readonly value: unknown;
      readonly expected: string;
    }
  | {
      readonly kind: 'model';
      readonly code: string;
      readonly message: string;
      /** The scenario part that cannot be solved (infeasible), if known. */
      readonly field?: string;
    };

/** Outcome of a task on a scenario text. */
export type TaskReply<T> =
  | { readonly kind: 'invalid'; readonly problems: Problem[] }
  | { readonly kind: 'error'; readonly error: TaskError }
  | ({ readonly kind: 'ok'; readonly warnings: Problem[] } & T);

export interface TextTask {
  readonly text: string;
  /** Label used as `file` in problems (e.g. `<request body>`). */
  readonly file: string;
}

/** The typed errors of the core as data; other errors are rethrown (bugs). */
export function taskError(error: unknown): TaskError {
  if (error instanceof InputError)
    return {
      kind: 'input',
      message: error.message,
      field: error.field,
      value: structuredCloneable(error.value),
      expected: error.expected,
    };
  if (error instanceof InfeasibleError)
    return { kind: 'model', code: error.code, message: error.message, field: error.field };
  if (error instanceof NotImplementedError || error instanceof ConvergenceError)
    return { kind: 'model', code: error.code, message: error.message };
  throw error;
}

function structuredCloneable(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return String(value);
  }
}

/** Parses and validates a scenario text (`parseScenario`). */
export function parseText(task: TextTask): LoadResult {
  return parseScenario(task.text, task.file);
}

/** Parses, validates and appraises a scenario text; the appraisal comes back as JSON text. */
export function appraiseText(task: TextTask): TaskReply<{ readonly json: string }> {
  const parsed = parseScenario(task.text, task.file);
  if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
  try {
    return {
      kind: 'ok',
      warnings: parsed.warnings,
      json: JSON.stringify(appraise(parsed.scenario)),
    };
  } catch (error) {
    return { kind: 'error', error: taskError(error) };
  }
}

export interface ReportTask extends TextTask {
  /** `pdf` renders the HTML here; the main thread prints it with Chromium. */
  readonly format: ReportFormat;
  readonly origin: string;
  /** ISO time printed in the report. */
  readonly generatedAt: string;
}

/** The rendered file, or (for a PDF) the HTML to print and the footer text. */
export type ReportReply = TaskReply<
  | { readonly format: 'html' | 'xlsx'; readonly bytes: Uint8Array; readonly contentType: string }
  | { readonly format: 'pdf'; readonly html: string; readonly footer: string }
>;

/** Report modules loaded in this thread (tsx's `tsImport` does not cache between calls). */
const reportModules = new Map<string, Promise<unknown>>();

/**
 * A module of src/report, loaded on first use. From source (TypeScript under tsx) through tsx's
 * own `tsImport`: in a worker thread, tsx's loader hooks do not reach a plain dynamic `import()`.
 */
async function reportModule<T>(name: string): Promise<T> {
  let loading = reportModules.get(name);
  if (loading === undefined) {
    loading = import.meta.url.endsWith('.ts')
      ? import('tsx/esm/api').then(({ tsImport }) =>
          tsImport(`../report/${name}.ts`, import.meta.url),
        )
      : import(new URL(`../report/${name}.js`, import.meta.url).href);
    reportModules.set(name, loading);
  }
  return (await loading) as T;
}

/** Appraises a scenario text and renders its HTML or XLSX report (or the HTML of its PDF). */
export async function renderReportText(task: ReportTask): Promise<ReportReply> {
  const parsed = parseScenario(task.text, task.file);
  if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
  // Loaded on first use: ECharts and exceljs are not needed by the other tasks.
  const { renderHtmlReport } =
    await reportModule<typeof import('../report/html-report.js')>('html-report');
  const { reportWorkbook } =
    await reportModule<typeof import('../report/report-workbook.js')>('report-workbook');
  const options = { generatedAt: new Date(task.generatedAt), origin: task.origin };
  const warnings = parsed.warnings;
  try {
    const inputs = appraiseDetailed(parsed.scenario);
    if (task.format === 'xlsx') {
      const wb = reportWorkbook(inputs, options);
      return {
        kind: 'ok',
        warnings,
        format: 'xlsx',
        bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
        contentType: REPORT_CONTENT_TYPES.xlsx,
      };
    }
    const html = renderHtmlReport(inputs.appraisal, options);
    if (task.format === 'pdf')
      return { kind: 'ok', warnings, format: 'pdf', html, footer: inputs.appraisal.scenario.name };
    return {
      kind: 'ok',
      warnings,
      format: 'html',
      bytes: new TextEncoder().encode(html),
      contentType: REPORT_CONTENT_TYPES.html,
    };
  } catch (error) {
    return { kind: 'error', error: taskError(error) };
  }
}

/** Options of a Monte Carlo run request (the API body's, resolved against the scenario). */
export interface RunOptions {
  readonly samples?: number;
  readonly seed?: number;
  readonly method?: 'mc' | 'lhs' | 'sobol';
  readonly outputs?: readonly string[];
}

/**
 * Parses a scenario text and resolves a Monte Carlo run of it (compiling it: this checks the
 * outputs and distributions, and may sort N × k values). The source comes back as data.
 */
export function prepareRunText(
  task: TextTask & { readonly options: RunOptions },
): TaskReply<{ readonly source: McSource; readonly samples: number; readonly name: string }> {
  const parsed = parseScenario(task.text, task.file);
  if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
  try {
    const { source, run } = resolveSource(parsed.scenario, task.options);
    return {
      kind: 'ok',
      warnings: parsed.warnings,
      source,
      samples: run.samples,
      name: parsed.scenario.name,
    };
  } catch (error) {
    return { kind: 'error', error: taskError(error) };
  }
}

/** A feasible-region request (the API body, checked by the route): scenario text and spec. */
export interface FeasibleRegionTask extends TextTask {
  readonly spec: FeasibleRegionSpec;
}

/**
 * Parses a scenario text and computes the feasible region of two of its inputs
 * (analysis/feasible-region.ts). The output and the two input paths are checked first, each
 * refused with the request's field name (`output`, `vary[0]`, `vary[1]`), so a misspelt path is
 * not reported as "no value meets the target".
 */
export function feasibleRegionText(
  task: FeasibleRegionTask,
): TaskReply<{ readonly result: FeasibleRegionResult }> {
  const parsed = parseScenario(task.text, task.file);
  if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
  try {
    const { index } = compileScenario(parsed.scenario);
    task.spec.vary.forEach((path, k) => {
      if (!index.has(path))
        throw new InputError(`vary[${k}]`, path, 'a numeric input of the scenario');
    });
    const outputs = appraisalOutputs(appraise(parsed.scenario, { breakEvens: false }));
    if (!outputs.has(task.spec.output))
      throw new InputError(
        'output',
        task.spec.output,
        'a numeric output of the appraisal, e.g. metrics.npv_usd',
      );
    return {
      kind: 'ok',
      warnings: parsed.warnings,
      result: feasibleRegion(parsed.scenario, task.spec),
    };
  } catch (error) {
    return { kind: 'error', error: taskError(error) };
  }
}
