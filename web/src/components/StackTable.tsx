/**
 * A data table (charts/table.ts) whose rows become blocks of labelled lines on a phone
 * (styles.css, `table.stack`): the first cell of a row is its header, every cell carries its
 * column name for the phone layout, numbers are right-aligned on a wide screen.
 */
import type { HTMLAttributes } from 'react';
import { TableHead } from '../charts/TableHead.js';
import type { ChartTable } from '../charts/table.js';
import { TableWrap } from './TableWrap.js';

export function StackTable(props: {
  title: string;
  table: ChartTable;
  className: string;
  testId?: string;
  /** Extra attributes of row i (class, test id, data-*). */
  rowProps?: (i: number) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, unknown>;
}) {
  const { table } = props;
  return (
    <TableWrap label={props.title}>
      <table className={`stack ${props.className}`} data-testid={props.testId}>
        <caption className="sr-only">{props.title}</caption>
        <TableHead columns={table.columns} />
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} {...props.rowProps?.(i)}>
              {row.map((c, k) =>
                k === 0 ? (
                  <th key={k} scope="row" data-label={table.columns[k]}>
                    {c.text}
                  </th>
                ) : (
                  <td
                    key={k}
                    className={typeof c.value === 'number' ? 'num' : undefined}
                    data-label={table.columns[k]}
                  >
                    {c.text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
