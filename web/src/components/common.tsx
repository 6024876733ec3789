import type { ReactNode } from "react";
import type { EventRow, Loadable } from "../api.js";
import { countryName } from "../countries.js";
import { formatDate, LEVEL_LABEL, label, MODALITY_LABEL, TYPE_LABEL } from "../labels.js";
import { href, Link } from "../router.js";

/** Renders a loadable: a status line while loading or on error, else the children. */
export function Loaded<T>({ value, children }: { value: Loadable<T>; children: (data: T) => ReactNode }) {
  if (value.state === "loading")
    return (
      <p className="status" role="status">
        Loading…
      </p>
    );
  if (value.state === "error")
    return (
      <p className="status error" role="alert">
        {value.error.message}
      </p>
    );
  return <>{children(value.data)}</>;
}

export function CountryLink({ code }: { code: string }) {
  if (code === "JPN") return <span className="country">{countryName(code)}</span>;
  return (
    <Link className="country" to={`/partner/${encodeURIComponent(code)}`}>
      {countryName(code)}
    </Link>
  );
}

export function PersonLink({ name }: { name: string }) {
  return <Link to={`/person/${encodeURIComponent(name)}`}>{name}</Link>;
}

/** The reader's address for an event's evidence. */
export function evidenceHref(e: EventRow): string {
  return href(`/document/${e.evidence.documentId}`, { event: e.id });
}

export function EventSummary({ e }: { e: EventRow }) {
  const kind = [
    label(TYPE_LABEL, e.type),
    label(LEVEL_LABEL, e.level),
    e.modality && e.modality !== "in_person" ? label(MODALITY_LABEL, e.modality) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <>
      <span className={`tag t-${e.type}`}>{kind}</span> {e.title ? <strong>{e.title}</strong> : null}
      {e.countries.length ? (
        <span className="parties">
          {e.title ? " — " : ""}
          {e.countries.map((c, i) => (
            <span key={c}>
              {i ? ", " : ""}
              <CountryLink code={c} />
            </span>
          ))}
        </span>
      ) : null}
      {e.participants.length ? (
        <span className="who">
          {" "}
          with{" "}
          {e.participants.map((p, i) => (
            <span key={p}>
              {i ? ", " : ""}
              <PersonLink name={p} />
            </span>
          ))}
        </span>
      ) : null}
      {e.place || e.location ? <span className="where"> in {e.place ?? countryName(e.location!)}</span> : null}
      {e.status ? <span className="status-tag"> ({e.status.replace(/_/g, " ")})</span> : null}
    </>
  );
}

/** One event: date, summary, the sentence it came from, and a link to that sentence in the reader. */
export function EventItem({ e, showDate = true }: { e: EventRow; showDate?: boolean }) {
  return (
    <li className="event">
      <div className="event-head">
        {showDate ? <time dateTime={e.date ?? undefined}>{formatDate(e.date)}</time> : null}
        <div>
          <EventSummary e={e} />
        </div>
      </div>
      <blockquote className="evidence">
        {e.evidence.text}{" "}
        <Link className="cite" to={evidenceHref(e)} aria-label={`Open the sentence in ${e.evidence.documentKey}`}>
          {e.evidence.documentKey}
          {e.evidence.edition ? ` (Bluebook ${e.evidence.edition})` : ""} →
        </Link>
      </blockquote>
    </li>
  );
}

export function Pager({
  total,
  limit,
  offset,
  onOffset,
}: {
  total: number | null;
  limit: number;
  offset: number;
  onOffset: (o: number) => void;
}) {
  if (total != null && total <= limit && offset === 0) return null;
  const last = total != null ? Math.min(offset + limit, total) : offset + limit;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        ← Previous
      </button>
      <span>
        {total === 0 ? 0 : offset + 1}–{last}
        {total != null ? ` of ${total}` : ""}
      </span>
      <button
        type="button"
        disabled={total != null && offset + limit >= total}
        onClick={() => onOffset(offset + limit)}
      >
        Next →
      </button>
    </nav>
  );
}
