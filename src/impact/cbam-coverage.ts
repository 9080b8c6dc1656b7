/**
 * Which chromflow products are CBAM goods (Regulation (EU) 2023/956, Annex I), by CN code.
 *
 * - Ferro-chromium, CN 7202 41 and 7202 49 (under 7202 4): covered — Annex I "iron and steel"
 *   lists ferro-alloys FeMn, FeCr and FeNi (Implementing Regulation (EU) 2023/1773, summarised
 *   in co2news.sk, 11 Mar 2024, https://www.co2news.sk/2024/03/11/vykonavacie-nariadenie-komisie-eu-2023-1773-zo-17-augusta-2023/).
 * - Chromium ores and concentrates, CN 2610: not covered (only agglomerated iron ores, 2601 12,
 *   are listed among ores).
 * - Unwrought chromium, CN 8112 21, and chromium oxides, CN 2819: not covered (Annex I lists
 *   aluminium, not other base metals or their oxides).
 */
export const CBAM_COVERAGE: Readonly<Record<string, { cn_code: string; covered: boolean }>> = {
  'chromite-concentrate': { cn_code: '2610 00 00', covered: false },
  'hc-ferrochrome': { cn_code: '7202 41', covered: true },
  'lc-ferrochrome': { cn_code: '7202 49', covered: true },
  'chromium-oxide': { cn_code: '2819 90', covered: false },
  'chromium-metal': { cn_code: '8112 21', covered: false },
};
