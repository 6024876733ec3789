import { type PersonDetail, useApi } from "../api.js";
import { CountryLink, EventItem, Loaded } from "../components/common.js";
import { href, Link } from "../router.js";

export function Person({ id }: { id: string }) {
  const detail = useApi<PersonDetail>(`/api/persons/${encodeURIComponent(id)}`);
  return (
    <Loaded value={detail}>
      {(d) => (
        <>
          <h1>{d.person.name}</h1>
          <p className="muted">
            {d.person.country ? <CountryLink code={d.person.country} /> : "Country unknown"} · named in{" "}
            {d.person.documents} document{d.person.documents === 1 ? "" : "s"} · {d.eventsTotal} event
            {d.eventsTotal === 1 ? "" : "s"}
          </p>
          <section aria-labelledby="offices-h">
            <h2 id="offices-h">Offices</h2>
            {d.offices.length ? (
              <ul className="compact">
                {d.offices.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">No office stated in the texts.</p>
            )}
          </section>
          <section aria-labelledby="events-h">
            <h2 id="events-h">Events</h2>
            {d.events.length ? (
              <ol className="events">
                {d.events.map((e) => (
                  <EventItem key={e.id} e={e} />
                ))}
              </ol>
            ) : (
              <p className="muted">No events with this person.</p>
            )}
            {d.eventsTotal > d.events.length ? (
              <p className="muted">
                The first {d.events.length} of {d.eventsTotal}.{" "}
                <Link to={href("/timeline", { person: d.person.name })}>All in the timeline →</Link>
              </p>
            ) : null}
          </section>
          <section aria-labelledby="docs-h">
            <h2 id="docs-h">Documents</h2>
            <ul className="compact">
              {d.documents.map((doc) => (
                <li key={doc.id}>
                  <Link to={`/document/${doc.id}`}>{doc.key}</Link>
                  <span className="muted">
                    {doc.edition ? ` · Bluebook ${doc.edition}` : ""}
                    {doc.section ? ` · ${doc.section}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Loaded>
  );
}
