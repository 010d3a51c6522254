/** @jsxImportSource hono/jsx */
import { formatNumber, periodLabelOf } from "../../core/report/target";

/** A target's recorded values over time as a line, with the goal as a dashed line when it has one. */
export function TargetChart(props: { title: string; series: { period: string; value: number }[]; goal: number | null }) {
  const { series, goal } = props;
  if (series.length === 0) return null;
  const width = 480;
  const height = 200;
  const pad = { left: 44, right: 16, top: 16, bottom: 40 };
  const values = [...series.map((s) => s.value), ...(goal === null ? [] : [goal])];
  const top = Math.max(...values) * 1.1 || 1;
  const bottom = Math.min(0, ...values);
  const x = (i: number) =>
    pad.left +
    (series.length === 1 ? (width - pad.left - pad.right) / 2 : (i / (series.length - 1)) * (width - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - (v - bottom) / (top - bottom)) * (height - pad.top - pad.bottom);
  const points = series.map((s, i) => `${x(i).toFixed(1)},${y(s.value).toFixed(1)}`).join(" ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Diễn biến chỉ tiêu: ${props.title}`}>
      <line x1={pad.left} y1={y(bottom)} x2={width - pad.right} y2={y(bottom)} stroke="#888" />
      <line x1={pad.left} y1={pad.top} x2={pad.left} y2={y(bottom)} stroke="#888" />
      <text x={pad.left - 4} y={pad.top + 4} text-anchor="end" font-size="11">
        {formatNumber(top)}
      </text>
      {goal !== null && (
        <g>
          <line x1={pad.left} y1={y(goal)} x2={width - pad.right} y2={y(goal)} stroke="#2e7d32" stroke-dasharray="5 4" />
          <text x={width - pad.right} y={y(goal) - 4} text-anchor="end" font-size="11" fill="#2e7d32">
            {`Mục tiêu ${formatNumber(goal)}`}
          </text>
        </g>
      )}
      <polyline points={points} fill="none" stroke="#7a1212" stroke-width="2" />
      {series.map((s, i) => (
        <g>
          <circle cx={x(i)} cy={y(s.value)} r="4" fill="#7a1212" />
          <text x={x(i)} y={y(s.value) - 8} text-anchor="middle" font-size="11">
            {formatNumber(s.value)}
          </text>
          <text x={x(i)} y={height - pad.bottom + 16} text-anchor="middle" font-size="11">
            {periodLabelOf(s.period)}
          </text>
        </g>
      ))}
    </svg>
  );
}
