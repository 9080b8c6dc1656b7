/**
 * Design steps sized by one throughput: equipment whose size follows the dry solids it handles
 * (and, where given, a count of machines of a design capacity or an area or volume at a design
 * loading). Shared by the mineral-processing, pre-treatment and chemical units.
 */
import type { ResultSpecs, SolvedUnit, UnitDesign } from '../unit.js';
import { designBasis } from './basis.js';
import { port, solids_t_per_h } from './measures.js';

/** Which streams of the unit carry the throughput: inlet or outlet ports by name. */
export interface ThroughputPorts {
  side: 'inlets' | 'outlets';
  ports: readonly string[];
  /** The kind's port names on that side, in order (ports by role, never by position). */
  names: readonly string[];
}

/** Dry solids through the given ports [t/h]. */
export function throughput_t_per_h(u: SolvedUnit, tp: ThroughputPorts): number {
  const streams = tp.side === 'inlets' ? u.inlets : u.outlets;
  return solids_t_per_h(
    u.model,
    tp.ports.map((p) => port(tp.names, streams, p)),
  );
}

/** All ports of a side (variadic mixers, sinks). */
export function allPorts(u: SolvedUnit, side: 'inlets' | 'outlets'): number {
  return solids_t_per_h(u.model, side === 'inlets' ? u.inlets : u.outlets);
}

/**
 * A design reporting the solids throughput only (`throughput_t_per_h`), for equipment whose
 * cost correlations are per t/h.
 */
export function throughputDesign(kind: string, tp: ThroughputPorts): UnitDesign {
  return {
    basis: designBasis(kind),
    results: {
      throughput_t_per_h: { unit: 't/h', description: 'dry solids handled at nameplate rate' },
    },
    size: (u) => ({ throughput_t_per_h: throughput_t_per_h(u, tp) }),
  };
}

/**
 * A design with the throughput and the number of machines of the design capacity
 * (`capacity_t_per_h_per_machine` in the basis): n = ⌈Q / q⌉.
 */
export function machinesDesign(
  kind: string,
  tp: ThroughputPorts,
  machines: { name: string; description: string },
): UnitDesign {
  const results: ResultSpecs = {
    throughput_t_per_h: { unit: 't/h', description: 'dry solids handled at nameplate rate' },
    [machines.name]: { unit: '1', description: machines.description },
  };
  return {
    basis: designBasis(kind),
    results,
    size(u) {
      const q = throughput_t_per_h(u, tp);
      const per = u.basis.capacity_t_per_h_per_machine ?? Infinity;
      return { throughput_t_per_h: q, [machines.name]: q > 0 ? Math.ceil(q / per) : 0 };
    },
  };
}

/**
 * A design with the throughput and the installed motor power: P_inst = P / f, f the design
 * load factor of the drive (`motor_load_factor` in the basis), for crushers and mills whose
 * cost correlations are per installed kW.
 */
export function poweredDesign(kind: string, tp: ThroughputPorts): UnitDesign {
  return {
    basis: designBasis(kind),
    results: {
      throughput_t_per_h: { unit: 't/h', description: 'dry solids handled at nameplate rate' },
      installed_power_kW: {
        unit: 'kW',
        description: 'installed drive power (draw / design load factor)',
      },
    },
    size: (u) => ({
      throughput_t_per_h: throughput_t_per_h(u, tp),
      installed_power_kW: u.duties.power_kW / (u.basis.motor_load_factor ?? NaN),
    }),
  };
}

/**
 * A design with the throughput and an area at a design loading: A = Q / L, with L
 * (`loading_t_per_h_per_m2` in the basis) in t/h of dry solids per m² (screens, thickeners,
 * filters).
 */
export function areaDesign(kind: string, tp: ThroughputPorts): UnitDesign {
  return {
    basis: designBasis(kind),
    results: {
      throughput_t_per_h: { unit: 't/h', description: 'dry solids handled at nameplate rate' },
      area_m2: { unit: 'm2', description: 'area at the design loading' },
    },
    size(u) {
      const q = throughput_t_per_h(u, tp);
      return { throughput_t_per_h: q, area_m2: q / (u.basis.loading_t_per_h_per_m2 ?? NaN) };
    },
  };
}
