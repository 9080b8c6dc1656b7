/**
 * A form generated from the scenario's JSON Schema (schema/scenario.schema.json), walking the
 * schema and the document together. Quantities show the effective value (the document's or the
 * default), their unit (from the schema's "[unit]") and the source and status of the value, as
 * the core reports them (numericLeaves). Problems of the validator are shown under their field.
 */
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { listItemKey } from '../../../src/scenario/list-item-key.js';
import type { Problem } from '../../../src/scenario/problem.js';
import { useI18n } from '../i18n.js';
import { problemText } from '../problem-text.js';
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
  onSet: (path: Path, value: unknown) => void;
}

/** Problems by exact field path, every problem, and the field to open and focus. */
interface FormState {
  exact: Map<string, Problem[]>;
  all: Problem[];
  disabled: boolean;
  focus: string | undefined;
}
const FormContext = createContext<FormState>({
  exact: new Map(),
  all: [],
  disabled: false,
  focus: undefined,
});

/** Whether `path` is `field` or lies inside it (`a.b` inside `a`, `a[0]` inside `a`). */
function inside(path: string, field: string): boolean {
  return (
    field === '' || path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`)
  );
}

function problemsId(field: string): string {
  return `problems-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Problems of a field: its own, and for a leaf also those of anything inside it. */
function useFieldProblems(field: string, leaf: boolean): Problem[] {
  const { exact, all } = useContext(FormContext);
  return leaf ? all.filter((p) => inside(p.path, field)) : (exact.get(field) ?? []);
}

function Problems(props: { field: string; list: Problem[] }) {
  const i18n = useI18n();
  if (props.list.length === 0) return null;
  return (
    <ul className="field-problems" id={problemsId(props.field)} role="alert">
      {props.list.map((p, i) => (
        <li key={i} className={p.severity === 'warning' ? 'warning' : 'error'}>
          {p.path !== props.field && <code>{p.path} </code>}
          {problemText(p, i18n)}
        </li>
      ))}
    </ul>
  );
}

function StatusBadge(props: { status: string }) {
  const i18n = useI18n();
  return <span className={`badge status-${props.status}`}>{i18n.status(props.status)}</span>;
}

/** Field name in the user's language, with the file's key beside it. */
function FieldName(props: { name: string; schema: Node; path: Path }) {
  const i18n = useI18n();
  const desc = typeof props.schema.description === 'string' ? props.schema.description : '';
  const last = props.path[props.path.length - 1];
  const translated = typeof last === 'number' ? props.name : i18n.field(props.name);
  return (
    <span className="field-name" title={desc}>
      {translated}
      {translated !== props.name && <code className="key"> {props.name}</code>}
    </span>
  );
}

function QuantityField(
  props: FormProps & { name: string; path: Path; schema: Node; value: unknown },
) {
  const i18n = useI18n();
  const { t } = i18n;
  const field = fieldOf(props.path);
  const leaf = props.leaves.get(field);
  const problems = useFieldProblems(field, true);
  const { disabled } = useContext(FormContext);
  const explicit =
    typeof props.value === 'number'
      ? props.value
      : typeof props.value === 'object' && props.value !== null && 'value' in props.value
        ? props.value.value
        : undefined;
  const shown = typeof explicit === 'number' ? explicit : leaf?.value;
  const unit = i18n.unit(leaf?.unit ?? unitOf(props.schema));
  return (
    <div className="field quantity" data-field={field}>
      <label>
        <FieldName name={props.name} schema={props.schema} path={props.path} />
        <input
          type="number"
          step="any"
          aria-label={field}
          data-path={field}
          disabled={disabled}
          aria-invalid={problems.length > 0}
          {...(problems.length > 0 ? { 'aria-describedby': problemsId(field) } : {})}
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
          <StatusBadge status={leaf.status} />{' '}
          <span className="source">
            {leaf.source === 'Edited in the web UI' ? t('edit_value') : leaf.source}
          </span>
        </div>
      )}
      <Problems field={field} list={problems} />
    </div>
  );
}

function ScalarField(
  props: FormProps & { name: string; path: Path; schema: Node; value: unknown },
) {
  const i18n = useI18n();
  const field = fieldOf(props.path);
  const s = props.schema;
  const problems = useFieldProblems(field, true);
  const { disabled } = useContext(FormContext);
  const a11y = {
    'aria-label': field,
    'data-path': field,
    disabled,
    'aria-invalid': problems.length > 0,
    ...(problems.length > 0 ? { 'aria-describedby': problemsId(field) } : {}),
  };
  let input: ReactNode;
  const enumValues =
    (s.enum as unknown[] | undefined) ?? (s.const !== undefined ? [s.const] : undefined);
  if (enumValues && enumValues.every((x) => typeof x === 'string')) {
    input = (
      <select
        {...a11y}
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
        {...a11y}
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
        {...a11y}
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
        {...a11y}
        value={typeof props.value === 'string' ? props.value : ''}
        onChange={(e) => {
          props.onSet(props.path, e.currentTarget.value === '' ? undefined : e.currentTarget.value);
        }}
      />
    );
  } else {
    input = (
      <code className="json" data-path={field}>
        {props.value === undefined ? '—' : JSON.stringify(props.value)}
      </code>
    );
  }
  return (
    <div className="field" data-field={field}>
      <label>
        <FieldName name={props.name} schema={s} path={props.path} />
        {input}
        <span className="unit">{i18n.unit(unitOf(s))}</span>
      </label>
      <Problems field={field} list={problems} />
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
    <Group field={field} name={props.name} schema={props.schema} path={props.path}>
      {children}
    </Group>
  );
}

function ArrayNode(props: FormProps & { name: string; path: Path; schema: Node; value: unknown }) {
  const i18n = useI18n();
  const { t } = i18n;
  const items = resolve((props.schema.items ?? {}) as Node);
  const list = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const field = fieldOf(props.path);
  const minItems = typeof props.schema.minItems === 'number' ? props.schema.minItems : 0;
  const itemProps = (items.properties ?? {}) as Record<string, Node>;
  const hasId = 'id' in itemProps;
  const { disabled } = useContext(FormContext);
  return (
    <Group
      field={field}
      name={props.name}
      schema={props.schema}
      path={props.path}
      count={list.length}
      list
    >
      {list.map((item, i) => {
        const id = listItemKey(item, i);
        const itemField = fieldOf([...props.path, i]);
        return (
          <div key={i} className="list-item" data-item={itemField}>
            <button
              type="button"
              className="small remove-item"
              data-testid={`remove-${itemField}`}
              disabled={disabled || list.length <= minItems}
              aria-label={`${t('remove_item')} ${id}`}
              title={
                list.length <= minItems
                  ? t('at_least', { n: minItems })
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
        disabled={disabled}
        onClick={() => {
          // Initialised from the schema: defaults, or the skeleton of what the item requires
          // (the validator then names what is left to fill, under each field).
          const fresh = skeleton(items, t('edit_value'), hasId ? newId(list) : undefined);
          props.onSet([...props.path, list.length], fresh);
        }}
      >
        + {t('add_item')} ({i18n.field(props.name)})
      </button>
    </Group>
  );
}

/**
 * A collapsible group. Its summary counts the errors inside it, so a problem in a collapsed
 * group is visible; it opens itself when the user asks to see a problem inside it.
 */
function Group(props: {
  field: string;
  name: string;
  schema: Node;
  path: Path;
  count?: number;
  list?: boolean;
  children: ReactNode;
}) {
  const i18n = useI18n();
  const { all, focus } = useContext(FormContext);
  const own = useFieldProblems(props.field, false);
  const errors = all.filter((p) => p.severity !== 'warning' && inside(p.path, props.field)).length;
  const forced = focus !== undefined && inside(focus, props.field);
  return (
    <details
      className={`group${errors > 0 ? ' has-problems' : ''}`}
      open={forced || props.path.length <= 2}
      {...(props.list === true ? { 'data-list': props.field } : { 'data-group': props.field })}
    >
      <summary>
        <FieldName name={props.name} schema={props.schema} path={props.path} />
        {props.count !== undefined && ` [${String(props.count)}]`}
        {errors > 0 && (
          <span
            className="marker"
            data-testid={`marker-${props.field}`}
            title={i18n.t('problem_here')}
          >
            {' '}
            ⚠ {i18n.count(errors, 'problem', 0)}
          </span>
        )}
      </summary>
      <Problems field={props.field} list={own} />
      {props.children}
    </details>
  );
}

export function SchemaForm(
  props: FormProps & {
    problems: Problem[];
    disabled: boolean;
    /** A field to open and focus (a problem clicked in the list); `n` makes each request new. */
    focus: { path: string; n: number } | undefined;
  },
) {
  const box = useRef<HTMLFieldSetElement>(null);
  const state = useMemo((): FormState => {
    const exact = new Map<string, Problem[]>();
    for (const p of props.problems) exact.set(p.path, [...(exact.get(p.path) ?? []), p]);
    return { exact, all: props.problems, disabled: props.disabled, focus: props.focus?.path };
  }, [props.problems, props.disabled, props.focus]);
  useEffect(() => {
    const f = props.focus;
    if (!f || !box.current) return;
    // The deepest rendered element at or above the problem's path.
    let path = f.path;
    for (;;) {
      const el = box.current.querySelector<HTMLElement>(
        `[data-path="${CSS.escape(path)}"], [data-field="${CSS.escape(path)}"], [data-list="${CSS.escape(path)}"], [data-group="${CSS.escape(path)}"]`,
      );
      if (el) {
        el.scrollIntoView({ block: 'center' });
        (el.matches('input, select')
          ? el
          : el.querySelector<HTMLElement>('input, select, summary')
        )?.focus();
        return;
      }
      const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      if (cut <= 0) return;
      path = path.slice(0, cut);
    }
  }, [props.focus]);
  return (
    <FormContext.Provider value={state}>
      <fieldset
        className="schema-form"
        data-testid="schema-form"
        ref={box}
        disabled={props.disabled}
      >
        <ObjectNode {...props} name="" path={[]} schema={ROOT} value={props.doc} />
      </fieldset>
    </FormContext.Provider>
  );
}
