/**
 * The choice of an appraisal output (NPV, IRR, …) by its name in the user's language: the
 * Monte Carlo and the feasible-region panels ask for it alike. The caller's `<label>` names it.
 */
import { useI18n } from '../i18n.js';

export function OutputSelect(props: {
  testId: string;
  outputs: readonly string[];
  value: string;
  onChange: (output: string) => void;
}) {
  const i18n = useI18n();
  return (
    <select
      value={props.value}
      data-testid={props.testId}
      onChange={(e) => {
        props.onChange(e.currentTarget.value);
      }}
    >
      {props.outputs.map((o) => (
        <option key={o} value={o}>
          {i18n.output(o)}
        </option>
      ))}
    </select>
  );
}
