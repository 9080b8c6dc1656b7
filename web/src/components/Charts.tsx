/** The dashboard's charts of one appraisal; a chart without data says "not computed". */
import { useMemo, useRef } from 'react';
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

function Panel(props: {
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
}

/** Cheap content signature of the plant balance (what-if price changes leave it unchanged). */
function balanceSignature(a: Appraisal): string {
  const b = a.balance;
  if (!b) return 'none';
  let t = 0;
  let cr = 0;
  for (const s of b.streams) {
    t += s.t_per_h;
    cr += s.elements_kg_per_h.Cr ?? 0;
  }
  return `${String(b.streams.length)}:${t.toPrecision(12)}:${cr.toPrecision(12)}`;
}

/** The value of `make()` for this key, reused (same object) while the key does not change. */
function useKeyed<T>(key: string, make: () => T): T {
  const cache = useRef<{ key: string; value: T } | undefined>(undefined);
  if (cache.current?.key !== key) cache.current = { key, value: make() };
  return cache.current.value;
}

export function Charts(props: { appraisal: Appraisal }) {
  const i18n = useI18n();
  const a = props.appraisal;
  // The flowsheet and the Cr Sankey are redrawn only when the balance itself changed.
  const signature = balanceSignature(a);
  const flowsheet = useKeyed(signature, () => flowsheetOption(a));
  const sankey = useKeyed(signature, () => sankeyOption(a));
  const options = useMemo(
    () => ({
      flowsheet,
      sankey,
      cashflow: cashflowOption(a, i18n),
      ladder: valueLadderOption(a),
      opex: opexOption(a),
      capex: capexOption(a),
    }),
    [a, i18n, flowsheet, sankey],
  );
  return (
    <div className="panels">
      <Panel id="cashflow" title="cashflow" option={options.cashflow} wide />
      <Panel id="capex" title="capex_by_stage" option={options.capex} />
      <Panel id="opex" title="opex" option={options.opex} />
      <Panel id="ladder" title="value_ladder" option={options.ladder} />
      <Panel id="sankey" title="sankey" option={options.sankey} height={420} wide />
      <Panel id="flowsheet" title="flowsheet" option={options.flowsheet} height={480} wide />
    </div>
  );
}
