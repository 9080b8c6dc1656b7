/**
 * The dashboard's charts of one appraisal, one small component per chart (add a chart by adding
 * a component here). Each option is built from the part of the appraisal it draws and kept (same
 * object) while that part is the same object: a what-if step replaces only the changed parts
 * (appraisal-delta.ts), so only the charts whose data changed are rendered again.
 */
import { lazy, memo, Suspense, useMemo } from 'react';
import type { Appraisal } from '../../../src/appraisal.js';
import type { StageResult } from '../../../src/appraisal.js';
import {
  capexBasis,
  capexBreakdownHeight,
  capexBreakdownOption,
  capexParts,
} from '../charts/capex-breakdown.js';
import { ChartPanel } from '../charts/ChartPanel.js';
import {
  capexOption,
  cashflowOption,
  opexOption,
  sankeyOption,
  valueLadderOption,
} from '../charts/options.js';
import { useI18n } from '../i18n.js';
import { useNarrow } from '../narrow.js';
import { BudgetBuysPanel } from './BudgetBuys.js';

const Flowsheet = lazy(() => import('../flowsheet/Flowsheet.js'));

const CashflowChart = memo(function CashflowChart(props: Pick<Appraisal, 'cashflow'>) {
  const i18n = useI18n();
  const spec = useMemo(
    () => cashflowOption({ cashflow: props.cashflow }, i18n),
    [props.cashflow, i18n],
  );
  return <ChartPanel id="cashflow" title="cashflow" spec={spec} wide />;
});

const CapexChart = memo(function CapexChart(props: Pick<Appraisal, 'stages'>) {
  const i18n = useI18n();
  const spec = useMemo(() => capexOption({ stages: props.stages }, i18n), [props.stages, i18n]);
  return <ChartPanel id="capex" title="capex_by_stage" spec={spec} />;
});

/** One stage's capex by unit, off-sites, indirects, owner's cost and contingency. */
const CapexBreakdownChart = memo(function CapexBreakdownChart(props: { stage: StageResult }) {
  const i18n = useI18n();
  const narrow = useNarrow();
  const { stage } = props;
  const spec = useMemo(() => capexBreakdownOption(stage, i18n, narrow), [stage, i18n, narrow]);
  const bars = useMemo(() => capexParts(stage)?.length ?? 0, [stage]);
  const basis = capexBasis(stage, i18n);
  return (
    <ChartPanel
      id={`capex-units-${stage.id}`}
      title={{ text: i18n.t('capex_units_title', { stage: stage.id }) }}
      spec={spec}
      height={capexBreakdownHeight(bars, narrow)}
      wide
    >
      {spec && basis !== undefined && (
        <p className="muted kpi-sub" data-testid={`capex-basis-${stage.id}`}>
          {basis}
        </p>
      )}
    </ChartPanel>
  );
});

/** Per stage with a capex estimate: its breakdown, then what its budget buys (if it has one). */
function CapexDetail(props: { stages: readonly StageResult[] }) {
  return (
    <>
      {props.stages
        .filter((s) => s.capex !== null)
        .map((s) => (
          <CapexStage key={s.id} stage={s} />
        ))}
    </>
  );
}

const CapexStage = memo(function CapexStage(props: { stage: StageResult }) {
  return (
    <>
      <CapexBreakdownChart stage={props.stage} />
      <BudgetBuysPanel stage={props.stage} />
    </>
  );
});

const OpexChart = memo(function OpexChart(props: Pick<Appraisal, 'stages'>) {
  const i18n = useI18n();
  const spec = useMemo(() => opexOption({ stages: props.stages }, i18n), [props.stages, i18n]);
  return <ChartPanel id="opex" title="opex" spec={spec} />;
});

const LadderChart = memo(function LadderChart(props: Pick<Appraisal, 'impact'>) {
  const i18n = useI18n();
  const spec = useMemo(
    () => valueLadderOption({ impact: props.impact }, i18n),
    [props.impact, i18n],
  );
  return <ChartPanel id="ladder" title="value_ladder" spec={spec} />;
});

const SankeyChart = memo(function SankeyChart(props: Pick<Appraisal, 'balance'>) {
  const i18n = useI18n();
  const narrow = useNarrow();
  const spec = useMemo(
    () => sankeyOption({ balance: props.balance }, i18n, narrow),
    [props.balance, i18n, narrow],
  );
  return (
    <ChartPanel
      id="sankey"
      title={{ text: `${i18n.t('sankey')} [${i18n.unit('t Cr/h')}]` }}
      spec={spec}
      height={narrow ? 520 : 420}
      wide
    />
  );
});

const FlowsheetPanel = memo(function FlowsheetPanel(props: Pick<Appraisal, 'balance'>) {
  const { t } = useI18n();
  return (
    <section className="panel wide" data-chart="flowsheet">
      <h3>{t('flowsheet')}</h3>
      {props.balance ? (
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>
          <Flowsheet balance={props.balance} />
        </Suspense>
      ) : (
        <p className="muted not-computed" data-testid="chart-flowsheet-missing">
          — {t('not_computed')}
        </p>
      )}
    </section>
  );
});

export const Charts = memo(function Charts(props: { appraisal: Appraisal }) {
  const { balance, cashflow, impact, stages } = props.appraisal;
  return (
    <div className="panels">
      <CashflowChart cashflow={cashflow} />
      <CapexChart stages={stages} />
      <OpexChart stages={stages} />
      <CapexDetail stages={stages} />
      <LadderChart impact={impact} />
      <SankeyChart balance={balance} />
      <FlowsheetPanel balance={balance} />
    </div>
  );
});
