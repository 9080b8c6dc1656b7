/**
 * Walking the scenario's JSON Schema (schema/scenario.schema.json) for the editor form, and the
 * skeleton of a new list item. Pure (no DOM): used by SchemaForm.tsx and the tests.
 */
import schemaJson from '../../schema/scenario.schema.json' with { type: 'json' };

export type SchemaNode = Record<string, unknown>;

export const ROOT = schemaJson as unknown as SchemaNode;
const DEFS = (ROOT.$defs ?? {}) as Record<string, SchemaNode>;

/** The node a local `$ref` points to (the node itself otherwise). */
export function resolve(n: SchemaNode): SchemaNode {
  const ref = n.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) return DEFS[ref.slice(8)] ?? n;
  return n;
}

/** The alternatives of an `anyOf`/`oneOf` node, resolved (none: []). */
export function variants(n: SchemaNode): SchemaNode[] {
  const list = (n.anyOf ?? n.oneOf) as SchemaNode[] | undefined;
  return list ? list.map(resolve) : [];
}

/** A quantity field: a bare number, an explicit `{ value, source }` or a data reference. */
export function isQuantity(n: SchemaNode): boolean {
  const v = (n.anyOf ?? n.oneOf) as SchemaNode[] | undefined;
  return (
    v !== undefined &&
    v.some((x) => x.$ref === '#/$defs/ExplicitQuantity') &&
    v.some((x) => x.type === 'number')
  );
}

/** The schema node at a document path (array indices step into `items`), or undefined. */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let n: SchemaNode | undefined = ROOT;
  for (const seg of path) {
    if (!n) return undefined;
    n = resolve(n);
    const options: SchemaNode[] = [n, ...variants(n)];
    let next: SchemaNode | undefined;
    for (const o of options) {
      if (typeof seg === 'number' && o.type === 'array' && o.items !== undefined)
        next = o.items as SchemaNode;
      else if (typeof seg === 'string' && o.type === 'object' && o.properties !== undefined)
        next = (o.properties as Record<string, SchemaNode>)[seg];
      if (next) break;
    }
    n = next;
  }
  return n ? resolve(n) : undefined;
}

/**
 * A new value for a schema node: its `default` when it has one, else a skeleton of what it
 * requires — an object with its required properties only, the first variant of a union, the
 * first value of an enum, `minimum` (or 0) for a number, "" for a string, [] for an array. A
 * quantity is written `{ value, source }` with the given source. A required `id` gets `idHint`.
 * The skeleton need not be valid (an empty id or a 0 price is not): the validator then names the
 * fields to fill, under each field.
 *
 * @param node - Schema node of the new value
 * @param source - Source text of a new quantity (e.g. "Edited in the web UI")
 * @param idHint - Identifier for a required `id` property (unique among the list's items)
 */
export function skeleton(node: SchemaNode, source: string, idHint?: string): unknown {
  const n = resolve(node);
  if (n.default !== undefined) return structuredClone(n.default);
  if (isQuantity(n)) {
    const num = variants(n).find((v) => v.type === 'number');
    const min = typeof num?.minimum === 'number' ? num.minimum : 0;
    return { value: min, source };
  }
  if (n.const !== undefined) return n.const;
  if (Array.isArray(n.enum) && n.enum.length > 0) return n.enum[0] as unknown;
  const vs = variants(n);
  if (vs.length > 0) {
    const first = vs.find((v) => v.type !== 'null') ?? vs[0];
    return first ? skeleton(first, source, idHint) : null;
  }
  switch (n.type) {
    case 'object': {
      const properties = (n.properties ?? {}) as Record<string, SchemaNode>;
      const required = Array.isArray(n.required) ? (n.required as string[]) : [];
      const out: Record<string, unknown> = {};
      for (const key of required) {
        const p = properties[key];
        if (!p) continue;
        out[key] =
          key === 'id' && idHint !== undefined && resolve(p).type === 'string'
            ? idHint
            : skeleton(p, source);
      }
      return out;
    }
    case 'array':
      return [];
    case 'number':
    case 'integer':
      return typeof n.minimum === 'number'
        ? n.minimum
        : typeof n.exclusiveMinimum === 'number'
          ? n.exclusiveMinimum + (n.type === 'integer' ? 1 : 1e-6)
          : 0;
    case 'boolean':
      return false;
    case 'string':
      return '';
    default:
      return null;
  }
}

/** `new-1`, `new-2`, …: the first not taken by an item of the list. */
export function newId(list: readonly unknown[]): string {
  const taken = new Set(
    list.map((x) =>
      typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string'
        ? (x as { id: string }).id
        : '',
    ),
  );
  let k = 1;
  while (taken.has(`new-${String(k)}`)) k++;
  return `new-${String(k)}`;
}
