import { apiUrl, type CountRow, type EventRow, type Page, type PartnerDetail, useApi } from "../api.js";
import { EventItem, EventSummary, evidenceHref, Loaded, PersonLink } from "../components/common.js";
import { countryName } from "../countries.js";
import { formatDate, LEVEL_LABEL, label } from "../labels.js";
import { href, Link, useQueryState } from "../router.js";

function StatedCount({ c }: { c: CountRow }) {
  const parts = [c.telephone ? `${c.telephone} by telephone` : null, c.video ? `${c.video} by video` : null].filter(
    Boolean,
  );
  return (
    <li>
      <strong>
        {c.approximate ? "about " : ""}
        {c.total}
      </strong>{" "}
      {label(LEVEL_LABEL, c.level).toLowerCase()}
      {parts.length ? ` (${parts.join(", ")})` : ""}{" "}
      <Link className="cite" to={href(`/document/${c.evidence.documentId}`, { count: c.id })} title={c.evidence.text}>
        {c.evidence.documentKey} →
      </Link>
    </li>
  );
}

function YearEvents({ code, year }: { code: string; year: number }) {
  const events = useApi<Page<EventRow>>(apiUrl("/events", { country: code, from: year, to: year, limit: 200 }));
  return (
    <Loaded value={events}>
      {(page) =>
        page.items.length ? (
          <ol className="events">
            {page.items.map((e) => (
              <EventItem key={e.id} e={e} />
            ))}
          </ol>
        ) : (
          <p className="muted">No events read for {year}.</p>
        )
      }
    </Loaded>
  );
}

function ShortEvents({ items, empty }: { items: EventRow[]; empty: string }) {
  if (!items.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="compact">
      {items.map((e) => (
        <li key={e.id}>
          <time>{formatDate(e.date)}</time> <EventSummary e={e} />{" "}
          <Link className="cite" to={evidenceHref(e)} aria-label={`Evidence of event ${e.id}`}>
            evidence →
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function Partner({ code }: { code: string }) {
  const [query, setQuery] = useQueryState();
  const detail = useApi<PartnerDetail>(`/api/partners/${encodeURIComponent(code)}`);
  return (
    <Loaded value={detail}>
      {(p) => {
        const years = p.years.map((y) => y.year);
        const requested = Number(query.get("year"));
        const year = years.includes(requested) ? requested : (years.at(-1) ?? null);
        return (
          <>
            <h1>
              Japan and {countryName(p.code)} <span className="code">{p.code}</span>
            </h1>
            <p className="muted">
              {p.events} events read from the texts, {p.meetings} of them meetings.{" "}
              <Link to={href("/timeline", { country: p.code })}>All in the timeline →</Link>
            </p>
            <section aria-labelledby="years-h">
              <h2 id="years-h">Year by year: what the texts state beside what was read</h2>
              <div className="table-wrap">
                <table className="years">
                  <thead>
                    <tr>
                      <th scope="col">Year</th>
                      <th scope="col">Stated counts</th>
                      <th scope="col">Meetings read</th>
                      <th scope="col">Events read</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.years.map((y) => (
                      <tr key={y.year} className={y.year === year ? "current" : undefined}>
                        <th scope="row">
                          <Link
                            to={href(`/partner/${p.code}`, { year: y.year })}
                            aria-current={y.year === year ? "true" : undefined}
                            onClick={(e) => {
                              e.preventDefault();
                              setQuery({ year: String(y.year) }, { replace: true });
                            }}
                          >
                            {y.year}
                          </Link>
                        </th>
                        <td>
                          {y.stated.length ? (
                            <ul className="plain">
                              {y.stated.map((c) => (
                                <StatedCount key={c.id} c={c} />
                              ))}
                              {y.statedTotal > y.stated.length ? (
                                <li className="muted">
                                  and {y.statedTotal - y.stated.length} more stated counts (
                                  <a href={apiUrl("/counts", { country: p.code, from: y.year, to: y.year })}>all</a>)
                                </li>
                              ) : null}
                            </ul>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                        <td className="num">{y.meetings}</td>
                        <td className="num">{y.events}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            {year != null ? (
              <section aria-labelledby="year-events-h">
                <h2 id="year-events-h">Events in {year}</h2>
                <YearEvents code={p.code} year={year} />
              </section>
            ) : null}
            <div className="columns">
              <section aria-labelledby="visits-h">
                <h2 id="visits-h">Visits</h2>
                <h3>From Japan to {countryName(p.code)}</h3>
                <ShortEvents items={p.visits.fromJapan} empty="None read." />
                <h3>From {countryName(p.code)} to Japan</h3>
                <ShortEvents items={p.visits.toJapan} empty="None read." />
                {p.visits.more ? (
                  <p className="muted">
                    The first {p.visits.toJapan.length + p.visits.fromJapan.length} visits.{" "}
                    <Link to={href("/timeline", { country: p.code, type: "visit" })}>All in the timeline →</Link>
                  </p>
                ) : null}
              </section>
              <section aria-labelledby="persons-h">
                <h2 id="persons-h">Persons met</h2>
                {p.persons.length ? (
                  <ul className="compact met">
                    {p.persons.map((x) => (
                      <li key={x.id}>
                        <PersonLink name={x.name} />
                        {x.roles.length ? <span className="muted">, {x.roles.join("; ")}</span> : null}
                        <span className="muted when">
                          {" · "}
                          <span className="num" title={`meetings and visits with ${countryName(p.code)}`}>
                            {x.events} {x.events === 1 ? "event" : "events"}
                          </span>
                          {x.first ? (
                            x.first === x.last ? (
                              <>
                                , <time>{formatDate(x.first)}</time>
                              </>
                            ) : (
                              <>
                                , <time>{formatDate(x.first)}</time> – <time>{formatDate(x.last)}</time>
                              </>
                            )
                          ) : null}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">None read.</p>
                )}
                {p.persons.length ? (
                  <p className="muted">
                    Persons other than Japan's officials in the meetings and visits with {countryName(p.code)}: how
                    many, and the first and last date read.
                  </p>
                ) : null}
              </section>
            </div>
            <section aria-labelledby="agreements-h">
              <h2 id="agreements-h">Agreements</h2>
              <ShortEvents items={p.agreements} empty="None read." />
              {p.agreementsMore ? (
                <p className="muted">
                  The first {p.agreements.length} agreements.{" "}
                  <Link to={href("/timeline", { country: p.code, type: "agreement" })}>All in the timeline →</Link>
                </p>
              ) : null}
            </section>
          </>
        );
      }}
    </Loaded>
  );
}
