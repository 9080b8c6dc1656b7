/**
 * A reference scenario's text without its `uncertainty` section — and so without
 * `finance.stage_timing_option`, which is valued under `uncertainty.price_paths` and is invalid
 * without them.
 */
export function withoutUncertainty(text: string): string {
  const head = text.split('\nuncertainty:')[0] ?? text;
  return head.replace(/\n {2}stage_timing_option:\n( {4}.*\n)+/, '\n') + '\n';
}
