/** Process-flow-diagram symbols of the unit families (ISO 10628-like simplified glyphs). */

const STROKE = '#1d3b53';

/** The symbol of a unit family, drawn in a box of `w` × `h` at the origin. */
export function UnitSymbol(props: { family: string; w: number; h: number }) {
  const { w, h } = props;
  const cx = w / 2;
  const common = { fill: '#eaf1f7', stroke: STROKE, strokeWidth: 1.4 } as const;
  switch (props.family) {
    case 'furnace':
      // Electric furnace: hearth with a roof and three electrodes.
      return (
        <g>
          <path
            d={`M${cx - 22},${h - 2} L${cx - 22},${h * 0.45} Q${cx},${h * 0.2} ${cx + 22},${h * 0.45} L${cx + 22},${h - 2} Z`}
            {...common}
          />
          {[-9, 0, 9].map((dx) => (
            <line
              key={dx}
              x1={cx + dx}
              y1={2}
              x2={cx + dx}
              y2={h * 0.55}
              stroke={STROKE}
              strokeWidth={2.2}
            />
          ))}
        </g>
      );
    case 'kiln':
      // Rotary kiln: an inclined cylinder.
      return (
        <g transform={`rotate(-10 ${cx} ${h / 2})`}>
          <rect x={cx - 30} y={h / 2 - 8} width={60} height={16} rx={8} {...common} />
          <line x1={cx - 14} y1={h / 2 - 8} x2={cx - 14} y2={h / 2 + 8} stroke={STROKE} />
          <line x1={cx + 14} y1={h / 2 - 8} x2={cx + 14} y2={h / 2 + 8} stroke={STROKE} />
        </g>
      );
    case 'mill':
      return (
        <g>
          <circle cx={cx} cy={h / 2} r={h / 2 - 2} {...common} />
          <circle cx={cx} cy={h / 2} r={h / 5} fill="none" stroke={STROKE} />
        </g>
      );
    case 'screen':
      return (
        <g>
          <path
            d={`M${cx - 24},${h * 0.3} L${cx + 24},${h * 0.6} L${cx + 24},${h * 0.8} L${cx - 24},${h * 0.5} Z`}
            {...common}
          />
          <line
            x1={cx - 24}
            y1={h * 0.4}
            x2={cx + 24}
            y2={h * 0.7}
            stroke={STROKE}
            strokeDasharray="3 2"
          />
        </g>
      );
    case 'cyclone':
      return (
        <path
          d={`M${cx - 12},2 L${cx + 12},2 L${cx + 12},${h * 0.4} L${cx + 3},${h - 2} L${cx - 3},${h - 2} L${cx - 12},${h * 0.4} Z`}
          {...common}
        />
      );
    case 'spiral':
      return (
        <g>
          <rect x={cx - 5} y={2} width={10} height={h - 4} {...common} />
          <path
            d={`M${cx - 14},6 Q${cx + 16},10 ${cx - 14},16 Q${cx + 16},20 ${cx - 14},26 Q${cx + 16},30 ${cx - 14},${h - 4}`}
            fill="none"
            stroke={STROKE}
            strokeWidth={1.4}
          />
        </g>
      );
    case 'tank':
      // Agitated tank.
      return (
        <g>
          <path
            d={`M${cx - 16},4 L${cx - 16},${h - 10} Q${cx},${h} ${cx + 16},${h - 10} L${cx + 16},4 Z`}
            {...common}
          />
          <line x1={cx} y1={0} x2={cx} y2={h * 0.6} stroke={STROKE} strokeWidth={1.6} />
          <line x1={cx - 8} y1={h * 0.6} x2={cx + 8} y2={h * 0.6} stroke={STROKE} strokeWidth={2} />
        </g>
      );
    case 'filter':
      return (
        <g>
          <rect x={cx - 20} y={4} width={40} height={h - 8} {...common} />
          <line x1={cx - 20} y1={h - 4} x2={cx + 20} y2={4} stroke={STROKE} strokeDasharray="3 2" />
        </g>
      );
    case 'reactor':
      // Vessel with a jacket.
      return (
        <g>
          <rect x={cx - 14} y={2} width={28} height={h - 4} rx={10} {...common} />
          <rect x={cx - 18} y={h * 0.35} width={36} height={h * 0.3} fill="none" stroke={STROKE} />
        </g>
      );
    default:
      return <rect x={cx - 20} y={4} width={40} height={h - 8} rx={3} {...common} />;
  }
}
