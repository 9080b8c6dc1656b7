import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/** JSON Schema (draft 2020-12) of the scenario file, as written to schema/scenario.schema.json. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
  return {
    $id: 'https://chromflow.org/schema/scenario.schema.json',
    ...schema,
  };
}

type JsonSchemaNode = Record<string, unknown>;

let cached: JsonSchemaNode | undefined;

/**
 * The keys allowed in the object at `path` of a scenario document, from the JSON Schema
 * (used to suggest the intended key for an unknown one).
 */
export function allowedKeysAt(path: readonly PropertyKey[]): string[] {
  cached ??= scenarioJsonSchema();
  const root = cached;
  const defs = (root.$defs ?? {}) as Record<string, JsonSchemaNode>;
  const resolve = (n: JsonSchemaNode): JsonSchemaNode => {
    const ref = n.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) return defs[ref.slice(8)] ?? n;
    return n;
  };
  let nodes: JsonSchemaNode[] = [root];
  for (const seg of path) {
    const next: JsonSchemaNode[] = [];
    const expand = (n: JsonSchemaNode): JsonSchemaNode[] => {
      const r = resolve(n);
      const alts = [
        ...((r.anyOf as JsonSchemaNode[] | undefined) ?? []),
        ...((r.oneOf as JsonSchemaNode[] | undefined) ?? []),
      ];
      return alts.length ? alts.flatMap(expand) : [r];
    };
    for (const n of nodes.flatMap(expand)) {
      if (typeof seg === 'number') {
        if (n.items && typeof n.items === 'object') next.push(n.items as JsonSchemaNode);
      } else {
        const props = n.properties as Record<string, JsonSchemaNode> | undefined;
        const child = props?.[String(seg)];
        if (child) next.push(child);
        else if (n.additionalProperties && typeof n.additionalProperties === 'object')
          next.push(n.additionalProperties as JsonSchemaNode);
      }
    }
    nodes = next;
  }
  const keys = new Set<string>();
  const collect = (n: JsonSchemaNode): void => {
    const r = resolve(n);
    for (const alt of [
      ...((r.anyOf as JsonSchemaNode[] | undefined) ?? []),
      ...((r.oneOf as JsonSchemaNode[] | undefined) ?? []),
    ])
      collect(alt);
    for (const k of Object.keys((r.properties as object | undefined) ?? {})) keys.add(k);
    const names = (r.propertyNames as { enum?: string[] } | undefined)?.enum;
    for (const k of names ?? []) keys.add(k);
  };
  nodes.forEach(collect);
  return [...keys];
}
