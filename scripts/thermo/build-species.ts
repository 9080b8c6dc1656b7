// Builds data/thermo/species.json from the raw tables in ../shared/data/thermo (NIST-JANAF text
// tables, FREED 11.0 extract, NASA CEA thermo.inp). Not part of the core: it reads files.
//
// Method (docs/thermo.md): every phase table is cut into pieces at its transitions (rows whose
// temperature repeats). Each piece is fitted by a Shomate polynomial per segment,
//   Cp = A + B t + C t² + D t³ + E/t²,  t = T/1000,
// by weighted least squares on the tabulated Cp (relative residuals), subject to two equality
// constraints per segment: ∫Cp dT and ∫Cp/T dT over the segment equal the tabulated changes of
// H and S between its end rows, so H and S reproduce the table exactly at every segment end.
// A segment is split at its middle row until Cp, H and S meet the tolerances below.
//
// Usage: npx tsx scripts/thermo/build-species.ts [/path/to/shared/data/thermo]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseFormula, molarMass_g_per_mol } from '../../src/chem/formula.js';

// Default: the shared reference folder beside the repository (see shared/README.md).
const RAW = process.argv[2] ?? new URL('../../../shared/data/thermo', import.meta.url).pathname;
const OUT = new URL('../../data/thermo/species.json', import.meta.url);
const T_REF = 298.15;
const CAL = 4.184;

interface Row {
  T: number;
  cp: number; // J/(mol K)
  h: number; // H − H298 [J/mol]
  s: number; // J/(mol K)
  dfH?: number; // kJ/mol (JANAF only)
}
interface Piece {
  rows: Row[];
  label?: string;
}
interface Transition {
  T_K: number;
  dH_J_per_mol: number;
  label: string;
}
interface PhaseInput {
  id: string;
  state: 's' | 'l' | 'g';
  label: string;
  source: Record<string, string>;
  pieces: Piece[];
  transitions: Transition[];
  dfH298_J_per_mol: number;
}

// ---------- JANAF ----------
interface JanafRow extends Row {
  note?: string;
}
function readJanaf(id: string): { title: string; rows: JanafRow[] } {
  const lines = readFileSync(`${RAW}/janaf/${id}.txt`, 'utf8').split('\n');
  const title = (lines[0] ?? '').trim();
  const rows: JanafRow[] = [];
  for (const line of lines.slice(2)) {
    const f = line.split('\t');
    if (f.length < 5) continue;
    const T = Number(f[0]);
    if (!Number.isFinite(T) || T < T_REF - 1e-9) continue;
    const dfText = (f[5] ?? '').trim();
    const dfH = Number(dfText);
    const row: JanafRow = { T, cp: Number(f[1]), s: Number(f[2]), h: Number(f[4]) * 1000 };
    if (dfText !== '' && Number.isFinite(dfH)) row.dfH = dfH;
    else if (dfText !== '') row.note = dfText;
    rows.push(row);
  }
  return { title, rows };
}

/** Cuts a table's rows into pieces at repeated temperatures, within [Tmin, Tmax]. */
function janafPhase(
  id: string,
  table: string,
  state: 's' | 'l' | 'g',
  label: string,
  opts: { Tmax?: number; Tmin?: number } = {},
): PhaseInput {
  const { title, rows } = readJanaf(table);
  const Tmax = opts.Tmax ?? 6000;
  const Tmin = opts.Tmin ?? T_REF;
  const pieces: Piece[] = [];
  const transitions: Transition[] = [];
  let cur: Row[] = [];
  const inRange = rows.filter((r) => r.T <= Tmax + 1e-9 && r.T >= Tmin - 1e-9);
  for (let i = 0; i < inRange.length;) {
    let j = i;
    while (
      j + 1 < inRange.length &&
      Math.abs((inRange[j + 1] as Row).T - (inRange[i] as Row).T) < 1e-9
    )
      j++;
    const lo = inRange[i] as JanafRow;
    const hi = inRange[j] as JanafRow;
    if (j === i) cur.push(lo);
    else if (lo.T >= Tmax - 1e-9)
      cur.push(lo); // cut at the upper end: keep the lower row
    else if (lo.T <= Tmin + 1e-9 && cur.length === 0)
      cur.push(hi); // cut at the lower end
    else {
      cur.push(lo);
      pieces.push({ rows: cur });
      const note = inRange.slice(i, j + 1).find((r) => r.note)?.note ?? 'transition';
      transitions.push({
        T_K: lo.T,
        dH_J_per_mol: round(hi.h - lo.h, 1),
        label: note.toLowerCase(),
      });
      cur = [hi];
    }
    i = j + 1;
  }
  if (cur.length > 0) pieces.push({ rows: cur });
  const first = pieces[0]?.rows[0] as JanafRow | undefined;
  if (!first || Math.abs(first.T - T_REF) > 1e-6 || first.dfH === undefined)
    throw new Error(`${table}: no 298.15 K row with dfH`);
  return {
    id,
    state,
    label,
    source: {
      database: 'NIST-JANAF 4th ed. (Chase 1998)',
      table,
      title,
      url: `https://janaf.nist.gov/tables/${table}.txt`,
    },
    pieces,
    transitions,
    dfH298_J_per_mol: first.dfH * 1000,
  };
}

// ---------- FREED (USBM) ----------
interface FreedEq {
  A: number;
  B: number;
  C: number;
  D: number;
  E: number;
  F: number;
  T_upper: number;
  H_transition_cal: number | null;
  comment: string | null;
}
interface FreedSpecies {
  name: string;
  dfH298_cal: number;
  S298_cal_K: number;
  Tmax_K: number;
  ref_code: string;
  H_equations_cal: FreedEq[];
}
const freed = JSON.parse(readFileSync(`${RAW}/freed_usbm_chromium_species.json`, 'utf8')) as {
  species: Record<string, FreedSpecies>;
};
function freedH(e: FreedEq, T: number): number {
  return (e.A * T + e.B * T * T + e.C / T + e.D * Math.sqrt(T) + e.E * T ** 3 + e.F) * CAL;
}
function freedCp(e: FreedEq, T: number): number {
  return (e.A + 2 * e.B * T - e.C / (T * T) + (0.5 * e.D) / Math.sqrt(T) + 3 * e.E * T * T) * CAL;
}
/** Samples FREED equations into rows (every 25 K), S by Simpson integration of Cp/T. */
function freedPhases(
  key: string,
  cuts: { id: string; state: 's' | 'l'; label: string; eqs: number[] }[],
): PhaseInput[] {
  const sp = freed.species[key];
  if (!sp) throw new Error(`FREED: no ${key}`);
  const eqs = sp.H_equations_cal;
  // Piece k covers [T_lo(k), T_upper(k)].
  const h0 = freedH(eqs[0] as FreedEq, T_REF);
  const pieces: Piece[] = [];
  const trans: Transition[] = [];
  let S = sp.S298_cal_K * CAL;
  let Tlo = T_REF;
  for (let k = 0; k < eqs.length; k++) {
    const e = eqs[k] as FreedEq;
    const rows: Row[] = [];
    const n = Math.max(2, Math.ceil((e.T_upper - Tlo) / 25));
    const dT = (e.T_upper - Tlo) / n;
    for (let i = 0; i <= n; i++) {
      const T = Tlo + i * dT;
      if (i > 0) S += simpson((x) => freedCp(e, x) / x, T - dT, T, 16);
      rows.push({ T, cp: freedCp(e, T), h: freedH(e, T) - h0, s: S });
    }
    pieces.push({ rows });
    const next = eqs[k + 1];
    if (next) {
      const dH = freedH(next, e.T_upper) - freedH(e, e.T_upper);
      trans.push({
        T_K: e.T_upper,
        dH_J_per_mol: round(dH, 1),
        label: (e.comment ?? 'transition').toLowerCase(),
      });
      S += dH / e.T_upper;
    }
    Tlo = e.T_upper;
  }
  return cuts.map((c) => {
    const ps = c.eqs.map((k) => pieces[k] as Piece);
    const tr = trans.filter((t, k) => c.eqs.includes(k) && c.eqs.includes(k + 1));
    return {
      id: c.id,
      state: c.state,
      label: c.label,
      source: {
        database: 'U.S. Bureau of Mines via FREED 11.0',
        record: key,
        reference: `FREED ref code ${sp.ref_code} (USBM Bulletin 696, 1995)`,
        note: 'H(T)-H298 equations converted with 1 cal = 4.184 J; S from S298 + ∫Cp/T dT',
      },
      pieces: ps,
      transitions: tr,
      dfH298_J_per_mol: sp.dfH298_cal * CAL,
    };
  });
}

// ---------- NASA CEA (thermo.inp, NASA-9) ----------
function ceaPhase(name: string, id: string, state: 's' | 'l', label: string): PhaseInput {
  const lines = readFileSync(`${RAW}/nasa-cea/thermo.inp`, 'utf8').split('\n');
  const i0 = lines.findIndex((l) => l.startsWith(name.padEnd(18)));
  if (i0 < 0) throw new Error(`CEA: no ${name}`);
  const head = lines[i0 + 1] ?? '';
  const nInt = Number(head.slice(0, 2));
  const dfH = Number(head.slice(65, 80));
  const num = (s: string): number => Number(s.replace(/D/g, 'E'));
  const ints: { Tmin: number; Tmax: number; a: number[]; b: number[] }[] = [];
  for (let k = 0; k < nInt; k++) {
    const l1 = lines[i0 + 2 + 3 * k] ?? '';
    const l2 = lines[i0 + 3 + 3 * k] ?? '';
    const l3 = lines[i0 + 4 + 3 * k] ?? '';
    const a = [0, 1, 2, 3, 4].map((j) => num(l2.slice(16 * j, 16 * j + 16)));
    a.push(num(l3.slice(0, 16)), num(l3.slice(16, 32)));
    ints.push({
      Tmin: Number(l1.slice(0, 11)),
      Tmax: Number(l1.slice(11, 21)),
      a,
      b: [num(l3.slice(48, 64)), num(l3.slice(64, 80))],
    });
  }
  const R = 8.31451;
  const ev = (T: number) => {
    const it = ints.find((x) => T >= x.Tmin - 1e-9 && T <= x.Tmax + 1e-9) ?? ints[ints.length - 1];
    const a = it?.a ?? [];
    const b = it?.b ?? [];
    const g = (j: number) => a[j] ?? 0;
    const cp =
      g(0) / T ** 2 + g(1) / T + g(2) + g(3) * T + g(4) * T ** 2 + g(5) * T ** 3 + g(6) * T ** 4;
    const h =
      -g(0) / T ** 2 +
      (g(1) * Math.log(T)) / T +
      g(2) +
      (g(3) * T) / 2 +
      (g(4) * T ** 2) / 3 +
      (g(5) * T ** 3) / 4 +
      (g(6) * T ** 4) / 5 +
      (b[0] ?? 0) / T;
    const s =
      -g(0) / T ** 2 / 2 -
      g(1) / T +
      g(2) * Math.log(T) +
      g(3) * T +
      (g(4) * T ** 2) / 2 +
      (g(5) * T ** 3) / 3 +
      (g(6) * T ** 4) / 4 +
      (b[1] ?? 0);
    return { cp: cp * R, h: h * R * T, s: s * R };
  };
  const Tmax = ints[ints.length - 1]?.Tmax ?? 0;
  const h298 = ev(T_REF).h;
  const rows: Row[] = [];
  const n = Math.ceil((Tmax - T_REF) / 25);
  for (let i = 0; i <= n; i++) {
    const T = T_REF + ((Tmax - T_REF) * i) / n;
    const e = ev(T);
    rows.push({ T, cp: e.cp, h: e.h - h298, s: e.s });
  }
  return {
    id,
    state,
    label,
    source: {
      database: 'NASA Glenn CEA thermo.inp (McBride, Zehe, Gordon 2002)',
      record: name,
      reference: (lines[i0] ?? '').slice(18).trim(),
      note: 'NASA-9 polynomials sampled every ≈25 K and refitted',
    },
    pieces: [{ rows }],
    transitions: [],
    dfH298_J_per_mol: dfH,
  };
}

// ---------- fitting ----------
const BASIS: ((t: number) => number)[] = [
  () => 1,
  (t) => t,
  (t) => 1 / (t * t),
  (t) => t * t,
  (t) => t * t * t,
];
/** ∫φ dT over [a,b] for each basis (T in K). */
function intH(k: number, a: number, b: number): number {
  switch (k) {
    case 0:
      return b - a;
    case 1:
      return (b * b - a * a) / 2000;
    case 2:
      return 1e6 * (1 / a - 1 / b);
    case 3:
      return (b ** 3 - a ** 3) / 3e6;
    default:
      return (b ** 4 - a ** 4) / 4e9;
  }
}
/** ∫φ/T dT over [a,b]. */
function intS(k: number, a: number, b: number): number {
  switch (k) {
    case 0:
      return Math.log(b / a);
    case 1:
      return (b - a) / 1000;
    case 2:
      return (1e6 * (1 / (a * a) - 1 / (b * b))) / 2;
    case 3:
      return (b * b - a * a) / 2e6;
    default:
      return (b ** 3 - a ** 3) / 3e9;
  }
}
function solve(M: number[][], v: number[]): number[] {
  const n = v.length;
  const A = M.map((r, i) => [...r, v[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs((A[r] as number[])[c] ?? 0) > Math.abs((A[p] as number[])[c] ?? 0)) p = r;
    [A[c], A[p]] = [A[p] as number[], A[c] as number[]];
    const piv = (A[c] as number[])[c] ?? 0;
    if (Math.abs(piv) < 1e-300) throw new Error('singular ' + JSON.stringify(M));
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = ((A[r] as number[])[c] ?? 0) / piv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++)
        (A[r] as number[])[k] = ((A[r] as number[])[k] ?? 0) - f * ((A[c] as number[])[k] ?? 0);
    }
  }
  return A.map((r, i) => (r[n] ?? 0) / ((r[i] as number) || 1));
}
interface Segment {
  Tmin_K: number;
  Tmax_K: number;
  A: number;
  B: number;
  C: number;
  D: number;
  E: number;
  F_J_per_mol: number;
  G_J_per_mol_K: number;
}
/**
 * Constrained weighted least squares: minimise Σ w (Σ_k c_k φ_k(T_i) − Cp_i)² subject to
 * Σ c_k ∫φ_k dT = ΔH and Σ c_k ∫φ_k/T dT = ΔS (Lagrange multipliers, KKT system).
 */
function constrainedFit(
  rows: Row[],
  phi: ((T: number) => number)[],
  iH: number[],
  iS: number[] | null,
  h0: number,
  s0: number,
): number[] {
  const k = phi.length;
  const last = rows[rows.length - 1] as Row;
  const n = k + (iS ? 2 : 1);
  const M: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const v = new Array<number>(n).fill(0);
  for (const r of rows) {
    const w = 1 / (r.cp * r.cp);
    for (let i = 0; i < k; i++) {
      const fi = (phi[i] as (T: number) => number)(r.T);
      v[i] = (v[i] ?? 0) + 2 * w * fi * r.cp;
      for (let j = 0; j < k; j++)
        (M[i] as number[])[j] =
          ((M[i] as number[])[j] ?? 0) + 2 * w * fi * (phi[j] as (T: number) => number)(r.T);
    }
  }
  for (let i = 0; i < k; i++) {
    (M[k] as number[])[i] = (iH[i] ?? 0) / 1000;
    (M[i] as number[])[k] = (iH[i] ?? 0) / 1000;
    if (iS) {
      (M[k + 1] as number[])[i] = iS[i] ?? 0;
      (M[i] as number[])[k + 1] = iS[i] ?? 0;
    }
  }
  v[k] = (last.h - h0) / 1000;
  if (iS) v[k + 1] = last.s - s0;
  return solve(M, v).slice(0, k);
}
/** Returns Shomate coefficients in the order [A, B, E, C, D]. */
function fitSegment(rows: Row[], h0: number, s0: number, withS: boolean): number[] {
  const a = (rows[0] as Row).T;
  const b = (rows[rows.length - 1] as Row).T;
  if (rows.length >= 5 && b - a >= 150) {
    const phi = BASIS.map((f) => (T: number) => f(T / 1000));
    return constrainedFit(
      rows,
      phi,
      phi.map((_, i) => intH(i, a, b)),
      phi.map((_, i) => intS(i, a, b)),
      h0,
      s0,
    );
  }
  // Short segment: polynomial in the centred variable u = (T − Tm)/hs (well conditioned),
  // constraints by 8-point Gauss–Legendre quadrature, then expanded into powers of t.
  const m = withS ? 4 : 3;
  const Tm = (a + b) / 2;
  const hs = (b - a) / 2;
  const phi = Array.from({ length: m }, (_, p) => (T: number) => ((T - Tm) / hs) ** p);
  const iH = phi.map((f) => gauss(f, a, b));
  const iS = withS ? phi.map((f) => gauss((T) => f(T) / T, a, b)) : null;
  const cu = constrainedFit(rows, phi, iH, iS, h0, s0);
  // u = α t + β with α = 1000/hs, β = −Tm/hs; (α t + β)^p expanded binomially.
  const al = 1000 / hs;
  const be = -Tm / hs;
  const ct = [0, 0, 0, 0];
  for (let p = 0; p < m; p++)
    for (let q = 0; q <= p; q++)
      ct[q] = (ct[q] ?? 0) + (cu[p] ?? 0) * binom(p, q) * al ** q * be ** (p - q);
  return [ct[0] ?? 0, ct[1] ?? 0, 0, ct[2] ?? 0, ct[3] ?? 0];
}
function binom(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}
const GL_X = [
  -0.9602898564975363, -0.7966664774136267, -0.525532409916329, -0.1834346424956498,
  0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363,
];
const GL_W = [
  0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.362683783378362, 0.362683783378362,
  0.3137066458778873, 0.2223810344533745, 0.1012285362903763,
];
function gauss(f: (x: number) => number, a: number, b: number): number {
  let s = 0;
  for (let i = 0; i < 8; i++) s += (GL_W[i] ?? 0) * f((a + b) / 2 + ((b - a) / 2) * (GL_X[i] ?? 0));
  return (s * (b - a)) / 2;
}
/** Shomate coefficients [A,B,E,C,D] order → segment with F, G anchored at the first row. */
function makeSegment(rows: Row[], c: number[], h0: number, s0: number): Segment {
  const r0 = rows[0] as Row;
  const [A, B, E, C, D] = c as [number, number, number, number, number];
  const seg: Segment = {
    Tmin_K: r0.T,
    Tmax_K: (rows[rows.length - 1] as Row).T,
    A,
    B,
    C,
    D,
    E,
    F_J_per_mol: 0,
    G_J_per_mol_K: 0,
  };
  seg.F_J_per_mol = h0 - shomateH(seg, r0.T);
  seg.G_J_per_mol_K = s0 - shomateS(seg, r0.T);
  return seg;
}
function shomateCp(s: Segment, T: number): number {
  const t = T / 1000;
  return s.A + s.B * t + s.C * t * t + s.D * t ** 3 + s.E / (t * t);
}
function shomateH(s: Segment, T: number): number {
  const t = T / 1000;
  return (
    1000 * (s.A * t + (s.B * t * t) / 2 + (s.C * t ** 3) / 3 + (s.D * t ** 4) / 4 - s.E / t) +
    s.F_J_per_mol
  );
}
function shomateS(s: Segment, T: number): number {
  const t = T / 1000;
  return (
    s.A * Math.log(t) +
    s.B * t +
    (s.C * t * t) / 2 +
    (s.D * t ** 3) / 3 -
    s.E / (2 * t * t) +
    s.G_J_per_mol_K
  );
}
const TOL = { cpRel: 0.001, h_J: 20, hRel: 0.0005, s: 0.05 };
/**
 * Fits one piece (no transition inside), chaining H and S continuously from (h0, s0) at its
 * first row; halves segments (never below 2 rows) until the tolerances are met.
 */
function fitPiece(rows: Row[], h0: number, s0: number): Segment[] {
  // H and S at the segment end are constrained to the table, starting from the chained values
  // (so small errors of a previous short segment are healed). For a 2–3-row segment the S
  // constraint is dropped if it distorts Cp by more than 2 %.
  let seg = makeSegment(rows, fitSegment(rows, h0, s0, true), h0, s0);
  if (rows.length < 4 && rows.some((r) => Math.abs(shomateCp(seg, r.T) - r.cp) > 0.02 * r.cp))
    seg = makeSegment(rows, fitSegment(rows, h0, s0, false), h0, s0);
  const ok = rows.every(
    (r) =>
      Math.abs(shomateCp(seg, r.T) - r.cp) <= TOL.cpRel * Math.abs(r.cp) &&
      Math.abs(shomateH(seg, r.T) - r.h) <= Math.max(TOL.h_J, TOL.hRel * Math.abs(r.h)) &&
      Math.abs(shomateS(seg, r.T) - r.s) <= TOL.s,
  );
  if (ok || rows.length <= 2) return [seg];
  const mid = Math.floor((rows.length - 1) / 2);
  const left = fitPiece(rows.slice(0, mid + 1), h0, s0);
  const lseg = left[left.length - 1] as Segment;
  const Tm = (rows[mid] as Row).T;
  return [...left, ...fitPiece(rows.slice(mid), shomateH(lseg, Tm), shomateS(lseg, Tm))];
}

/** Drops interior rows closer than 3 K to the previous row (e.g. 300 K after 298.15 K) in pieces of more than 3 rows. */
function thin(rows: Row[]): Row[] {
  if (rows.length <= 3) return rows;
  return rows.filter(
    (r, i) => i === 0 || i === rows.length - 1 || r.T - (rows[i - 1] as Row).T >= 3,
  );
}

function simpson(f: (x: number) => number, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}
function round(x: number, d: number): number {
  const p = 10 ** d;
  return Math.round(x * p) / p;
}

function buildPhase(p: PhaseInput) {
  const segments: Segment[] = [];
  let maxCp = 0;
  let maxH = 0;
  let maxS = 0;
  let h0 = (p.pieces[0]?.rows[0] as Row).h;
  let s0 = (p.pieces[0]?.rows[0] as Row).s;
  for (let pi = 0; pi < p.pieces.length; pi++) {
    const piece = p.pieces[pi] as Piece;
    if (pi > 0) {
      // transition: add the tabulated jumps of H and S between the two rows at T_tr
      const prevRows = (p.pieces[pi - 1] as Piece).rows;
      const lo = prevRows[prevRows.length - 1] as Row;
      const hi = piece.rows[0] as Row;
      const last = segments[segments.length - 1] as Segment;
      h0 = shomateH(last, lo.T) + (hi.h - lo.h);
      s0 = shomateS(last, lo.T) + (hi.s - lo.s);
    }
    if (piece.rows.length < 2)
      throw new Error(
        `${p.source['table'] ?? p.source['record'] ?? ''}: piece with ${piece.rows.length} row at ${piece.rows[0]?.T ?? 0} K`,
      );
    const segs = fitPiece(thin(piece.rows), h0, s0);
    segments.push(...segs);
    for (const r of piece.rows) {
      const s = segs.find((x) => r.T >= x.Tmin_K - 1e-9 && r.T <= x.Tmax_K + 1e-9) as Segment;
      if (
        process.env['DEBUG_FIT'] &&
        (Math.abs(shomateCp(s, r.T) - r.cp) / r.cp > 0.002 || Math.abs(shomateH(s, r.T) - r.h) > 50)
      )
        console.log(
          p.source['table'],
          r.T,
          r.cp,
          shomateCp(s, r.T),
          r.h,
          shomateH(s, r.T),
          s.Tmin_K,
          s.Tmax_K,
        );
      maxCp = Math.max(maxCp, Math.abs(shomateCp(s, r.T) - r.cp) / r.cp);
      maxH = Math.max(maxH, Math.abs(shomateH(s, r.T) - r.h));
      maxS = Math.max(maxS, Math.abs(shomateS(s, r.T) - r.s));
    }
  }
  const first = segments[0] as Segment;
  return {
    id: p.id,
    state: p.state,
    label: p.label,
    source: p.source,
    dfH298_J_per_mol: round(p.dfH298_J_per_mol, 3),
    S298_J_per_mol_K: first.Tmin_K === T_REF ? round(shomateS(first, T_REF), 6) : null,
    Tmin_K: first.Tmin_K,
    Tmax_K: (segments[segments.length - 1] as Segment).Tmax_K,
    transitions: p.transitions,
    segments: segments.map((s) => ({
      Tmin_K: s.Tmin_K,
      Tmax_K: s.Tmax_K,
      A: s.A,
      B: s.B,
      C: s.C,
      D: s.D,
      E: s.E,
      F_J_per_mol: s.F_J_per_mol,
      G_J_per_mol_K: s.G_J_per_mol_K,
    })),
    fit: {
      rows: p.pieces.reduce((n, x) => n + x.rows.length, 0),
      max_cp_rel_err: Number(maxCp.toExponential(2)),
      max_h_err_J_per_mol: round(maxH, 2),
      max_s_err_J_per_mol_K: round(maxS, 4),
    },
  };
}

// ---------- species list ----------
const J = janafPhase;
interface SpeciesInput {
  formula: string;
  name: string;
  phases: PhaseInput[];
  note?: string;
}
const species: SpeciesInput[] = [
  {
    formula: 'Cr',
    name: 'chromium',
    phases: [J('cr', 'Cr-002', 's', 'bcc'), J('l', 'Cr-003', 'l', 'liquid')],
  },
  {
    formula: 'Cr2O3',
    name: 'chromium(III) oxide, eskolaite',
    phases: [J('cr', 'Cr-014', 's', 'corundum-type'), J('l', 'Cr-015', 'l', 'liquid')],
  },
  {
    formula: 'FeCr2O4',
    name: 'iron chromite',
    phases: freedPhases('FeCr2O4(c)', [{ id: 'cr', state: 's', label: 'spinel', eqs: [0] }]),
    note: 'JANAF has no chromite; USBM (FREED) used. Crystal only, to 2000 K.',
  },
  {
    formula: 'MgCr2O4',
    name: 'magnesiochromite (picrochromite)',
    phases: freedPhases('MgCr2O4(c)', [{ id: 'cr', state: 's', label: 'spinel', eqs: [0] }]),
    note: "JANAF has no picrochromite; USBM (FREED) used. Klemme & O'Neill (1997) give dfH298 = -1759.2 kJ/mol and S298 = 122.1 J/(mol K) (see docs/thermo.md).",
  },
  { formula: 'Cr3C2', name: 'chromium carbide', phases: [J('cr', 'C-119', 's', 'orthorhombic')] },
  { formula: 'Cr7C3', name: 'chromium carbide', phases: [J('cr', 'C-140', 's', 'hexagonal')] },
  { formula: 'Cr23C6', name: 'chromium carbide', phases: [J('cr', 'C-151', 's', 'cubic')] },
  {
    formula: 'Fe',
    name: 'iron',
    phases: [
      J('cr', 'Fe-007', 's', 'alpha/gamma/delta', { Tmax: 1809 }),
      J('l', 'Fe-006', 'l', 'liquid'),
    ],
    note: "Crystal from the (cr,l) table below the melting point, so that alpha/gamma (1184 K) and gamma/delta (1665 K) are JANAF's; the separate alpha-delta and gamma tables (Fe-004, Fe-005) cross 1-3 K off.",
  },
  {
    formula: 'FeO',
    name: 'iron(II) oxide (stoichiometric, hypothetical)',
    phases: [J('cr', 'Fe-018', 's', 'rock salt'), J('l', 'Fe-019', 'l', 'liquid')],
  },
  {
    formula: 'Fe0.947O',
    name: 'wustite',
    phases: [J('cr', 'Fe-001', 's', 'wustite')],
    note: 'JANAF gives only the crystal (to 2500 K, metastable above melting ≈1650 K); no liquid.',
  },
  { formula: 'Fe2O3', name: 'hematite', phases: [J('cr', 'Fe-030', 's', 'hematite')] },
  { formula: 'Fe3O4', name: 'magnetite', phases: [J('cr', 'Fe-032', 's', 'magnetite')] },
  {
    formula: 'Al',
    name: 'aluminium',
    phases: [J('cr', 'Al-002', 's', 'fcc'), J('l', 'Al-003', 'l', 'liquid')],
  },
  {
    formula: 'Al2O3',
    name: 'alumina (corundum)',
    phases: [J('cr', 'Al-096', 's', 'alpha (corundum)'), J('l', 'Al-100', 'l', 'liquid')],
  },
  { formula: 'C', name: 'carbon (graphite)', phases: [J('cr', 'C-002', 's', 'graphite')] },
  { formula: 'CO', name: 'carbon monoxide', phases: [J('g', 'C-093', 'g', 'ideal gas')] },
  { formula: 'CO2', name: 'carbon dioxide', phases: [J('g', 'C-095', 'g', 'ideal gas')] },
  { formula: 'O2', name: 'oxygen', phases: [J('g', 'O-029', 'g', 'ideal gas')] },
  { formula: 'N2', name: 'nitrogen', phases: [J('g', 'N-023', 'g', 'ideal gas')] },
  { formula: 'H2', name: 'hydrogen', phases: [J('g', 'H-050', 'g', 'ideal gas')] },
  {
    formula: 'H2O',
    name: 'water',
    phases: [J('l', 'H-063', 'l', 'liquid'), J('g', 'H-064', 'g', 'ideal gas')],
  },
  { formula: 'CH4', name: 'methane', phases: [J('g', 'C-067', 'g', 'ideal gas')] },
  { formula: 'SO2', name: 'sulfur dioxide', phases: [J('g', 'O-034', 'g', 'ideal gas')] },
  {
    formula: 'SiO2',
    name: 'silica',
    phases: [
      J('cr-quartz', 'O-037', 's', 'quartz (alpha/beta)'),
      J('cr-cristobalite-low', 'O-036', 's', 'low cristobalite'),
      J('cr-cristobalite-high', 'O-035', 's', 'high cristobalite'),
      J('l', 'O-038', 'l', 'liquid'),
    ],
    note: 'Tridymite is not in JANAF; quartz, cristobalite and liquid only.',
  },
  {
    formula: 'Si',
    name: 'silicon',
    phases: [J('cr', 'Si-002', 's', 'diamond-type'), J('l', 'Si-003', 'l', 'liquid')],
  },
  {
    formula: 'Mg',
    name: 'magnesium',
    phases: [
      J('cr', 'Mg-002', 's', 'hcp'),
      J('l', 'Mg-003', 'l', 'liquid'),
      J('g', 'Mg-005', 'g', 'ideal gas', { Tmax: 4000 }),
    ],
  },
  {
    formula: 'MgO',
    name: 'periclase',
    phases: [J('cr', 'Mg-008', 's', 'periclase'), J('l', 'Mg-009', 'l', 'liquid')],
  },
  {
    formula: 'Ca',
    name: 'calcium',
    phases: [
      J('cr-alpha', 'Ca-002', 's', 'alpha'),
      J('cr-beta', 'Ca-003', 's', 'beta'),
      J('l', 'Ca-004', 'l', 'liquid'),
      J('g', 'Ca-006', 'g', 'ideal gas', { Tmax: 4000 }),
    ],
  },
  {
    formula: 'CaO',
    name: 'lime',
    phases: [J('cr', 'Ca-027', 's', 'lime'), J('l', 'Ca-028', 'l', 'liquid')],
  },
  {
    formula: 'CaCO3',
    name: 'calcite',
    phases: [ceaPhase('CaCO3(cr)', 'cr', 's', 'calcite')],
    note: 'JANAF has no CaCO3; NASA CEA (Gurvich 1996) used, crystal 298.15–1603 K.',
  },
  {
    formula: 'MgAl2O4',
    name: 'spinel',
    phases: [J('cr', 'Al-089', 's', 'spinel'), J('l', 'Al-090', 'l', 'liquid')],
  },
  {
    formula: 'Mg2SiO4',
    name: 'forsterite',
    phases: [J('cr', 'Mg-028', 's', 'forsterite'), J('l', 'Mg-029', 'l', 'liquid')],
  },
  {
    formula: 'MgSiO3',
    name: 'enstatite',
    phases: [J('cr', 'Mg-012', 's', 'enstatite I/II/III'), J('l', 'Mg-013', 'l', 'liquid')],
  },
  {
    formula: 'Na',
    name: 'sodium',
    phases: [
      J('cr', 'Na-002', 's', 'bcc'),
      J('l', 'Na-003', 'l', 'liquid'),
      J('g', 'Na-005', 'g', 'ideal gas', { Tmax: 4000 }),
    ],
  },
  {
    formula: 'Na2O',
    name: 'sodium oxide',
    phases: [
      J('cr', 'Na-014', 's', 'gamma/beta/alpha', { Tmax: 1405.2 }),
      J('l', 'Na-013', 'l', 'liquid'),
    ],
  },
  {
    formula: 'Na2CO3',
    name: 'sodium carbonate',
    phases: [J('cr', 'C-090', 's', 'I/II'), J('l', 'C-091', 'l', 'liquid')],
  },
  {
    formula: 'Na2SO4',
    name: 'sodium sulfate',
    phases: [J('cr', 'Na-025', 's', 'V/IV/I', { Tmax: 1157 }), J('l', 'Na-024', 'l', 'liquid')],
  },
  {
    formula: 'Na2CrO4',
    name: 'sodium chromate',
    phases: freedPhases('Na2CrO4(c,l)', [
      { id: 'cr', state: 's', label: 'crystal (two forms)', eqs: [0, 1] },
      { id: 'l', state: 'l', label: 'liquid', eqs: [2] },
    ]),
    note: 'JANAF has no Na2CrO4; USBM (FREED) used, 298.15–1400 K; the liquid exists only above 1065 K in this source.',
  },
  {
    formula: 'S',
    name: 'sulfur',
    phases: [
      J('cr', 'S-005', 's', 'orthorhombic/monoclinic', { Tmax: 388.36 }),
      J('l', 'S-004', 'l', 'liquid'),
    ],
    note: 'Sulfur vapour (S2 and larger molecules) is not included; liquid to 1500 K.',
  },
];

const out = {
  schema: 'chromflow-thermo-species/1',
  description:
    'Thermochemical data of chromflow species: per phase, dfH298, S298 and piecewise Shomate Cp polynomials fitted to the source tables. Generated by scripts/thermo/build-species.ts; do not edit by hand.',
  units: {
    T: 'K',
    Cp: 'J/(mol K)',
    'H - H298': 'J/mol',
    S: 'J/(mol K)',
    dfH298_J_per_mol: 'J/mol',
    molar_mass: 'g/mol',
  },
  form: {
    t: 'T/1000',
    Cp: 'A + B t + C t^2 + D t^3 + E/t^2',
    'H(T) - H(298.15)': '1000 (A t + B t^2/2 + C t^3/3 + D t^4/4 - E/t) + F_J_per_mol',
    'H(T) absolute': 'dfH298_J_per_mol + H(T) - H(298.15)',
    S: 'A ln t + B t + C t^2/2 + D t^3/3 - E/(2 t^2) + G_J_per_mol_K',
    'standard state':
      'p = 1 bar (0.1 MPa); FREED rows are for 1 atm (difference negligible for condensed phases)',
  },
  method:
    'Each source table is cut at its transitions; each piece is fitted by weighted least squares on Cp (relative residuals) with the constraints that the integrals of Cp and Cp/T over each segment equal the tabulated changes of H and S; segments are halved until |dCp|/Cp <= 0.1 %, |dH| <= max(20 J/mol, 0.05 %) and |dS| <= 0.05 J/(mol K) at every table row, or the segment has 3 rows. FREED and CEA are sampled every ~25 K first.',
  status: 'derived (fitted from the cited sources)',
  species: species.map((s) => {
    const parsed = parseFormula(s.formula);
    return {
      formula: s.formula,
      name: s.name,
      elements: parsed.elements,
      molar_mass_g_per_mol: round(molarMass_g_per_mol(parsed), 5),
      ...(s.note ? { note: s.note } : {}),
      phases: s.phases.map(buildPhase),
    };
  }),
};
writeFileSync(OUT, JSON.stringify(out, null, 1) + '\n');
for (const s of out.species)
  for (const p of s.phases)
    console.log(
      `${s.formula.padEnd(9)} ${p.id.padEnd(22)} ${String(p.segments.length).padStart(3)} seg  ` +
        `cp ${(p.fit.max_cp_rel_err * 100).toFixed(3)} %  h ${p.fit.max_h_err_J_per_mol} J  s ${p.fit.max_s_err_J_per_mol_K}  ${p.Tmin_K}-${p.Tmax_K}`,
    );
