import { useMemo } from "react";
import { apiUrl, useApi } from "../api.js";
import { Loaded } from "../components/common.js";
import { useQueryState } from "../router.js";
import { type ChartSeries, formValues, TrendChart, type TrendsResult } from "./shared.js";

const splitTerms = (s: string) =>
  s
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter(Boolean)
    .slice(0, 10);

/** Terms per edition: a line chart of counts or per-10,000-word frequencies. */
export function Trends() {
  const [query, setQuery] = useQueryState();
  const terms = splitTerms(query.get("terms") ?? "");
  const section = query.get("section") ?? "";
  const bySection = query.get("by") === "section";
  const measure = query.get("y") === "count" ? "count" : "per10k";
  const result = useApi<TrendsResult>(
    terms.length ? apiUrl("/analysis/trends", { term: terms, section, bySection: bySection ? "true" : null }) : null,
  );
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    const get = formValues(e);
    setQuery({
      terms: splitTerms(get("terms")).join(","),
      section: get("section"),
      by: get("by") ? "section" : null,
      y: get("y") === "count" ? "count" : null,
    });
  };
  return (
    <>
      <h1>Trends</h1>
      <p className="muted">
        How often words and phrases occur in each edition. Dash, quote and case variants count as one ("Asia–Pacific" =
        "Asia-Pacific"); a word counts its possessive.
      </p>
      <form className="filters" onSubmit={submit} key={query.toString()}>
        <label className="grow">
          Terms (comma-separated)
          <input name="terms" defaultValue={terms.join(", ")} placeholder="Indo-Pacific, Asia-Pacific" required />
        </label>
        <label>
          Section
          <input name="section" defaultValue={section} placeholder="e.g. North America" />
        </label>
        <label>
          Measure
          <select name="y" defaultValue={measure}>
            <option value="per10k">per 10,000 words</option>
            <option value="count">count</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="by" value="section" defaultChecked={bySection} /> by section
        </label>
        <button type="submit">Show</button>
      </form>
      {terms.length ? (
        <Loaded value={result}>{(data) => <TrendView data={data} measure={measure} />}</Loaded>
      ) : (
        <p className="muted">Enter one or more terms.</p>
      )}
    </>
  );
}

function TrendView({ data, measure }: { data: TrendsResult; measure: "count" | "per10k" }) {
  const { labels, series } = useMemo(() => {
    const editions = [...new Set(data.terms.flatMap((t) => t.series.map((p) => p.edition)))].sort((a, b) => a - b);
    const series: ChartSeries[] = data.terms.map((t) => {
      const by = new Map(t.series.map((p) => [p.edition, p[measure]]));
      return {
        label: t.section !== undefined ? `${t.term} — ${t.section ?? "(no section)"}` : t.term,
        values: editions.map((e) => by.get(e) ?? null),
      };
    });
    return { labels: editions.map(String), series };
  }, [data, measure]);
  if (!labels.length) return <p className="status">No editions in the store.</p>;
  return (
    <TrendChart
      labels={labels}
      series={series}
      unit={measure === "count" ? "occurrences" : "per 10,000 words"}
      caption={`${data.terms
        .map((t) => t.term)
        .filter((t, i, a) => a.indexOf(t) === i)
        .join(", ")} by edition (${measure === "count" ? "count" : "per 10,000 words"})`}
    />
  );
}
