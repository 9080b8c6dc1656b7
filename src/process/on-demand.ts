/**
 * Properties computed when read, afresh on each read: a stage run's balance report and report
 * checks (stage-run.ts), the balance of the appraisal's per-stage balance entries
 * (stage-results.ts) and a flowsheet solution's closure (solve.ts). Each property name has one getter shared by every object; the getter calls
 * the object's own builder, kept in a non-enumerable slot of the object.
 *
 * Why not a getter closure per run: V8 keeps an accessor in the object's hidden class, so a new
 * closure per run gives every run a hidden class of its own. Every later read of the run's
 * fields (products, consumptions, KPIs, design) then misses the inline caches, and the run
 * falls back to a dictionary of properties; a Monte Carlo sample that re-solves the plant builds
 * a run per sample.
 */

/** The slot holding an object's builders, by property name. */
const BUILDERS = Symbol('chromflow.onDemandBuilders');

/** The names of the on-demand properties (each has its one shared getter). */
export type OnDemandName = 'balance' | 'report_checks' | 'closure';

interface WithBuilders {
  [BUILDERS]?: Partial<Record<OnDemandName, () => unknown>>;
}

function sharedGetter(name: OnDemandName): (this: WithBuilders) => unknown {
  return function onDemand(this: WithBuilders): unknown {
    const build = this[BUILDERS]?.[name];
    if (!build) throw new Error(`on-demand property ${name}: the object holds no builder for it`);
    return build();
  };
}

const GETTERS: Readonly<Record<OnDemandName, (this: WithBuilders) => unknown>> = {
  balance: sharedGetter('balance'),
  report_checks: sharedGetter('report_checks'),
  closure: sharedGetter('closure'),
};

/**
 * Whether a spread or `Object.assign` from the object copies the property (computing it): the
 * balance report yes (as a plain field would be), the report checks no (they cost about as much
 * as the stage solve, and only the appraisal's stage results read them), a solution's closure
 * no (nothing copies a solution).
 */
const ENUMERABLE: Readonly<Record<OnDemandName, boolean>> = {
  balance: true,
  report_checks: false,
  closure: false,
};

/**
 * Defines property `name` of `target` as computed by `build` on each read.
 * @returns The same object, typed with the property
 */
export function defineOnDemand<T extends object, K extends OnDemandName, V>(
  target: T,
  name: K,
  build: () => V,
): T & { readonly [P in K]: V } {
  const holder = target as T & WithBuilders;
  let builders = holder[BUILDERS];
  if (!builders) {
    builders = {};
    Object.defineProperty(holder, BUILDERS, { value: builders, enumerable: false });
  }
  // an object that has the property already (a solution slot solved into again) keeps its
  // getter: only the builder changes (defining a property is a slow runtime call)
  const defined = builders[name] !== undefined;
  builders[name] = build;
  if (defined) return target as T & { readonly [P in K]: V };
  Object.defineProperty(target, name, {
    get: GETTERS[name],
    enumerable: ENUMERABLE[name],
    configurable: true,
  });
  return target as T & { readonly [P in K]: V };
}

function leftOutGetter(name: OnDemandName): () => never {
  return function leftOut(): never {
    throw new Error(
      `${name}: left out of this result, built without detail (a Monte Carlo sample's lean solve); solve with detail to read it`,
    );
  };
}

const LEFT_OUT: Readonly<Record<OnDemandName, () => never>> = {
  balance: leftOutGetter('balance'),
  report_checks: leftOutGetter('report_checks'),
  closure: leftOutGetter('closure'),
};

/**
 * Declares property `name` of `target` as left out (a result built without detail): reading it
 * throws, saying so. One shared getter per name and no builder slot — defining the slot was the
 * dearer half of {@link defineOnDemand} on an object built per Monte Carlo sample. Not
 * enumerable, so a spread or JSON of the result skips it instead of throwing.
 * @returns The same object, typed with the property
 */
export function defineLeftOut<T extends object, K extends OnDemandName>(
  target: T,
  name: K,
): T & { readonly [P in K]: never } {
  Object.defineProperty(target, name, {
    get: LEFT_OUT[name],
    enumerable: false,
    configurable: true,
  });
  return target as T & { readonly [P in K]: never };
}
