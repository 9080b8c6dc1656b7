/** What each chart's redraw cost, drained by the dashboard's what-if timing (core-context.ts). */
export const chartDraws: { id: string; ms: number; mode: 'full' | 'data' }[] = [];
