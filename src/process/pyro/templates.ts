import dc from '../../../data/pyro/templates/fecr-dc.json' with { type: 'json' };
import outokumpu from '../../../data/pyro/templates/fecr-outokumpu.json' with { type: 'json' };
import prereduced from '../../../data/pyro/templates/fecr-prereduced.json' with { type: 'json' };
import refining from '../../../data/pyro/templates/fecr-refining.json' with { type: 'json' };
import saf from '../../../data/pyro/templates/fecr-saf.json' with { type: 'json' };
import type { StageSummarySpec } from '../flowsheet/summary-spec.js';
import type { FlowsheetTemplate } from '../flowsheet/template.js';

/**
 * Make-up of one addition feed of a ferrochrome template: the feed carries exactly what unit
 * `unit` demands at inlet port `port` (`UnitOutput.demands`, src/process/units/ferrochrome/bridge.ts),
 * plus, with `moisture_of`, that material's as-received moisture at 298.15 K (a cold wet feed that
 * a preheater dries before the demanding unit).
 */
export interface FecrMakeup {
  unit: string;
  port: string;
  moisture_of?: 'coke' | 'quartzite';
}

/** A ferrochrome flowsheet template (data/pyro/templates) with its addition make-up. */
export interface FecrTemplateData {
  template: FlowsheetTemplate;
  /** Feed stream of the chromite. */
  feed_stream: string;
  makeup: Readonly<Record<string, FecrMakeup>>;
  /** Stage-level results the template declares (products, consumables, by-products, CO2). */
  summary: StageSummarySpec;
}

export const FECR_TEMPLATE_DATA: Readonly<
  Record<
    'fecr-saf' | 'fecr-dc' | 'fecr-outokumpu' | 'fecr-prereduced' | 'fecr-refining',
    FecrTemplateData
  >
> = {
  'fecr-saf': saf as FecrTemplateData,
  'fecr-dc': dc as FecrTemplateData,
  'fecr-outokumpu': outokumpu as FecrTemplateData,
  'fecr-prereduced': prereduced as FecrTemplateData,
  'fecr-refining': refining as FecrTemplateData,
};
