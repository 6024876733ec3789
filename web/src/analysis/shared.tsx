/** Pieces the analysis views share: result types (type-only imports of the library), a trend chart, links. */
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
import { type FormEvent, useEffect, useRef } from "react";
import { Link } from "../router.js";

export type { CollocatesResult, ConcordanceResult } from "../../../src/analysis/concordance.js";
export type { DiffResult, DiffRow } from "../../../src/analysis/diff.js";
export type { KeynessResult, NewTermsResult } from "../../../src/analysis/keyness.js";
export type { ProfileResult } from "../../../src/analysis/profile.js";
export type { ReconcileResult, ReconcileRow } from "../../../src/analysis/reconcile.js";
export type { TrendsResult } from "../../../src/analysis/trends.js";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

const PALETTE = ["#1f5fa8", "#c4432b", "#2e8b57", "#8a5cc2", "#d48a00", "#00838f", "#7a7a7a", "#b0306a"];

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/** A line chart over editions, with the figures as a table for screen readers and copying. */
export function TrendChart({
  labels,
  series,
  caption,
  unit,
}: {
  labels: string[];
  series: ChartSeries[];
  caption: string;
  unit: string;
}) {
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
        scales: { y: { beginAtZero: true, title: { display: true, text: unit } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, unit]);
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
                <th scope="col">Term</th>
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

/** The reader's page for a document key, optionally at a character offset. */
export function DocLink({ docKey, children }: { docKey: string; children?: React.ReactNode }) {
  return <Link to={`/document/${encodeURIComponent(docKey)}`}>{children ?? docKey}</Link>;
}

/** Reads a submitted form's fields as trimmed strings. */
export function formValues(e: FormEvent<HTMLFormElement>): (name: string) => string {
  e.preventDefault();
  const data = new FormData(e.currentTarget);
  return (k: string) => String(data.get(k) ?? "").trim();
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`an-badge an-${status}`}>{status.replace(/_/g, " ")}</span>;
}
