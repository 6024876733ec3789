/** Pieces the analysis views share: result types (type-only imports of the library), a trend chart, links. */
import type { FormEvent } from "react";
import { LineChart, type Series } from "../components/LineChart.js";
import { Link } from "../router.js";

export type { CollocatesResult, ConcordanceResult } from "../../../src/analysis/concordance.js";
export type { DiffResult, DiffRow } from "../../../src/analysis/diff.js";
export type { KeynessResult, NewTermsResult } from "../../../src/analysis/keyness.js";
export type { ProfileResult } from "../../../src/analysis/profile.js";
export type { ReconcileResult, ReconcileRow } from "../../../src/analysis/reconcile.js";
export type { TrendsResult } from "../../../src/analysis/trends.js";

export type { Series as ChartSeries } from "../components/LineChart.js";

/** A line chart over editions: the app's line chart with the unit on its axis and one table row per term. */
export function TrendChart(props: { labels: string[]; series: Series[]; caption: string; unit: string }) {
  return <LineChart {...props} seriesHeader="Term" />;
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
