import type { FormEvent } from "react";
import { apiUrl, type EventRow, type Page, type Stats, useApi } from "../api.js";
import { EventItem, Loaded, Pager } from "../components/common.js";
import { countryName } from "../countries.js";
import { LEVEL_LABEL, MODALITY_LABEL, TYPE_LABEL } from "../labels.js";
import { useQueryState } from "../router.js";

const LIMIT = 50;
const FIELDS = ["country", "type", "level", "modality", "person", "from", "to"] as const;

function Options({ table }: { table: Record<string, string> }) {
  return (
    <>
      <option value="">Any</option>
      {Object.entries(table).map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </>
  );
}

function byYear(items: EventRow[]): [string, EventRow[]][] {
  const groups = new Map<string, EventRow[]>();
  for (const e of items) {
    const y = e.year != null ? String(e.year) : "Undated";
    groups.set(y, [...(groups.get(y) ?? []), e]);
  }
  return [...groups];
}

export function Timeline() {
  const [query, setQuery] = useQueryState();
  const stats = useApi<Stats>("/api/stats");
  const partners = stats.state === "ok" ? stats.data.partners : [];
  const offset = Number(query.get("offset")) || 0;
  const params = Object.fromEntries(FIELDS.map((f) => [f, query.get(f)]));
  const events = useApi<Page<EventRow>>(apiUrl("/events", { ...params, limit: LIMIT, offset }));
  const levels = Object.fromEntries(Object.entries(LEVEL_LABEL).filter(([k]) => k !== "negotiation_round"));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setQuery({ ...Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? "").trim()])), offset: null });
  };
  const change = (name: string, value: string) => setQuery({ [name]: value, offset: null });
  const active = FIELDS.some((f) => query.get(f));

  return (
    <>
      <h1>Timeline</h1>
      <form className="filters" onSubmit={submit} aria-label="Filter events" key={query.toString()}>
        <label>
          Partner
          <select name="country" value={params.country ?? ""} onChange={(e) => change("country", e.target.value)}>
            <option value="">Any</option>
            {params.country && !partners.some((p) => p.code === params.country) ? (
              <option value={params.country}>{countryName(params.country)}</option>
            ) : null}
            {partners.map((p) => (
              <option key={p.code} value={p.code}>
                {countryName(p.code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select name="type" value={params.type ?? ""} onChange={(e) => change("type", e.target.value)}>
            <Options table={TYPE_LABEL} />
          </select>
        </label>
        <label>
          Level
          <select name="level" value={params.level ?? ""} onChange={(e) => change("level", e.target.value)}>
            <Options table={levels} />
          </select>
        </label>
        <label>
          Modality
          <select name="modality" value={params.modality ?? ""} onChange={(e) => change("modality", e.target.value)}>
            <Options table={MODALITY_LABEL} />
          </select>
        </label>
        <label>
          Person
          <input name="person" type="search" defaultValue={params.person ?? ""} placeholder="name or family name" />
        </label>
        <label>
          From
          <input
            name="from"
            defaultValue={params.from ?? ""}
            placeholder="YYYY[-MM[-DD]]"
            pattern="\d{4}(-\d{2}(-\d{2})?)?"
            size={10}
          />
        </label>
        <label>
          To
          <input
            name="to"
            defaultValue={params.to ?? ""}
            placeholder="YYYY[-MM[-DD]]"
            pattern="\d{4}(-\d{2}(-\d{2})?)?"
            size={10}
          />
        </label>
        <div className="buttons">
          <button type="submit">Apply</button>
          {active ? (
            <button
              type="button"
              className="secondary"
              onClick={() => setQuery(Object.fromEntries([...FIELDS, "offset"].map((f) => [f, null])))}
            >
              Clear
            </button>
          ) : null}
        </div>
      </form>
      <Loaded value={events}>
        {(page) => (
          <>
            <p className="muted" role="status">
              {page.total.toLocaleString("en")} event{page.total === 1 ? "" : "s"}
              {active ? " match these filters" : ""}.
            </p>
            {byYear(page.items).map(([year, items]) => (
              <section key={year} aria-label={year}>
                <h2 className="year">{year}</h2>
                <ol className="events">
                  {items.map((e) => (
                    <EventItem key={e.id} e={e} />
                  ))}
                </ol>
              </section>
            ))}
            <Pager
              total={page.total}
              limit={LIMIT}
              offset={offset}
              onOffset={(o) => setQuery({ offset: o ? String(o) : null })}
            />
          </>
        )}
      </Loaded>
    </>
  );
}
