/**
 * A form generated from the scenario's JSON Schema (schema/scenario.schema.json), walking the
 * schema and the document together. Quantities show the effective value (the document's or the
 * default), their unit (from the schema's "[unit]") and the source and status of the value, as
 * the core reports them (numericLeaves). Problems of the validator are shown under their field.
 */
import type { ReactNode } from 'react';
import type { Problem } from '../../../src/scenario/problem.js';
import { useI18n } from '../i18n.js';
import type { LeafInfo } from '../worker/protocol.js';
import {
  isQuantity,
  newId,
  resolve,
  ROOT,
  skeleton,
  variants,
  type SchemaNode,
} from '../schema-walk.js';

type Node = SchemaNode;
type Path = (string | number)[];

function unitOf(n: Node): string {
  const d = typeof n.description === 'string' ? n.description : '';
  return /\[([^\]]+)\]/.exec(d)?.[1] ?? '';
}

/** `['stages', 0, 'x']` → `stages[0].x` (as the validator prints paths). */
export function fieldOf(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${String(seg)}]`;
    else out += (out === '' ? '' : '.') + seg;
  }
  return out;
}

export interface FormProps {
  doc: unknown;
  leaves: Map<string, LeafInfo>;
  problems: Map<string, Problem[]>;
  onSet: (path: Path, value: unknown) => void;
}

function Problems(props: { list: Problem[] | undefined }) {
  if (!props.list || props.list.length === 0) return null;
  return (
    <ul className="field-problems" role="alert">
      {props.list.map((p, i) => (
        <li key={i} className={p.severity === 'warning' ? 'warning' : 'error'}>
          {'value' in p ? `found ${JSON.stringify(p.value)}; ` : ''}
          {p.message}
          {p.suggestion !== undefined ? ` (did you mean "${p.suggestion}"?)` : ''}
        </li>
      ))}
    </ul>
  );
}

function StatusBadge(props: { status: string }) {
  return <span className={`badge status-${props.status}`}>{props.status}</span>;
}

function QuantityField(
  props: FormProps & { name: string; path: Path; schema: Node; value: unknown },
) {
  const { t } = useI18n();
  const field = fieldOf(props.path);
  const leaf = props.leaves.get(field);
  const explicit =
    typeof props.value === 'number'
      ? props.value
      : typeof props.value === 'object' && props.value !== null && 'value' in props.value
        ? props.value.value
        : undefined;
  const shown = typeof explicit === 'number' ? explicit : leaf?.value;
  const unit = leaf?.unit ?? unitOf(props.schema);
  return (
    <div className="field quantity" data-field={field}>
      <label>
        <span
          className="field-name"
          title={typeof props.schema.description === 'string' ? props.schema.description : ''}
        >
          {props.name}
        </span>
        <input
          type="number"
          step="any"
          aria-label={field}
          value={shown ?? ''}
          placeholder={leaf ? '' : '—'}
          onChange={(e) => {
            const v = e.currentTarget.value;
            props.onSet(
              props.path,
              v === '' ? undefined : { value: Number(v), source: t('edit_value') },
            );
          }}
        />
        <span className="unit">{unit}</span>
      </label>
      {leaf && (
        <div className="provenance">
          <StatusBadge status={leaf.status} /> <span className="source">{leaf.source}</span>
        </div>
      )}
      <Problems list={props.problems.get(field)} />
    </div>
  );
}

function ScalarField(
  props: FormProps & { name: string; path: Path; schema: Node; value: unknown },
) {
  const field = fieldOf(props.path);
  const s = props.schema;
  const desc = typeof s.description === 'string' ? s.description : '';
  let input: ReactNode;
  const enumValues =
    (s.enum as unknown[] | undefined) ?? (s.const !== undefined ? [s.const] : undefined);
  if (enumValues && enumValues.every((x) => typeof x === 'string')) {
    input = (
      <select
        aria-label={field}
        value={typeof props.value === 'string' ? props.value : ''}
        onChange={(e) => {
          props.onSet(props.path, e.currentTarget.value === '' ? undefined : e.currentTarget.value);
        }}
      >
        <option value="">—</option>
        {enumValues.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </select>
    );
  } else if (s.type === 'boolean') {
    input = (
      <input
        type="checkbox"
        aria-label={field}
        checked={props.value === true}
        onChange={(e) => {
          props.onSet(props.path, e.currentTarget.checked);
        }}
      />
    );
  } else if (s.type === 'number' || s.type === 'integer') {
    input = (
      <input
        type="number"
        aria-label={field}
        step={s.type === 'integer' ? 1 : 'any'}
        value={typeof props.value === 'number' ? props.value : ''}
        placeholder={typeof s.default === 'number' ? String(s.default) : ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          props.onSet(props.path, v === '' ? undefined : Number(v));
        }}
      />
    );
  } else if (s.type === 'string') {
    input = (
      <input
        type="text"
        aria-label={field}
        value={typeof props.value === 'string' ? props.value : ''}
        onChange={(e) => {
          props.onSet(props.path, e.currentTarget.value === '' ? undefined : e.currentTarget.value);
        }}
      />
    );
  } else {
    input = (
      <code className="json" title="edit in the YAML view">
        {props.value === undefined ? '—' : JSON.stringify(props.value)}
      </code>
    );
  }
  return (
    <div className="field" data-field={field}>
      <label>
        <span className="field-name" title={desc}>
          {props.name}
        </span>
        {input}
        <span className="unit">{unitOf(s)}</span>
      </label>
      <Problems list={props.problems.get(field)} />
    </div>
  );
}

function SchemaNode(
  props: FormProps & { name: string; path: Path; schema: Node; value: unknown },
): ReactNode {
  const s = resolve(props.schema);
  if (isQuantity(s)) return <QuantityField {...props} schema={s} />;
  const vs = variants(s);
  // Optional objects and other unions: use the object variant when the value is an object.
  const objectVariant = vs.find((v) => v.type === 'object' && v.properties !== undefined);
  const arrayVariant = vs.find((v) => v.type === 'array');
  if (s.type === 'object' && s.properties !== undefined)
    return <ObjectNode {...props} schema={s} />;
  if (objectVariant && vs.length === 1) return <ObjectNode {...props} schema={objectVariant} />;
  if (s.type === 'array' || (arrayVariant && vs.length === 1))
    return <ArrayNode {...props} schema={s.type === 'array' ? s : (arrayVariant ?? s)} />;
  return <ScalarField {...props} schema={s} />;
}

function ObjectNode(props: FormProps & { name: string; path: Path; schema: Node; value: unknown }) {
  const properties = (props.schema.properties ?? {}) as Record<string, Node>;
  const value = (
    typeof props.value === 'object' && props.value !== null ? props.value : {}
  ) as Record<string, unknown>;
  const field = fieldOf(props.path);
  const children = Object.entries(properties).map(([key, child]) => (
    <SchemaNode
      key={key}
      {...props}
      name={key}
      path={[...props.path, key]}
      schema={child}
      value={value[key]}
    />
  ));
  if (props.path.length === 0) return <>{children}</>;
  return (
    <details className="group" open={props.path.length <= 2}>
      <summary title={typeof props.schema.description === 'string' ? props.schema.description : ''}>
        {props.name}
      </summary>
      <Problems list={props.problems.get(field)} />
      {children}
    </details>
  );
}

function ArrayNode(props: FormProps & { name: string; path: Path; schema: Node; value: unknown }) {
  const { t } = useI18n();
  const items = resolve((props.schema.items ?? {}) as Node);
  const list = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const field = fieldOf(props.path);
  const minItems = typeof props.schema.minItems === 'number' ? props.schema.minItems : 0;
  const itemProps = (items.properties ?? {}) as Record<string, Node>;
  const hasId = 'id' in itemProps;
  return (
    <details className="group" open={props.path.length <= 2} data-list={field}>
      <summary>
        {props.name} [{list.length}]
      </summary>
      <Problems list={props.problems.get(field)} />
      {list.map((item, i) => {
        const id =
          typeof item === 'object' &&
          item !== null &&
          typeof (item as { id?: unknown }).id === 'string'
            ? (item as { id: string }).id
            : String(i);
        const itemField = fieldOf([...props.path, i]);
        return (
          <div key={i} className="list-item" data-item={itemField}>
            <button
              type="button"
              className="small remove-item"
              data-testid={`remove-${itemField}`}
              disabled={list.length <= minItems}
              title={
                list.length <= minItems
                  ? `at least ${String(minItems)}`
                  : `${t('remove_item')} ${id}`
              }
              onClick={() => {
                props.onSet([...props.path, i], undefined);
              }}
            >
              {t('remove_item')}
            </button>
            <SchemaNode
              {...props}
              name={id}
              path={[...props.path, i]}
              schema={items}
              value={item}
            />
          </div>
        );
      })}
      <button
        type="button"
        className="small add-item"
        data-testid={`add-${field}`}
        onClick={() => {
          // Initialised from the schema: defaults, or the skeleton of what the item requires
          // (the validator then names what is left to fill, under each field).
          const fresh = skeleton(items, t('edit_value'), hasId ? newId(list) : undefined);
          props.onSet([...props.path, list.length], fresh);
        }}
      >
        + {t('add_item')} ({props.name})
      </button>
    </details>
  );
}

export function SchemaForm(props: FormProps) {
  return (
    <div className="schema-form" data-testid="schema-form">
      <ObjectNode {...props} name="" path={[]} schema={ROOT} value={props.doc} />
    </div>
  );
}
