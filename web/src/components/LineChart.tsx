import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { useEffect, useRef } from "react";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

const PALETTE = ["#1f5fa8", "#c4432b", "#2e8b57", "#8a5cc2", "#d48a00", "#00838f", "#7a7a7a", "#b0306a"];

export interface Series {
  label: string;
  /** null where there is no figure (a gap in the line, "–" in the table) */
  values: (number | null)[];
}

export interface LineChartProps {
  labels: string[];
  series: Series[];
  caption: string;
  /** the y axis title ("meetings", "per 10,000 words"); none by default */
  unit?: string;
  /** what a row of the figures table is ("Partner", "Term") */
  seriesHeader?: string;
  /** whole-number ticks (counts) */
  integer?: boolean;
}

/** A line chart (chart.js on a canvas) with the same figures in a table for screen readers and copying. */
export function LineChart({ labels, series, caption, unit, seriesHeader = "Series", integer = false }: LineChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: "line",
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values,
          borderColor: PALETTE[i % PALETTE.length],
          backgroundColor: PALETTE[i % PALETTE.length],
          tension: 0,
          pointRadius: 3,
          spanGaps: false,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: {
            beginAtZero: true,
            ...(integer ? { ticks: { precision: 0 } } : {}),
            ...(unit ? { title: { display: true, text: unit } } : {}),
          },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, unit, integer]);
  return (
    <figure className="chart">
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={caption} />
      </div>
      <figcaption>{caption}</figcaption>
      <details>
        <summary>Figures as a table</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{seriesHeader}</th>
                {labels.map((l) => (
                  <th scope="col" key={l}>
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.label}>
                  <th scope="row">{s.label}</th>
                  {s.values.map((v, i) => (
                    <td key={labels[i]} className="num">
                      {v ?? "–"}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
