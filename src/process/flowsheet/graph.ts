/**
 * Graph algorithms for flowsheets: strongly connected components (Tarjan), topological order,
 * and minimal tear-set selection.
 */

/** Directed edge between unit indices, carrying a stream index. */
export interface Edge {
  from: number;
  to: number;
  stream: number;
}

/**
 * Strongly connected components, returned in reverse topological order of the condensation
 * (Tarjan 1972); we reverse them to get upstream-first order.
 * @see R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1 (1972) 146.
 */
export function stronglyConnected(n: number, edges: readonly Edge[]): number[][] {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const e of edges) adj[e.from]?.push(e.to);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  const visit = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    for (const w of adj[v] ?? []) {
      if ((index[w] ?? -1) < 0) {
        visit(w);
        low[v] = Math.min(low[v] ?? 0, low[w] ?? 0);
      } else if (onStack[w] === 1) low[v] = Math.min(low[v] ?? 0, index[w] ?? 0);
    }
    if (low[v] === index[v]) {
      const comp: number[] = [];
      for (;;) {
        const w = stack.pop();
        if (w === undefined) break;
        onStack[w] = 0;
        comp.push(w);
        if (w === v) break;
      }
      out.push(comp.sort((a, b) => a - b));
    }
  };
  for (let v = 0; v < n; v++) if ((index[v] ?? -1) < 0) visit(v);
  return out.reverse();
}

/**
 * Topological order of `nodes` using `edges` (only edges between listed nodes count), ties
 * broken by node index. Returns null if a cycle remains.
 */
export function topoOrder(nodes: readonly number[], edges: readonly Edge[]): number[] | null {
  const set = new Set(nodes);
  const indeg = new Map<number, number>();
  for (const v of nodes) indeg.set(v, 0);
  const inner = edges.filter((e) => set.has(e.from) && set.has(e.to));
  for (const e of inner) indeg.set(e.to, (indeg.get(e.to) ?? 0) + 1);
  const ready = nodes.filter((v) => indeg.get(v) === 0).sort((a, b) => a - b);
  const order: number[] = [];
  while (ready.length > 0) {
    const v = ready.shift();
    if (v === undefined) break;
    order.push(v);
    for (const e of inner) {
      if (e.from !== v) continue;
      const d = (indeg.get(e.to) ?? 0) - 1;
      indeg.set(e.to, d);
      if (d === 0) {
        ready.push(e.to);
        ready.sort((a, b) => a - b);
      }
    }
  }
  return order.length === nodes.length ? order : null;
}

/**
 * Chooses tear streams for one strongly connected component: the smallest set of its internal
 * edges whose removal leaves it acyclic (exhaustive over sets of 1–3 edges, candidates ordered
 * with the DFS back edges first so that recycle streams are preferred), falling back to all DFS
 * back edges (always a valid tear set) for larger loops.
 * @returns Tear edges and the solve order of the component's units with those edges removed
 */
export function chooseTears(
  nodes: readonly number[],
  edges: readonly Edge[],
  entry: number,
): { tears: Edge[]; order: number[] } {
  const set = new Set(nodes);
  const inner = edges.filter((e) => set.has(e.from) && set.has(e.to));
  const back = dfsBackEdges(nodes, inner, entry);
  const candidates = [...back, ...inner.filter((e) => !back.includes(e))];
  const tryTears = (tears: Edge[]): number[] | null =>
    topoOrder(
      nodes,
      inner.filter((e) => !tears.includes(e)),
    );
  if (candidates.length <= 40) {
    for (let k = 1; k <= 3; k++) {
      for (const combo of combinations(candidates.length, k)) {
        const tears = combo.map((i) => candidates[i]).filter((e): e is Edge => e !== undefined);
        const order = tryTears(tears);
        if (order) return { tears, order };
      }
    }
  }
  const order = tryTears(back);
  if (!order) throw new Error('internal: DFS back edges do not break every cycle');
  return { tears: back, order };
}

function dfsBackEdges(nodes: readonly number[], inner: readonly Edge[], entry: number): Edge[] {
  const state = new Map<number, number>(); // 0 new, 1 on path, 2 done
  const back: Edge[] = [];
  const visit = (v: number): void => {
    state.set(v, 1);
    for (const e of inner) {
      if (e.from !== v) continue;
      const s = state.get(e.to) ?? 0;
      if (s === 1) back.push(e);
      else if (s === 0) visit(e.to);
    }
    state.set(v, 2);
  };
  visit(entry);
  for (const v of nodes) if ((state.get(v) ?? 0) === 0) visit(v);
  return back;
}

function* combinations(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  if (k > n) return;
  for (;;) {
    yield [...idx];
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i] = (idx[i] ?? 0) + 1;
    for (let j = i + 1; j < k; j++) idx[j] = (idx[j - 1] ?? 0) + 1;
  }
}
