import { apiUrl, useApi } from "../api.js";
import { Loaded } from "../components/common.js";
import { useQueryState } from "../router.js";
import { type DiffResult, type DiffRow, DocLink, formValues } from "./shared.js";

/** A section in two editions, side by side: unchanged, reworded (with the word changes), added, removed. */
export function Diff() {
  const [query, setQuery] = useQueryState();
  const section = query.get("section") ?? "";
  const from = query.get("from") ?? "";
  const to = query.get("to") ?? "";
  const all = query.get("all") === "1";
  const ready = section && /^\d{4}$/.test(from) && /^\d{4}$/.test(to);
  const result = useApi<DiffResult>(ready ? apiUrl("/analysis/diff", { section, from, to }) : null);
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    const get = formValues(e);
    setQuery({ section: get("section"), from: get("from"), to: get("to"), all: get("all") ? "1" : null });
  };
  return (
    <>
      <h1>Edition diff</h1>
      <form className="filters" onSubmit={submit} key={query.toString()}>
        <label className="grow">
          Section
          <input name="section" defaultValue={section} required placeholder="North America" />
        </label>
        <label>
          From edition
          <input name="from" defaultValue={from} required pattern="\d{4}" placeholder="2023" />
        </label>
        <label>
          To edition
          <input name="to" defaultValue={to} required pattern="\d{4}" placeholder="2025" />
        </label>
        <label className="check">
          <input type="checkbox" name="all" value="1" defaultChecked={all} /> show unchanged
        </label>
        <button type="submit">Compare</button>
      </form>
      {ready ? (
        <Loaded value={result}>{(data) => <DiffView data={data} all={all} />}</Loaded>
      ) : (
        <p className="muted">Choose a section and two editions.</p>
      )}
    </>
  );
}

function DiffView({ data, all }: { data: DiffResult; all: boolean }) {
  const s = data.summary;
  const rows = all ? data.rows : data.rows.filter((r) => r.op !== "unchanged");
  return (
    <>
      <p>
        {data.section}: {s.unchanged} unchanged, {s.reworded} reworded, {s.added} added, {s.removed} removed.{" "}
        <span className="muted">
          {data.from.edition}:{" "}
          {data.from.documents.map((k) => (
            <DocLink key={k} docKey={k} />
          ))}{" "}
          · {data.to.edition}:{" "}
          {data.to.documents.map((k) => (
            <DocLink key={k} docKey={k} />
          ))}
        </span>
      </p>
      <div className="table-wrap">
        <table className="an-diff">
          <thead>
            <tr>
              <th scope="col">Change</th>
              <th scope="col">{data.from.edition}</th>
              <th scope="col">{data.to.edition}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <DiffLine key={`${r.old?.documentKey}:${r.old?.index}|${r.new?.documentKey}:${r.new?.index}`} row={r} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DiffLine({ row }: { row: DiffRow }) {
  return (
    <tr className={`an-op-${row.op}`}>
      <td>
        <span className={`an-badge an-${row.op}`}>{row.op}</span>
        {row.changes?.length ? (
          <ul className="an-changes">
            {row.changes.map((c) => (
              <li key={c.summary}>{c.summary}</li>
            ))}
          </ul>
        ) : null}
      </td>
      <td>{row.old?.text ?? ""}</td>
      <td>{row.new?.text ?? ""}</td>
    </tr>
  );
}
