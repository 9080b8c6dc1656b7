/** Sliders of the live what-if (definitions and mapping in whatif.ts). */
import { memo, useState, type ReactNode } from 'react';
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
  children?: ReactNode;
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
        const name = t(`slider_${s.id}` as MessageId);
        const unit = s.unit === 'year' || s.unit === '-' ? '' : i18n.unit(s.unit);
        return (
          <div key={s.id} className="slider" title={s.target}>
            <label className="slider-label" htmlFor={`slider-${s.id}`}>
              {name}:{' '}
              <strong data-testid={`slider-value-${s.id}`}>
                {s.unit === 'year' ? String(value) : num(value, digits)}
              </strong>{' '}
              {unit}
            </label>
            <span className="slider-row">
              <input
                id={`slider-${s.id}`}
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
              <ExactInput
                key={`${s.id}:${String(value)}`}
                id={s.id}
                digits={s.unit === 'year' ? 0 : Math.max(digits, 2)}
                label={`${name} (${t('whatif_exact')})`}
                value={value}
                min={s.min}
                max={s.max}
                step={s.step}
                onCommit={(v, t0) => {
                  props.onChange(s.id, v, t0);
                }}
              />
            </span>
          </div>
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
      {props.children}
    </section>
  );
});

/**
 * Exact numeric entry beside a slider: any value in the slider's range (not only its steps),
 * applied on Enter or when the field is left. Out-of-range input is marked and not applied.
 */
function ExactInput(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** Fraction digits shown (the slider's value is not rounded when it is applied). */
  digits: number;
  onCommit: (v: number, t0: number) => void;
}) {
  const [text, setText] = useState(String(Number(props.value.toFixed(props.digits))));
  const v = Number(text.replace(',', '.').replace('\u2212', '-'));
  const valid = text.trim() !== '' && Number.isFinite(v) && v >= props.min && v <= props.max;
  const commit = (t0: number) => {
    if (valid && v !== Number(props.value.toFixed(props.digits))) props.onCommit(v, t0);
  };
  return (
    <input
      type="text"
      inputMode="decimal"
      className="exact"
      data-testid={`exact-${props.id}`}
      aria-label={props.label}
      aria-invalid={!valid}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
      }}
      onBlur={(e) => {
        commit(e.timeStamp);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.timeStamp);
      }}
    />
  );
}
