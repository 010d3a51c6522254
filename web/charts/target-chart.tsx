/** @jsxImportSource hono/jsx */
import { formatNumber, periodLabelOf } from "../../core/report/target";
import { scaleTop } from "./unit-status-chart";

/**
 * A target's recorded values over time as a line, on an axis from 0 with its
 * unit, and the goal as a dashed line when it has one. Period labels are
 * anchored inside the frame so the first and last are not cut off.
 */
export function TargetChart(props: {
  title: string;
  series: { period: string; value: number }[];
  goal: number | null;
  unit: string | null;
}) {
  const { series, goal } = props;
  if (series.length === 0) return null;
  const width = 560;
  const height = 230;
  const pad = { left: 64, right: 20, top: 18, bottom: 44 };
  const values = [...series.map((s) => s.value), ...(goal === null ? [] : [goal])];
  const bottom = Math.min(0, ...values);
  const roundTop = scaleTop(Math.max(...values) * 1.1);
  const top = props.unit === "%" && Math.max(...values) <= 100 ? Math.min(100, roundTop) : roundTop;
  const plotWidth = width - pad.left - pad.right;
  const x = (i: number) => pad.left + (series.length === 1 ? plotWidth / 2 : (i / (series.length - 1)) * plotWidth);
  const y = (v: number) => pad.top + (1 - (v - bottom) / (top - bottom)) * (height - pad.top - pad.bottom);
  const points = series.map((s, i) => `${x(i).toFixed(1)},${y(s.value).toFixed(1)}`).join(" ");
  const withUnit = (v: number) => `${formatNumber(v)}${props.unit === "%" ? "%" : ""}`;
  const anchor = (i: number) => (series.length === 1 ? "middle" : i === 0 ? "start" : i === series.length - 1 ? "end" : "middle");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Diễn biến chỉ tiêu: ${props.title}`} class="target-chart">
      {[bottom, (bottom + top) / 2, top].map((tick) => (
        <g>
          <line x1={pad.left} y1={y(tick)} x2={width - pad.right} y2={y(tick)} stroke="#e3e6eb" />
          <text x={pad.left - 6} y={y(tick) + 4} text-anchor="end" font-size="13">
            {withUnit(tick)}
          </text>
        </g>
      ))}
      <line x1={pad.left} y1={y(bottom)} x2={width - pad.right} y2={y(bottom)} stroke="#888" />
      <line x1={pad.left} y1={pad.top} x2={pad.left} y2={y(bottom)} stroke="#888" />
      {props.unit && props.unit !== "%" && (
        <text x={pad.left} y={pad.top - 6} font-size="12" fill="#5d6675">
          {props.unit}
        </text>
      )}
      {goal !== null && (
        <g>
          <line x1={pad.left} y1={y(goal)} x2={width - pad.right} y2={y(goal)} stroke="#2e7d32" stroke-dasharray="5 4" />
          <text x={pad.left + 6} y={y(goal) - 5} font-size="13" fill="#2e7d32">
            {`Mục tiêu ${withUnit(goal)}`}
          </text>
        </g>
      )}
      <polyline points={points} fill="none" stroke="#7a1212" stroke-width="2" />
      {series.map((s, i) => (
        <g>
          <circle cx={x(i)} cy={y(s.value)} r="4" fill="#7a1212" />
          <text x={x(i)} y={y(s.value) - 9} text-anchor={anchor(i)} font-size="13">
            {withUnit(s.value)}
          </text>
          <text x={x(i)} y={height - pad.bottom + 20} text-anchor={anchor(i)} font-size="13">
            {periodLabelOf(s.period)}
          </text>
        </g>
      ))}
    </svg>
  );
}
