/**
 * Cross-field rules of a scenario that a per-field schema cannot express. Each rule reports
 * every violation (not just the first) with the document path of the offending field.
 */
import { didYouMean } from './did-you-mean.js';
import designBasis from '../../data/process/design-basis.json' with { type: 'json' };
import { primaryPort } from '../econ/project/stage-economics.js';
import { projectStartYear } from '../econ/project/project-economics.js';
import { numericPaths } from './numeric-leaves.js';
import { CONSUMABLES, type ConsumableId } from './product-catalogue.js';
import { STAGE_TIMING_MAX_WINDOW_YEARS, type Scenario } from './schema.js';
import { checkCommercialSemantics } from './commercial-semantics.js';
import { checkCbamDefaults } from './cbam-semantics.js';
import { TEMPLATE_IDS, TEMPLATES, templateInfo } from './template-catalogue.js';

const ALL_PORTS = [...new Set(TEMPLATES.flatMap((t) => t.inputs))];

export interface SemanticIssue {
  /** Errors make the scenario invalid; warnings are reported but do not (e.g. an unused input port). */
  severity: 'error' | 'warning';
  path: (string | number)[];
  message: string;
  value?: unknown;
  suggestion?: string;
}

function duplicateIds(
  list: readonly { id: string }[],
  section: string,
  issues: SemanticIssue[],
): void {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      issues.push({
        severity: 'error',
        path: [...section.split('.'), i, 'id'],
        value: item.id,
        message: `duplicate id; already used by ${section}[${first}]`,
      });
    } else seen.set(item.id, i);
  });
}

const FEED_REF = /^feed:([a-z0-9][a-z0-9-]*)$/;
const STAGE_REF = /^stage:([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)$/;

/** Checks references, uniqueness, prices and uncertainty paths of a parsed scenario. */
export function checkSemantics(s: Scenario): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  duplicateIds(s.feeds, 'feeds', issues);
  duplicateIds(s.stages, 'stages', issues);
  duplicateIds(s.markets.products, 'markets.products', issues);
  duplicateIds(s.markets.consumables, 'markets.consumables', issues);

  const feedIds = s.feeds.map((f) => f.id);
  const stageIds = s.stages.map((st) => st.id);
  const pricedProducts = new Set(s.markets.products.map((p) => p.id));
  const pricedConsumables = new Set(s.markets.consumables.map((c) => c.id));
  const stageDeps = new Map<string, string[]>();

  s.stages.forEach((stage, i) => {
    const base = ['stages', i, 'flowsheet'];
    const template = templateInfo(stage.flowsheet.template);
    if (!template) {
      const guess = didYouMean(stage.flowsheet.template, TEMPLATE_IDS);
      issues.push({
        severity: 'error',
        path: [...base, 'template'],
        value: stage.flowsheet.template,
        message: `unknown flowsheet template; expected one of ${TEMPLATE_IDS.join(', ')}`,
        ...(guess !== undefined ? { suggestion: guess } : {}),
      });
    }
    checkStageYears(s, i, issues);
    if (!template) return;
    const deps: string[] = [];
    for (const port of template.inputs) {
      if (!(port in stage.flowsheet.inputs)) {
        issues.push({
          severity: 'error',
          path: [...base, 'inputs'],
          message: `missing input port "${port}" of template ${template.id} (ports: ${template.inputs.join(', ')})`,
        });
      }
    }
    for (const [port, ref] of Object.entries(stage.flowsheet.inputs)) {
      const at = [...base, 'inputs', port];
      const used = template.inputs.includes(port);
      if (!used && !ALL_PORTS.includes(port)) {
        const guess = didYouMean(port, [...template.inputs, ...ALL_PORTS]);
        issues.push({
          severity: 'warning',
          path: at,
          value: port,
          message: `no template has an input port "${port}" (template ${template.id} uses ${template.inputs.join(', ')}); it is ignored`,
          ...(guess !== undefined ? { suggestion: guess } : {}),
        });
        continue;
      }
      // A port another template uses is allowed and checked, so that swapping the template
      // (e.g. cr-aluminothermic ↔ cr-electrolytic) needs no other edit; it adds no dependency.
      const feedMatch = FEED_REF.exec(ref);
      const stageMatch = STAGE_REF.exec(ref);
      if (feedMatch?.[1] !== undefined) {
        if (!feedIds.includes(feedMatch[1])) {
          const guess = didYouMean(feedMatch[1], feedIds);
          issues.push({
            severity: 'error',
            path: at,
            value: ref,
            message: `dangling reference: no feed with id "${feedMatch[1]}" (feeds: ${feedIds.join(', ')})`,
            ...(guess !== undefined ? { suggestion: `feed:${guess}` } : {}),
          });
        }
      } else if (stageMatch?.[1] !== undefined && stageMatch[2] !== undefined) {
        const [, sourceId, productId] = stageMatch;
        const source = s.stages.find((st) => st.id === sourceId);
        if (!source) {
          const guess = didYouMean(sourceId, stageIds);
          issues.push({
            severity: 'error',
            path: at,
            value: ref,
            message: `dangling reference: no stage with id "${sourceId}"`,
            ...(guess !== undefined ? { suggestion: `stage:${guess}/${productId}` } : {}),
          });
        } else if (sourceId === stage.id) {
          issues.push({
            severity: 'error',
            path: at,
            value: ref,
            message: 'a stage cannot feed itself',
          });
        } else {
          const made = templateInfo(source.flowsheet.template)?.products ?? [];
          if (!made.includes(productId)) {
            issues.push({
              severity: 'error',
              path: at,
              value: ref,
              message: `stage "${sourceId}" does not make "${productId}" (it makes ${made.join(', ') || 'nothing known'})`,
            });
          } else if (used) deps.push(sourceId);
        }
      } else {
        issues.push({
          severity: 'error',
          path: at,
          value: ref,
          message: 'expected "feed:<feed id>" or "stage:<stage id>/<product id>"',
        });
      }
    }
    stageDeps.set(stage.id, deps);
    checkFeedOfStage(s, i, issues);

    for (const product of template.products) {
      if (!pricedProducts.has(product)) {
        issues.push({
          severity: 'error',
          path: ['markets', 'products'],
          message: `missing required price: stage "${stage.id}" makes "${product}" but markets.products has no entry for it`,
        });
      }
    }
    for (const consumable of template.consumables) {
      if (!pricedConsumables.has(consumable)) {
        issues.push({
          severity: 'error',
          path: ['markets', 'consumables'],
          message: `missing required price: template ${template.id} of stage "${stage.id}" consumes "${consumable}" (price in ${CONSUMABLES[consumable]}) but markets.consumables has no entry for it`,
        });
      }
    }
  });

  // Stage references must not form a cycle (a later stage may feed an earlier one only if acyclic).
  const cycle = findCycle(stageDeps);
  if (cycle) {
    const i = s.stages.findIndex((st) => st.id === cycle[0]);
    issues.push({
      severity: 'error',
      path: ['stages', i, 'flowsheet', 'inputs'],
      message: `stages feed each other in a cycle: ${cycle.join(' → ')}`,
    });
  }

  issues.push(...checkCommercialSemantics(s));
  issues.push(...checkCbamDefaults(s));
  s.markets.consumables.forEach((c, i) => {
    const unit = CONSUMABLES[c.id as ConsumableId];
    const key = `price_${unit.toLowerCase().replace('/', '_per_')}` as const;
    const given = (['price_usd_per_t', 'price_usd_per_m3', 'price_usd_per_mwh'] as const).filter(
      (k) => c[k] !== undefined,
    );
    if (given.length !== 1 || given[0] !== key) {
      issues.push({
        severity: 'error',
        path: ['markets', 'consumables', i],
        message: `missing required price: ${c.id} is priced in ${unit}; give ${key}${given.length ? ` (found ${given.join(', ')})` : ''}`,
      });
    }
  });

  checkStageTimingOption(s, issues);
  if (s.uncertainty) {
    const known = numericPaths(s);
    const declared: string[] = [];
    s.uncertainty.parameters.forEach((p, i) => {
      if (!known.includes(p.path)) {
        const guess = didYouMean(p.path, known);
        issues.push({
          severity: 'error',
          path: ['uncertainty', 'parameters', i, 'path'],
          value: p.path,
          message: 'not a numeric input of this scenario',
          ...(guess !== undefined ? { suggestion: guess } : {}),
        });
      }
      if (declared.includes(p.path)) {
        issues.push({
          severity: 'error',
          path: ['uncertainty', 'parameters', i, 'path'],
          value: p.path,
          message: 'this path already has a distribution',
        });
      }
      declared.push(p.path);
      const problem =
        p.distribution.type === 'aace-accuracy' && !/^stages\.[^.]+\.capex\.factor$/.test(p.path)
          ? `an aace-accuracy distribution applies to a stage's capex factor (stages.<id>.capex.factor), not to ${p.path}`
          : distributionProblem(p.distribution);
      if (problem)
        issues.push({
          severity: 'error',
          path: ['uncertainty', 'parameters', i, 'distribution'],
          message: problem,
        });
    });
    s.uncertainty.correlations.forEach((c, i) => {
      c.between.forEach((path, j) => {
        if (!declared.includes(path)) {
          issues.push({
            severity: 'error',
            path: ['uncertainty', 'correlations', i, 'between', j],
            value: path,
            message: 'correlations may only name paths declared in uncertainty.parameters',
          });
        }
      });
    });
  }
  return issues;
}

/**
 * What appraise requires of the feed a stage consumes: a raw-export stage sells at most the
 * feed's supply; a computed stage buys its feed, which therefore needs a price (the same rules
 * as `stageResults` and `stageFeedUse`, checked here so that validate and appraise agree).
 */
function checkFeedOfStage(s: Scenario, i: number, issues: SemanticIssue[]): void {
  const stage = s.stages[i];
  const template = stage && templateInfo(stage.flowsheet.template);
  if (!stage || !template?.implemented) return;
  const refs = Object.entries(stage.flowsheet.inputs);
  const used = refs.find(([port]) => port === primaryPort(template.id)) ?? refs[0];
  const m = used === undefined ? null : FEED_REF.exec(used[1]);
  const f = s.feeds.findIndex((feed) => feed.id === m?.[1]);
  const feed = s.feeds[f];
  if (!feed) return;
  if (template.id === 'concentrate-sale') {
    const supply = feed.supply_t_per_year?.value;
    if (supply !== undefined && stage.capacity_t_per_year.value > supply)
      issues.push({
        severity: 'error',
        path: ['stages', i, 'capacity_t_per_year'],
        value: stage.capacity_t_per_year.value,
        message: `a raw-export stage sells at most the supply of feed "${feed.id}"; expected ≤ ${supply} t/year (feeds[${f}].supply_t_per_year)`,
      });
    return;
  }
  // a feed is priced by its own price or by a market-price contract (src/econ/project/stage-economics.ts)
  if (!feed.price_usd_per_t && feed.contract?.price !== 'market')
    issues.push({
      severity: 'error',
      path: ['feeds', f, 'price_usd_per_t'],
      message: `required: a price for feed "${feed.id}", which stage "${stage.id}" consumes (price_usd_per_t, or contract.price: market; use the mining cost for an own-mined ore) [USD/t]`,
    });
}

/**
 * `finance.stage_timing_option`: a later stage, a window of start years inside the horizon whose
 * first construction year follows the project's first row (the engine's rule,
 * src/stage-timing-option.ts), and price paths to value it under.
 */
function checkStageTimingOption(s: Scenario, issues: SemanticIssue[]): void {
  const o = s.finance.stage_timing_option;
  if (!o) return;
  const at = ['finance', 'stage_timing_option'];
  const ids = s.stages.map((st) => st.id);
  const index = ids.indexOf(o.stage);
  const stage = s.stages[index];
  if (index < 1 || !stage) {
    const guess = index < 0 ? didYouMean(o.stage, ids.slice(1)) : undefined;
    issues.push({
      severity: 'error',
      path: [...at, 'stage'],
      value: o.stage,
      message:
        index === 0
          ? 'the first stage cannot wait; expected a later stage whose start is optional'
          : `not a stage of this scenario; expected one of the later stages (${ids.slice(1).join(', ') || 'none: the scenario has one stage'})`,
      ...(guess !== undefined ? { suggestion: guess } : {}),
    });
  }
  if (!s.uncertainty?.price_paths)
    issues.push({
      severity: 'error',
      path: at,
      message: 'the option is valued under stochastic price paths; declare uncertainty.price_paths',
    });
  if (!stage) return;
  const start = projectStartYear(s);
  if (!o.window) {
    // the default window starts at the stage's start year
    if (stage.start_year - stage.construction_years <= start)
      issues.push({
        severity: 'error',
        path: [...at, 'stage'],
        value: o.stage,
        message: `the default window starts at the stage's start_year ${stage.start_year}, whose construction (${stage.construction_years} years) begins in or before the project's first year ${start}; give a window whose first year is ≥ ${start + stage.construction_years + 1}`,
      });
    return;
  }
  const [first, last] = o.window;
  const end = start + s.finance.horizon_years.value - 1;
  const problems: string[] = [];
  if (first > last) problems.push('the first year after the last');
  if (first - stage.construction_years <= start)
    problems.push(
      `construction of the first start (${stage.construction_years} years) would begin in or before the project's first year ${start}; expected a first year ≥ ${start + stage.construction_years + 1}`,
    );
  if (last > end)
    problems.push(`after the end of the appraisal horizon (${end}); expected a last year ≤ ${end}`);
  if (last - first + 1 > STAGE_TIMING_MAX_WINDOW_YEARS)
    problems.push(`longer than ${STAGE_TIMING_MAX_WINDOW_YEARS} years`);
  if (problems.length > 0)
    issues.push({
      severity: 'error',
      path: [...at, 'window'],
      value: o.window,
      message: `window of start years ${first}–${last}: ${problems.join('; ')}`,
    });
}

function checkStageYears(s: Scenario, i: number, issues: SemanticIssue[]): void {
  const st = s.stages[i];
  if (!st) return;
  const phasing = st.capex.phasing;
  if (phasing) {
    const total = phasing.reduce((sum, p) => sum + p.value, 0);
    if (phasing.length !== Math.max(1, st.construction_years) || Math.abs(total - 1) > 1e-6) {
      issues.push({
        severity: 'error',
        path: ['stages', i, 'capex', 'phasing'],
        message: `expected ${Math.max(1, st.construction_years)} shares (one per construction year) summing to 1, found ${phasing.length} summing to ${total}`,
      });
    }
  }
  checkDesignOverrides(st.design, i, issues);
  const dev = st.development_years ?? 0;
  if (st.start_year - st.construction_years - dev < s.site.base_year) {
    issues.push({
      severity: 'error',
      path: ['stages', i, 'start_year'],
      value: st.start_year,
      message: `${dev > 0 ? 'development' : 'construction'} would start in ${st.start_year - st.construction_years - dev}, before site.base_year ${s.site.base_year}; expected start_year ≥ base_year + ${dev > 0 ? 'development_years + ' : ''}construction_years`,
    });
  }
  const lastYear = s.site.base_year + s.finance.horizon_years.value - 1;
  if (st.start_year > lastYear) {
    issues.push({
      severity: 'error',
      path: ['stages', i, 'start_year'],
      value: st.start_year,
      message: `after the end of the appraisal horizon (${lastYear}); expected ≤ ${lastYear}`,
    });
  }
}

type Dist = NonNullable<Scenario['uncertainty']>['parameters'][number]['distribution'];

/** A description of what is wrong with a distribution's parameters, or undefined. */
export function distributionProblem(d: Dist): string | undefined {
  switch (d.type) {
    case 'uniform':
      return d.min < d.max ? undefined : `expected min < max, found min ${d.min}, max ${d.max}`;
    case 'triangular':
    case 'pert':
      return d.min <= d.mode && d.mode <= d.max && d.min < d.max
        ? undefined
        : `expected min ≤ mode ≤ max with min < max, found ${d.min}, ${d.mode}, ${d.max}`;
    case 'normal':
      if (!(d.sd > 0)) return `expected sd > 0, found ${d.sd}`;
      return d.min !== undefined && d.max !== undefined && d.min >= d.max
        ? 'expected min < max'
        : undefined;
    case 'lognormal':
      if (!(d.median > 0)) return `expected median > 0, found ${d.median}`;
      if (!(d.sigma_log > 0)) return `expected sigma_log > 0, found ${d.sigma_log}`;
      return d.min !== undefined && d.max !== undefined && d.min >= d.max
        ? 'expected min < max'
        : undefined;
    case 'discrete': {
      if (d.values.length !== d.probabilities.length)
        return `expected as many probabilities as values, found ${d.probabilities.length} and ${d.values.length}`;
      if (d.probabilities.some((p) => p < 0)) return 'expected probabilities ≥ 0';
      const total = d.probabilities.reduce((a, b) => a + b, 0);
      return Math.abs(total - 1) <= 1e-9
        ? undefined
        : `expected probabilities summing to 1, found ${total}`;
    }
    case 'empirical':
      return (d.observations === undefined) === (d.csv === undefined)
        ? 'expected exactly one of observations or csv'
        : undefined;
    case 'aace-accuracy':
      return undefined; // its path is checked with the parameter (capex factors only)
  }
}

function findCycle(deps: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of deps.get(node) ?? []) {
      const c = visit(next);
      if (c) return c;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of deps.keys()) {
    const c = visit(node);
    if (c) return c;
  }
  return undefined;
}

/** Design-basis parameters by unit kind (data/process/design-basis.json). */
const DESIGN_PARAMS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(designBasis.kinds).map(([kind, params]) => [kind, Object.keys(params)]),
);

/**
 * `stages[].design` keys are `<unit id or unit kind>.<parameter>` with a parameter of some unit
 * kind's design basis (the unit is checked when the stage's flowsheet is designed).
 */
function checkDesignOverrides(
  design: Readonly<Record<string, unknown>>,
  i: number,
  issues: SemanticIssue[],
): void {
  const all = [...new Set([...DESIGN_PARAMS.values()].flat())].sort();
  for (const key of Object.keys(design)) {
    const dot = key.lastIndexOf('.');
    const head = key.slice(0, dot);
    const param = key.slice(dot + 1);
    const known = DESIGN_PARAMS.get(head);
    const ok = dot > 0 && (known ? known.includes(param) : all.includes(param));
    if (!ok) {
      const guess = didYouMean(param, known ?? all);
      issues.push({
        severity: 'error',
        path: ['stages', i, 'design', key],
        value: key,
        message: `expected "<unit id or unit kind>.<parameter>" with a design-basis parameter (${(known ?? all).join(', ')})`,
        ...(guess !== undefined ? { suggestion: `${head}.${guess}` } : {}),
      });
    }
  }
}
