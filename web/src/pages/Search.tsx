import type { FormEvent } from "react";
import { apiUrl, type Page, type SearchHit, type Stats, useApi } from "../api.js";
import { Loaded, Pager } from "../components/common.js";
import { href, Link, useQueryState } from "../router.js";

const LIMIT = 20;

export function Search() {
  const [query, setQuery] = useQueryState();
  const q = query.get("q") ?? "";
  const edition = query.get("edition") ?? "";
  const section = query.get("section") ?? "";
  const kind = query.get("kind") ?? "";
  const offset = Number(query.get("offset")) || 0;
  const stats = useApi<Stats>("/api/stats");
  const editions = stats.state === "ok" ? stats.data.editions : [];
  const hits = useApi<Page<SearchHit> & { total: number }>(
    q.trim() ? apiUrl("/search", { q, edition, section, kind, limit: LIMIT, offset }) : null,
  );

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const get = (k: string) => String(data.get(k) ?? "").trim();
    setQuery({ q: get("q"), edition: get("edition"), section: get("section"), kind: get("kind"), offset: null });
  };

  return (
    <>
      <h1>Search</h1>
      <search>
        <form className="filters search" onSubmit={submit} key={query.toString()}>
          <label className="grow">
            Words or a "quoted phrase"
            <input name="q" type="search" defaultValue={q} required maxLength={200} />
          </label>
          <label>
            Edition
            <select name="edition" defaultValue={edition}>
              <option value="">Any</option>
              {editions.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            Section
            <input name="section" defaultValue={section} placeholder="e.g. North America" />
          </label>
          <label>
            Kind
            <select name="kind" defaultValue={kind}>
              <option value="">Any</option>
              <option value="bluebook">Bluebook</option>
              <option value="readout">Readout</option>
              <option value="other">Other</option>
            </select>
          </label>
          <div className="buttons">
            <button type="submit">Search</button>
          </div>
        </form>
      </search>
      {q.trim() ? (
        <Loaded value={hits}>
          {(page) => (
            <>
              <p className="muted" role="status">
                {page.total.toLocaleString("en")} sentence{page.total === 1 ? "" : "s"} match.
              </p>
              <ol className="kwic">
                {page.items.map((h) => (
                  <li key={h.sentence.id}>
                    <p className="kwic-line">
                      <span className="left">{h.left}</span>
                      <mark>{h.match}</mark>
                      <span className="right">{h.right}</span>
                    </p>
                    <p className="muted">
                      <Link to={href(`/document/${h.document.id}`, { sentence: h.sentence.id })}>{h.document.key}</Link>
                      {h.document.edition ? ` · Bluebook ${h.document.edition}` : ""}
                      {h.document.section ? ` · ${h.document.section}` : ""}
                      {h.document.date ? ` · ${h.document.date}` : ""}
                      {h.sentence.heading ? ` · ${h.sentence.heading}` : ""}
                    </p>
                  </li>
                ))}
              </ol>
              <Pager
                total={page.total}
                limit={LIMIT}
                offset={offset}
                onOffset={(o) => setQuery({ offset: o ? String(o) : null })}
              />
            </>
          )}
        </Loaded>
      ) : (
        <p className="muted">Search every sentence of the corpus; results show each match in its context.</p>
      )}
    </>
  );
}
