import template from '../../../data/templates/kempirsai-concentrator.json' with { type: 'json' };
import { InputError } from '../../errors.js';
import { compileFlowsheet, type CompiledFlowsheet } from '../flowsheet/compile.js';
import { oreFeedStream, type OreFeed } from '../flowsheet/feed.js';
import { balanceReport, type BalanceReport } from '../flowsheet/report.js';
import { solveFlowsheet, type FlowsheetSolution, type SolverSettings } from '../flowsheet/solve.js';
import type { FlowsheetOverrides, FlowsheetTemplate } from '../flowsheet/template.js';
import { concentratorKpis, type ConcentratorKpis } from './kpis.js';

/** The reference Kempirsai concentrator template (data/templates/kempirsai-concentrator.json). */
export const KEMPIRSAI_CONCENTRATOR: FlowsheetTemplate = template;

/** Library of flowsheet templates by id. */
export const FLOWSHEET_TEMPLATES: Readonly<Record<string, FlowsheetTemplate>> = {
  [KEMPIRSAI_CONCENTRATOR.id]: KEMPIRSAI_CONCENTRATOR,
};

export interface ConcentratorInput {
  /** Template object or id (default: "kempirsai-concentrator"). */
  template?: FlowsheetTemplate | string;
  /** `{ "units.<id>.<param>": value }`. */
  overrides?: FlowsheetOverrides;
  /** Ore feed; the template must have exactly one feed stream. */
  feed: OreFeed;
  settings?: Partial<SolverSettings>;
  /** Previous result to warm-start from (Monte Carlo). */
  warmStart?: ConcentratorResult;
}

export interface ConcentratorResult {
  balance: BalanceReport;
  kpis: ConcentratorKpis;
  /** Compiled flowsheet and raw solution (for warm starts and further use). */
  flowsheet: CompiledFlowsheet;
  solution: FlowsheetSolution;
}

/**
 * Builds the flowsheet from template + overrides + feed description, solves it and returns the
 * balance report (issue 4 item 6) and the stage KPIs. Pure: no I/O, deterministic.
 * @throws InputError for bad templates, overrides or feeds; ConvergenceError if a loop fails
 */
export function runConcentrator(input: ConcentratorInput): ConcentratorResult {
  const t =
    typeof input.template === 'string'
      ? FLOWSHEET_TEMPLATES[input.template]
      : (input.template ?? KEMPIRSAI_CONCENTRATOR);
  if (!t)
    throw new InputError(
      'template',
      input.template,
      `a template id (${Object.keys(FLOWSHEET_TEMPLATES).join(', ')}) or a template object`,
    );
  const fs = compileFlowsheet(t, input.overrides ?? {});
  const feedIds = fs.feeds.map((f) => fs.streams[f]?.id ?? '');
  if (feedIds.length !== 1)
    throw new InputError(
      `template ${fs.id}.feeds`,
      feedIds,
      'exactly one feed stream for runConcentrator (use solveFlowsheet for several feeds)',
    );
  const feeds = Object.fromEntries(
    feedIds.map((id) => [id, oreFeedStream(fs.model, input.feed, `feed`)]),
  );
  const warm =
    input.warmStart && input.warmStart.flowsheet.streams.length === fs.streams.length
      ? input.warmStart.solution
      : undefined;
  const solution = solveFlowsheet(fs, feeds, {
    ...(input.settings ? { settings: input.settings } : {}),
    ...(warm ? { warmStart: warm } : {}),
  });
  return {
    balance: balanceReport(fs, solution),
    kpis: concentratorKpis(fs, solution),
    flowsheet: fs,
    solution,
  };
}
