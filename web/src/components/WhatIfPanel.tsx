/** Sliders of the live what-if (definitions and mapping in whatif.ts). */
import { memo } from 'react';
import type { SliderDef } from '../whatif.js';
import { useI18n, type MessageId } from '../i18n.js';

export const WhatIfPanel = memo(function WhatIfPanel(props: {
  sliders: SliderDef[];
  values: Record<string, number>;
  /** `t0`: the input event's time stamp [ms, performance.now() clock]. */
  onChange: (id: string, value: number, t0: number) => void;
  onReset: () => void;
  status: string;
  error: string | undefined;
  lastMs: number | undefined;
}) {
  const i18n = useI18n();
  const { t, num } = i18n;
  return (
    <section className="panel whatif" data-testid="whatif">
      <h3>
        {t('whatif')}{' '}
        <button type="button" className="small" onClick={props.onReset}>
          {t('reset')}
        </button>
      </h3>
      {props.sliders.map((s) => {
        const value = props.values[s.id] ?? s.base;
        const digits = s.step >= 1 ? 0 : s.step >= 0.1 ? 1 : s.step >= 0.01 ? 2 : 3;
        return (
          <label key={s.id} className="slider" title={s.target}>
            <span className="slider-label">
              {t(`slider_${s.id}` as MessageId)}:{' '}
              <strong data-testid={`slider-value-${s.id}`}>
                {s.unit === 'year' ? String(value) : num(value, digits)}
              </strong>{' '}
              {s.unit === 'year' ? '' : s.unit}
            </span>
            <input
              type="range"
              data-testid={`slider-${s.id}`}
              min={s.min}
              max={s.max}
              step={s.step}
              value={value}
              onChange={(e) => {
                props.onChange(s.id, Number(e.currentTarget.value), e.timeStamp);
              }}
            />
          </label>
        );
      })}
      <p
        className="status"
        data-testid="whatif-status"
        data-ms={props.lastMs === undefined ? '' : props.lastMs.toFixed(1)}
      >
        {props.status}
      </p>
      {props.error !== undefined && (
        <p className="error" role="alert" data-testid="whatif-error">
          {props.error}
        </p>
      )}
    </section>
  );
});
