/** @jsxImportSource hono/jsx */
import type { UnitRow } from "../../db/queries/overview";

/** Status by unit as horizontal stacked bars (overdue, done, the rest), drawn on the server. */
export function UnitStatusChart(props: { units: UnitRow[] }) {
  const rows = props.units;
  if (rows.length === 0) return null;
  const labelWidth = 230;
  const barWidth = 420;
  const rowHeight = 26;
  const height = rows.length * rowHeight + 40;
  const max = Math.max(...rows.map((r) => r.total), 1);
  const scale = (n: number) => (n / max) * barWidth;
  return (
    <svg viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`} role="img" aria-label="Tình trạng nhiệm vụ theo đơn vị">
      {rows.map((r, i) => {
        const y = 10 + i * rowHeight;
        const other = r.total - r.overdue - r.done;
        return (
          <g>
            <text x={labelWidth - 6} y={y + 15} text-anchor="end" font-size="12">
              {r.unitName.length > 34 ? `${r.unitName.slice(0, 33)}…` : r.unitName}
            </text>
            <rect x={labelWidth} y={y} width={scale(r.overdue)} height={18} fill="#c62828">
              <title>{`Quá hạn: ${r.overdue}`}</title>
            </rect>
            <rect x={labelWidth + scale(r.overdue)} y={y} width={scale(r.done)} height={18} fill="#2e7d32">
              <title>{`Hoàn thành: ${r.done}`}</title>
            </rect>
            <rect x={labelWidth + scale(r.overdue + r.done)} y={y} width={scale(other)} height={18} fill="#9fa8b8">
              <title>{`Khác: ${other}`}</title>
            </rect>
            <text x={labelWidth + scale(r.total) + 6} y={y + 14} font-size="12">
              {String(r.total)}
            </text>
          </g>
        );
      })}
      <g font-size="12" transform={`translate(${labelWidth}, ${height - 14})`}>
        <rect width="12" height="12" y="-10" fill="#c62828" />
        <text x="16">Quá hạn</text>
        <rect x="90" width="12" height="12" y="-10" fill="#2e7d32" />
        <text x="106">Hoàn thành</text>
        <rect x="200" width="12" height="12" y="-10" fill="#9fa8b8" />
        <text x="216">Đang làm / chưa đến hạn</text>
      </g>
    </svg>
  );
}
