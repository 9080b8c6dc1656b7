// New list items of the editor form (web/src/schema-walk.ts): the skeleton built from the schema,
// added to the reference scenario, is either valid or the validator's problems all point into
// the new item — so the form shows them under the new item's fields.
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { newId, schemaAt, skeleton } from '../../web/src/schema-walk.js';
import { REFERENCE_TEXT } from './fixture.js';

const text = REFERENCE_TEXT;

function addItem(path: (string | number)[]): { field: string; text: string; item: unknown } {
  const doc = parseDocument(text);
  const length = (doc.getIn(path, false) as { items: unknown[] } | undefined)?.items.length ?? 0;
  const node = schemaAt([...path, 0]);
  if (!node) throw new Error(`no schema at ${path.join('.')}`);
  const plain = doc.toJS() as Record<string, unknown>;
  let js: unknown = plain;
  for (const seg of path) js = (js as Record<string | number, unknown> | undefined)?.[seg];
  const item = skeleton(node, 'test', newId(Array.isArray(js) ? js : []));
  doc.setIn([...path, length], item);
  const field = path
    .map((s, i) => (typeof s === 'number' ? `[${String(s)}]` : i === 0 ? s : `.${s}`))
    .join('')
    .concat(`[${String(length)}]`);
  return { field, text: doc.toString(), item };
}

describe('editor form: new list items from the schema', () => {
  for (const path of [['feeds'], ['markets', 'products'], ['uncertainty', 'parameters']]) {
    it(`a new item of ${path.join('.')}: its problems are all inside it`, () => {
      const { field, text: out, item } = addItem(path);
      expect(typeof item).toBe('object');
      const r = parseScenario(out, 'new-item.yaml');
      const problems = r.ok ? r.warnings.filter((p) => p.severity !== 'warning') : r.problems;
      for (const p of problems)
        expect(p.path.startsWith(field), `${field} vs ${p.path}: ${p.message}`).toBe(true);
    });
  }

  it('a required id is unique in the list; defaults are taken from the schema', () => {
    expect(newId([{ id: 'new-1' }, { id: 'x' }])).toBe('new-2');
    const param = skeleton(schemaAt(['uncertainty', 'parameters', 0])!, 'test') as {
      path: string;
      distribution: { type: string };
    };
    expect(param.path).toBe('');
    expect(param.distribution.type).toBe('uniform');
    expect(skeleton(schemaAt(['uncertainty', 'samples'])!, 'test')).toBe(1000);
  });

  it('removing an item removes exactly it (yaml deleteIn on the list)', () => {
    const doc = parseDocument(text);
    const before = (doc.toJS() as { markets: { products: { id: string }[] } }).markets.products;
    doc.deleteIn(['markets', 'products', 0]);
    const after = (doc.toJS() as { markets: { products: { id: string }[] } }).markets.products;
    expect(after.map((p) => p.id)).toEqual(before.slice(1).map((p) => p.id));
  });
});
