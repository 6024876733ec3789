import { apiUrl, useApi } from "../api.js";
import { Loaded } from "../components/common.js";
import { countryName } from "../countries.js";
import { useQueryState } from "../router.js";
import { DocLink, formValues, type ReconcileResult, type ReconcileRow, StatusBadge } from "./shared.js";

const STATUSES = ["contradiction", "partial", "agrees", "approximate", "not_comparable"] as const;

/** Stated meeting counts next to the meetings the corpus lists one by one; disagreements first. */
export function Reconcile() {
  const [query, setQuery] = useQueryState();
  const country = (query.get("country") ?? "").toUpperCase();
  const status = query.get("status") ?? "";
  const result = useApi<ReconcileResult>(apiUrl("/analysis/reconcile", { country: country || null }));
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    const get = formValues(e);
    setQuery({ country: get("country").toUpperCase(), status: get("status") });
  };
  return (
    <>
      <h1>Reconciliation</h1>
      <p className="muted">
        A stated count below the meetings listed one by one is a contradiction; above them, the record is partial.
      </p>
      <form className="filters" onSubmit={submit} key={query.toString()}>
        <label>
          Partner code
          <input name="country" defaultValue={country} placeholder="USA" pattern="[A-Za-z][A-Za-z0-9]{1,9}" />
        </label>
        <label>
          Status
          <select name="status" defaultValue={status}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Show</button>
      </form>
      <Loaded value={result}>
        {(data) => {
          const rows = data.rows
            .filter((r) => !status || r.status === status)
            .sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status));
          const s = data.summary;
          return (
            <>
              <p>
                {s.contradiction} contradiction{s.contradiction === 1 ? "" : "s"}, {s.partial} partial, {s.agrees}{" "}
                agreeing, {s.approximate} approximate, {s.not_comparable} not comparable.
              </p>
              {rows.length ? rows.map((r) => <ReconcileItem key={r.count.id} r={r} />) : <p>No stated counts match.</p>}
            </>
          );
        }}
      </Loaded>
      <h2>Export the event record</h2>
      <ul>
        {(["csv", "jsonl", "plover"] as const).map((f) => (
          <li key={f}>
            <a href={apiUrl("/analysis/export", { format: f, country: country || null })} download>
              {f === "csv"
                ? "CSV (one row per event, with evidence)"
                : f === "jsonl"
                  ? "JSON Lines"
                  : "PLOVER (JSON Lines)"}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function ReconcileItem({ r }: { r: ReconcileRow }) {
  return (
    <article className={`an-rec an-${r.status}`}>
      <h3>
        <StatusBadge status={r.status} /> {countryName(r.partner)} · {r.year ?? `${r.period?.start}–${r.period?.end}`} ·{" "}
        {r.level.replace(/_/g, " ")}: stated {r.stated.approximate ? "about " : ""}
        {r.stated.total}, listed {r.listed.total}
      </h3>
      <blockquote>
        {r.count.text} <DocLink docKey={r.count.documentKey} />
      </blockquote>
      {r.notes.length ? <p className="muted">{r.notes.join("; ")}</p> : null}
      {r.events.length ? (
        <details>
          <summary>
            {r.events.length} listed meeting{r.events.length === 1 ? "" : "s"}
          </summary>
          <ol>
            {r.events.map((e) => (
              <li key={e.id}>
                <time>{e.date}</time> {e.modality && e.modality !== "in_person" ? `(${e.modality}) ` : ""}
                {e.text} <DocLink docKey={e.documentKey} />
                {e.alsoIn.length ? <span className="muted"> also in {e.alsoIn.join(", ")}</span> : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </article>
  );
}
