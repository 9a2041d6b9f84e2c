/** The standard's three indicators against their targets, as bars (Chart.js) with the same figures in a table. */
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { fmtNumber, fmtPercent } from './format';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = "'Noto Sans', system-ui, sans-serif";
Chart.defaults.color = '#3d4650';

export interface Indicator {
  numerator: number;
  denominator: number;
  ratio: number | null;
  target: number;
  meetsTarget: boolean | null;
  /** Decisions signed (quyết định công nhận), when the operation asks for them. */
  recognised?: number;
  /** Signed decisions the records do not support (không được hồ sơ chứng minh): left out of the numerator. */
  unsupported?: number;
  /** Signed decisions whose support cannot be told now (chưa xác định được), with the reason. */
  unknown?: number;
  unknownReason?: string | null;
}

export const INDICATOR_LABELS = {
  residentialAreas: 'Khu dân cư đạt chuẩn "An toàn về ANTT"',
  communes: 'Xã, phường, thị trấn đạt chuẩn',
  establishments: 'Cơ quan, doanh nghiệp, nhà trường đạt chuẩn',
} as const;
export type IndicatorKey = keyof typeof INDICATOR_LABELS;

/** `counts`: the number of units that meet each standard, out of how many (off on the public page, which shows ratios only). */
export function IndicatorChart({ indicators, caption, counts = true }: { indicators: Record<IndicatorKey, Indicator>; caption: string; counts?: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const keys = Object.keys(INDICATOR_LABELS) as IndicatorKey[];
  const summary = keys.map((k) => `${INDICATOR_LABELS[k]}: ${fmtPercent(indicators[k].ratio)} (chỉ tiêu ${fmtPercent(indicators[k].target)})`).join('; ');
  const figures = JSON.stringify(indicators);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: ['Khu dân cư', 'Xã, phường, thị trấn', 'Cơ quan, DN, trường học'],
        datasets: [
          {
            label: 'Tỷ lệ đạt (%)',
            data: keys.map((k) => (indicators[k].ratio === null ? null : Math.round(indicators[k].ratio! * 1000) / 10)),
            backgroundColor: '#1d5fa8',
          },
          { label: 'Chỉ tiêu (%)', data: keys.map((k) => Math.round(indicators[k].target * 1000) / 10), backgroundColor: '#b7c9de' },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
    // The figures, compared by value, are the dependency.
  }, [figures]);
  return (
    <figure className="chart">
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={`Biểu đồ: ${summary}`} />
      </div>
      <figcaption>{caption}</figcaption>
      <div className="table-wrap" role="region" aria-label="Bảng tỷ lệ đạt chuẩn" tabIndex={0}>
        <table data-testid="indicators">
          <thead>
            <tr>
              <th scope="col">Chỉ tiêu</th>
              {counts && <th scope="col">Đạt / tổng</th>}
              <th scope="col">Tỷ lệ</th>
              <th scope="col">Chỉ tiêu</th>
              <th scope="col">Kết quả</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k} data-indicator={k}>
                <th scope="row">{INDICATOR_LABELS[k]}</th>
                {counts && (
                  <td data-field="count">
                    {fmtNumber(indicators[k].numerator)} / {fmtNumber(indicators[k].denominator)}
                  </td>
                )}
                <td data-field="ratio">{fmtPercent(indicators[k].ratio)}</td>
                <td>{fmtPercent(indicators[k].target)}</td>
                <td>{indicators[k].meetsTarget === null ? 'Chưa có số liệu' : indicators[k].meetsTarget ? 'Đạt' : 'Chưa đạt'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {keys.some((k) => indicators[k].unsupported || indicators[k].unknown) && (
        <ul data-testid="indicators-notes" className="notes">
          {keys.map((k) => {
            const i = indicators[k];
            if (!i.unsupported && !i.unknown) return null;
            return (
              <li key={k} data-indicator={k}>
                {INDICATOR_LABELS[k]}:{' '}
                {!!i.unsupported && (
                  <span data-field="unsupported">{fmtNumber(i.unsupported)} quyết định công nhận không được hồ sơ chứng minh (không tính vào số đạt)</span>
                )}
                {!!i.unsupported && !!i.unknown && '; '}
                {!!i.unknown && (
                  <span data-field="unknown">
                    {fmtNumber(i.unknown)} quyết định chưa xác định được{i.unknownReason ? ` (${i.unknownReason})` : ''}, chưa tính vào số đạt
                  </span>
                )}
                .
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}
