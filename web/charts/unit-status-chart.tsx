/** @jsxImportSource hono/jsx */
import type { UnitRow } from "../../db/queries/overview";

/** Round numbers for the scale: 0, a half and the top, the top rounded up to 1, 2 or 5 × 10ⁿ. */
export function scaleTop(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * power >= max)!;
  return step * power;
}

/**
 * Status by unit as stacked bars (overdue, done, the rest) on one scale from
 * 0, counted in assignments. The unit's name is HTML text above its bar, so it
 * wraps and stays readable on a phone; each bar is a small SVG stretched to
 * the row (no inline styles: the CSP forbids them).
 */
export function UnitStatusChart(props: { units: UnitRow[]; unitHref: (unitId: number) => string }) {
  const rows = props.units;
  if (rows.length === 0) return null;
  const top = scaleTop(Math.max(...rows.map((r) => r.total)));
  const pct = (n: number) => (n / top) * 100;
  return (
    <figure class="bars" role="img" aria-label="Tình trạng nhiệm vụ theo đơn vị">
      <ul class="legend">
        <li>
          <i class="swatch overdue-bg" /> Quá hạn
        </li>
        <li>
          <i class="swatch done-bg" /> Hoàn thành
        </li>
        <li>
          <i class="swatch other-bg" /> Đang làm / chưa đến hạn
        </li>
      </ul>
      {rows.map((r) => {
        const other = r.total - r.overdue - r.done;
        return (
          <div class="bar-row">
            <a class="bar-name" href={props.unitHref(r.unitId)}>
              {r.unitName}
            </a>
            <div class="bar-line">
              <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <rect x="0" y="0" width={pct(r.overdue)} height="10" fill="#c62828">
                  <title>{`Quá hạn: ${r.overdue}`}</title>
                </rect>
                <rect x={pct(r.overdue)} y="0" width={pct(r.done)} height="10" fill="#2e7d32">
                  <title>{`Hoàn thành: ${r.done}`}</title>
                </rect>
                <rect x={pct(r.overdue + r.done)} y="0" width={pct(other)} height="10" fill="#9fa8b8">
                  <title>{`Khác: ${other}`}</title>
                </rect>
              </svg>
              <span class="bar-total">
                {r.total}
                {r.overdue > 0 && <span class="overdue"> ({r.overdue} quá hạn)</span>}
              </span>
            </div>
          </div>
        );
      })}
      <div class="bar-row bar-axis" aria-hidden="true">
        <span class="bar-name" />
        <div class="bar-line">
          <span class="scale">
            <span>0</span>
            <span>{String(top / 2).replace(".", ",")}</span>
            <span>{String(top)}</span>
          </span>
          <span class="bar-total" />
        </div>
      </div>
      <figcaption class="muted">Số lượt giao của mỗi đơn vị (thang từ 0 đến {top}).</figcaption>
    </figure>
  );
}
