/**
 * Terminal styling: colour only when the stream is a TTY and NO_COLOR is unset
 * (https://no-color.org), so pipes, files and CI get plain text.
 */
export interface Style {
  bold: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  dim: (s: string) => string;
}

export function styleFor(stream: NodeJS.WriteStream): Style {
  const on = stream.isTTY && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
  const wrap = (open: number, close: number) => (s: string) =>
    on ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return {
    bold: wrap(1, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
  };
}
