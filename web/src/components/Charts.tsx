/** The dashboard's charts of one appraisal; a chart without data says "not computed". */
import { memo, useMemo } from 'react';
import type { Appraisal } from '../../../src/appraisal.js';
import { EChart, type ChartOption } from '../charts/EChart.js';
import {
  capexOption,
  cashflowOption,
  flowsheetOption,
  opexOption,
  sankeyOption,
  valueLadderOption,
} from '../charts/options.js';
import { useI18n, type MessageId } from '../i18n.js';

const Panel = memo(function Panel(props: {
  id: string;
  title: MessageId;
  option: ChartOption | undefined;
  height?: number;
  wide?: boolean;
}) {
  const { t } = useI18n();
  return (
    <section className={`panel${props.wide === true ? ' wide' : ''}`}>
      <h3>{t(props.title)}</h3>
      {props.option ? (
        <EChart option={props.option} testId={`chart-${props.id}`} height={props.height ?? 320} />
      ) : (
        <p
          className="muted not-computed"
          data-testid={`chart-${props.id}-missing`}
          title={t('not_computed')}
        >
          — {t('not_computed')}
        </p>
      )}
    </section>
  );
});

/**
 * The charts of an appraisal. Each option is built from the part of the appraisal it draws and
 * kept (same object) while that part is the same object: a what-if step replaces only the
 * changed parts (appraisal-delta.ts), so only the charts whose data changed are rendered again.
 */
export const Charts = memo(function Charts(props: { appraisal: Appraisal }) {
  const i18n = useI18n();
  const { balance, cashflow, impact, stages } = props.appraisal;
  const flowsheet = useMemo(() => flowsheetOption({ balance }), [balance]);
  const sankey = useMemo(() => sankeyOption({ balance }), [balance]);
  const cash = useMemo(() => cashflowOption({ cashflow }, i18n), [cashflow, i18n]);
  const ladder = useMemo(() => valueLadderOption({ impact }), [impact]);
  const opex = useMemo(() => opexOption({ stages }), [stages]);
  const capex = useMemo(() => capexOption({ stages }), [stages]);
  return (
    <div className="panels">
      <Panel id="cashflow" title="cashflow" option={cash} wide />
      <Panel id="capex" title="capex_by_stage" option={capex} />
      <Panel id="opex" title="opex" option={opex} />
      <Panel id="ladder" title="value_ladder" option={ladder} />
      <Panel id="sankey" title="sankey" option={sankey} height={420} wide />
      <Panel id="flowsheet" title="flowsheet" option={flowsheet} height={480} wide />
    </div>
  );
});
