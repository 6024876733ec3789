import { useMemo } from "react";
import { type Stats, useApi } from "../api.js";
import { Loaded } from "../components/common.js";
import { LineChart } from "../components/LineChart.js";
import { WorldMap } from "../components/WorldMap.js";
import { countryName } from "../countries.js";
import { label, TYPE_LABEL } from "../labels.js";
import { href, Link, useQueryState } from "../router.js";

const TOP_PARTNERS = 6;

function MeetingsChart({ stats }: { stats: Stats }) {
  const { labels, series } = useMemo(() => {
    const first = stats.years[0];
    const last = stats.years.at(-1);
    const years = first != null && last != null ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [];
    const totals = new Map<string, number>();
    for (const t of stats.meetingsByPartnerYear) totals.set(t.country, (totals.get(t.country) ?? 0) + t.count);
    const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, TOP_PARTNERS);
    return {
      labels: years.map(String),
      series: top.map(([code]) => ({
        label: countryName(code),
        values: years.map(
          (y) => stats.meetingsByPartnerYear.find((t) => t.country === code && t.year === y)?.count ?? 0,
        ),
      })),
    };
  }, [stats]);
  if (!series.length) return <p className="status">No meetings with a dated partner yet.</p>;
  return (
    <LineChart
      labels={labels}
      series={series}
      seriesHeader="Partner"
      integer
      caption={`Meetings per year with the ${series.length} most frequent partners (events read from the texts)`}
    />
  );
}

function EventsMap({ stats }: { stats: Stats }) {
  const [query, setQuery] = useQueryState();
  const years = stats.years;
  const requested = Number(query.get("year"));
  const year = years.includes(requested) ? requested : (years.at(-1) ?? null);
  const values = useMemo(() => {
    const m = new Map<string, number>();
    for (const t of stats.eventsByCountryYear) if (t.year === year) m.set(t.country, t.count);
    return m;
  }, [stats, year]);
  const ranked = [...values].sort((a, b) => b[1] - a[1]).slice(0, 10);
  return (
    <section aria-labelledby="map-h">
      <div className="section-head">
        <h2 id="map-h">Events with each country{year ? ` in ${year}` : ""}</h2>
        {years.length ? (
          <label className="inline">
            Year{" "}
            <select value={year ?? ""} onChange={(e) => setQuery({ year: e.target.value }, { replace: true })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="map-layout">
        <WorldMap values={values} year={year} />
        <ol className="ranked">
          {ranked.map(([code, n]) => (
            <li key={code}>
              <Link to={href(`/partner/${code}`, { year })}>{countryName(code)}</Link> <span className="num">{n}</span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

export function Overview() {
  const stats = useApi<Stats>("/api/stats");
  return (
    <Loaded value={stats}>
      {(s) => (
        <>
          <h1>The corpus at a glance</h1>
          <dl className="cards">
            {(
              [
                ["Documents", s.documents, "/documents"],
                ["Sentences", s.sentences, null],
                ["Words", s.words, null],
                ["Events", s.events, "/timeline"],
                ["Stated counts", s.counts, null],
                ["Persons", s.persons, "/persons"],
              ] as const
            ).map(([name, n, to]) => (
              <div key={name} className="card">
                <dt>{to ? <Link to={to}>{name}</Link> : name}</dt>
                <dd>{n.toLocaleString("en")}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">
            Editions: {s.editions.length ? s.editions.join(", ") : "none"}.{" "}
            {Object.entries(s.eventsByType)
              .map(([t, n]) => `${n} ${label(TYPE_LABEL, t).toLowerCase()}${n === 1 ? "" : "s"}`)
              .join(", ")}
          </p>
          <section aria-labelledby="chart-h">
            <h2 id="chart-h">Meetings per partner per year</h2>
            <MeetingsChart stats={s} />
          </section>
          <EventsMap stats={s} />
          <section aria-labelledby="partners-h">
            <h2 id="partners-h">Partners</h2>
            <ul className="chips">
              {s.partners.map((p) => (
                <li key={p.code}>
                  <Link to={`/partner/${p.code}`}>
                    {countryName(p.code)} <span className="num">{p.events}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Loaded>
  );
}
