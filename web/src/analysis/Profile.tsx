import { apiUrl, useApi } from "../api.js";
import { Loaded } from "../components/common.js";
import { countryName } from "../countries.js";
import { href, Link, useQueryState } from "../router.js";
import { DocLink, formValues, type ProfileResult } from "./shared.js";

/** How the texts describe a partner, edition by edition: phrases, stated counts, events, agreements. */
export function Profile() {
  const [query, setQuery] = useQueryState();
  const partner = (query.get("partner") ?? "").trim();
  const result = useApi<ProfileResult>(partner ? apiUrl(`/analysis/profile/${encodeURIComponent(partner)}`) : null);
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    const get = formValues(e);
    setQuery({ partner: get("partner") });
  };
  return (
    <>
      <h1>Partner profile</h1>
      <form className="filters" onSubmit={submit} key={query.toString()}>
        <label className="grow">
          Partner (code or name)
          <input name="partner" defaultValue={partner} required placeholder="USA" maxLength={100} />
        </label>
        <button type="submit">Show</button>
      </form>
      {partner ? (
        <Loaded value={result}>
          {(p) => (
            <>
              <p>
                <Link to={`/partner/${encodeURIComponent(p.partner)}`}>{countryName(p.partner)}</Link>{" "}
                <span className="muted">(names looked for: {p.names.join(", ")})</span> ·{" "}
                <Link to={href("/reconcile", { country: p.partner })}>reconcile its counts</Link>
              </p>
              {p.editions.length ? null : <p className="status">Nothing about {p.partner} in the store.</p>}
              {p.editions.map((e) => (
                <section key={e.edition ?? "none"} className="an-edition">
                  <h2>{e.edition ?? "Readouts and other texts"}</h2>
                  {e.phrases.length ? (
                    <ul className="an-phrases">
                      {e.phrases.map((ph) => (
                        <li key={`${ph.pattern}:${ph.phrase}`}>
                          <strong>{ph.phrase}</strong> <span className="num">×{ph.count}</span>
                          <blockquote>
                            {ph.evidence[0]!.text} <DocLink docKey={ph.evidence[0]!.documentKey} />
                          </blockquote>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {e.counts.length ? (
                    <ul>
                      {e.counts.map((c) => (
                        <li key={`${c.evidence.documentKey}:${c.evidence.start}:${c.level}`}>
                          Stated: {c.approximate ? "about " : ""}
                          {c.total} {c.level.replace(/_/g, " ")} ({c.period.start}–{c.period.end}) —{" "}
                          <span className="muted">{c.evidence.text}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {e.events.total ? (
                    <p>
                      Events:{" "}
                      {Object.entries(e.events.byType)
                        .map(([t, n]) => `${n} ${t.replace(/_/g, " ")}`)
                        .join(", ")}
                    </p>
                  ) : null}
                  {e.agreements.length ? (
                    <ul>
                      {e.agreements.map((a) => (
                        <li key={`${a.documentKey}:${a.title}:${a.date}`}>
                          {a.title ?? "(untitled)"}{" "}
                          <span className="muted">
                            ({a.status ?? "?"}, {a.date ?? "undated"})
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </section>
              ))}
            </>
          )}
        </Loaded>
      ) : (
        <p className="muted">Enter a partner, e.g. USA or Canada.</p>
      )}
    </>
  );
}
