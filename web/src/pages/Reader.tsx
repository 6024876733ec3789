/**
 * The reader: a document's text with every extracted item highlighted by kind.
 * The text is rendered as React text nodes only, so markup in a document shows
 * as the characters it is. Selection lives in the URL (?event=, ?count=, ?item=).
 */
import { type ReactNode, useEffect, useMemo } from "react";
import type { CountRow, DocumentText, EventRow, MentionRow } from "../api.js";
import { apiUrl, useApi } from "../api.js";
import { CountryLink, EventSummary, Loaded, PersonLink } from "../components/common.js";
import { countryName } from "../countries.js";
import { formatDate, LEVEL_LABEL, label } from "../labels.js";
import { href, Link, useQueryState } from "../router.js";

const KINDS = [
  ["country", "Countries"],
  ["person", "Persons"],
  ["organization", "Organizations"],
  ["event", "Event evidence"],
  ["count", "Count evidence"],
] as const;

interface Group {
  start: number;
  end: number;
  events: EventRow[];
  counts: CountRow[];
  /** the sentence a search result pointed to */
  hit: boolean;
}

function groupEvidence(events: EventRow[], counts: CountRow[], hit?: { start: number; end: number }): Group[] {
  const spans: Group[] = [
    ...events.map((e) => ({ start: e.evidence.start, end: e.evidence.end, events: [e], counts: [], hit: false })),
    ...counts.map((c) => ({ start: c.evidence.start, end: c.evidence.end, events: [], counts: [c], hit: false })),
    ...(hit ? [{ start: hit.start, end: hit.end, events: [], counts: [], hit: true }] : []),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Group[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.events.push(...s.events);
      last.counts.push(...s.counts);
      last.hit ||= s.hit;
    } else out.push({ ...s, events: [...s.events], counts: [...s.counts] });
  }
  return out;
}

function cleanMentions(mentions: MentionRow[]): MentionRow[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MentionRow[] = [];
  for (const m of sorted) if (!out.length || m.start >= out.at(-1)!.end) out.push(m);
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const mentionId = (m: MentionRow) => `${m.start}-${m.end}`;

function Text({
  data,
  groups,
  selected,
  target,
  onMention,
  onGroup,
}: {
  data: DocumentText;
  groups: Group[];
  selected: string | null;
  target: Group | null;
  onMention: (m: MentionRow) => void;
  onGroup: (g: Group) => void;
}) {
  const { text } = data;
  const mentions = useMemo(() => cleanMentions(data.mentions), [data]);

  let mi = 0;
  const range = (a: number, b: number): ReactNode[] => {
    const nodes: ReactNode[] = [];
    let pos = a;
    while (mi < mentions.length && mentions[mi]!.start < b) {
      const m = mentions[mi]!;
      mi++;
      if (m.start < pos || m.end > b) continue; // straddles an evidence border: leave it plain
      if (m.start > pos) nodes.push(text.slice(pos, m.start));
      const id = mentionId(m);
      nodes.push(
        <button
          type="button"
          key={`m${id}`}
          className={`mention k-${m.kind}${selected === id ? " selected" : ""}`}
          aria-pressed={selected === id}
          title={`${m.kind}: ${m.kind === "country" ? countryName(m.key) : m.key}`}
          onClick={() => onMention(m)}
        >
          {text.slice(m.start, m.end)}
        </button>,
      );
      pos = m.end;
    }
    if (pos < b) nodes.push(text.slice(pos, b));
    return nodes;
  };

  const nodes: ReactNode[] = [];
  let pos = 0;
  for (const g of groups) {
    if (g.start < pos) continue;
    nodes.push(...range(pos, g.start));
    const kinds = `${g.events.length ? " k-event" : ""}${g.counts.length ? " k-count" : ""}${g.hit ? " k-hit" : ""}`;
    const what = [
      g.events.length ? `${g.events.length} event${g.events.length > 1 ? "s" : ""}` : null,
      g.counts.length ? `${g.counts.length} count${g.counts.length > 1 ? "s" : ""}` : null,
    ]
      .filter(Boolean)
      .join(", ");
    nodes.push(
      <mark
        key={`g${g.start}`}
        id={`ev-${g.start}`}
        tabIndex={-1}
        className={`evidence${kinds}${target?.start === g.start ? " target" : ""}`}
      >
        {range(g.start, g.end)}
        {what ? (
          <button type="button" className="ev-tag" onClick={() => onGroup(g)} aria-label={`Show the ${what} read here`}>
            {what}
          </button>
        ) : null}
      </mark>,
    );
    pos = g.end;
  }
  nodes.push(...range(pos, text.length));
  return <div className="doc-text">{nodes}</div>;
}

function EventRecord({ e, current }: { e: EventRow; current: boolean }) {
  return (
    <div className={`record${current ? " current" : ""}`}>
      <p>
        <EventSummary e={e} />
      </p>
      <dl>
        <dt>Date</dt>
        <dd>{formatDate(e.date)}</dd>
        {e.location ? (
          <>
            <dt>Location</dt>
            <dd>
              {countryName(e.location)}
              {e.place ? `, ${e.place}` : ""}
            </dd>
          </>
        ) : null}
        {e.organization ? (
          <>
            <dt>Organization</dt>
            <dd>{e.organization}</dd>
          </>
        ) : null}
        <dt>Record</dt>
        <dd>
          <Link to={href("/timeline", { country: e.countries.filter((c) => c !== "JPN")[0], type: e.type })}>
            event #{e.id}
          </Link>{" "}
          · <a href={`/api/events/${e.id}`}>JSON</a>
        </dd>
      </dl>
    </div>
  );
}

function CountRecord({ c, current }: { c: CountRow; current: boolean }) {
  return (
    <div className={`record${current ? " current" : ""}`}>
      <p>
        <span className="tag t-count">Stated count</span>{" "}
        <strong>{c.approximate ? `about ${c.total}` : c.total}</strong> {label(LEVEL_LABEL, c.level).toLowerCase()} with{" "}
        {c.countries
          .filter((x) => x !== "JPN")
          .map((x) => (
            <CountryLink key={x} code={x} />
          ))}
      </p>
      <dl>
        {c.telephone ? (
          <>
            <dt>By telephone</dt>
            <dd>{c.telephone}</dd>
          </>
        ) : null}
        {c.video ? (
          <>
            <dt>By video</dt>
            <dd>{c.video}</dd>
          </>
        ) : null}
        <dt>Period</dt>
        <dd>{c.periodStart ? `${formatDate(c.periodStart)} – ${formatDate(c.periodEnd)}` : "not stated"}</dd>
      </dl>
    </div>
  );
}

function MentionRecord({ m }: { m: MentionRow }) {
  return (
    <div className="record current">
      <p>
        <span className={`tag k-${m.kind}`}>{m.kind}</span> “{m.surface}”
      </p>
      <dl>
        <dt>Refers to</dt>
        <dd>
          {m.kind === "country" ? (
            <CountryLink code={m.key} />
          ) : m.kind === "person" ? (
            <PersonLink name={m.key} />
          ) : (
            <Link to={href("/search", { q: m.surface })}>{m.key}</Link>
          )}
        </dd>
        <dt>Offsets</dt>
        <dd>
          {m.start}–{m.end}
        </dd>
      </dl>
    </div>
  );
}

export function Reader({ id }: { id: string }) {
  const [query, setQuery] = useQueryState();
  const doc = useApi<DocumentText>(apiUrl(`/documents/${encodeURIComponent(id)}/text`));
  const eventId = Number(query.get("event")) || null;
  const countId = Number(query.get("count")) || null;
  const item = query.get("item");
  const hidden = new Set((query.get("hide") ?? "").split(",").filter(Boolean));

  const sentenceId = Number(query.get("sentence")) || null;
  const data = doc.state === "ok" ? doc.data : null;
  const hit = data && sentenceId ? data.sentences.find((s) => s.id === sentenceId) : undefined;
  const groups = useMemo(() => (data ? groupEvidence(data.events, data.counts, hit) : []), [data, hit]);
  const target =
    groups.find(
      (g) =>
        (eventId && g.events.some((e) => e.id === eventId)) ||
        (countId && g.counts.some((c) => c.id === countId)) ||
        (!eventId && !countId && !item && g.hit),
    ) ?? null;
  const evidenceTarget = target && (target.events.length || target.counts.length) ? target : null;

  useEffect(() => {
    if (!target) return;
    const el = document.getElementById(`ev-${target.start}`);
    el?.scrollIntoView({ block: "center" });
    el?.focus({ preventScroll: true });
  }, [target]);

  const selectedMention = data && item ? data.mentions.find((m) => mentionId(m) === item) : undefined;
  const toggle = (kind: string) => {
    const next = new Set(hidden);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setQuery({ hide: [...next].join(",") }, { replace: true });
  };

  return (
    <Loaded value={doc}>
      {(d) => (
        <div className="reader">
          <header className="doc-head">
            <h1>{d.document.title ?? d.document.key}</h1>
            <p className="muted">
              {d.document.key} · {d.document.kind}
              {d.document.edition ? ` · Diplomatic Bluebook ${d.document.edition}` : ""}
              {d.document.section ? ` · ${d.document.section}` : ""}
              {d.document.date ? ` · ${formatDate(d.document.date)}` : ""} · {d.document.wordCount.toLocaleString("en")}{" "}
              words
              {d.document.sample ? <span className="badge">sample text, not a ministry text</span> : null}
            </p>
            <fieldset className="legend-toggles">
              <legend>Highlight</legend>
              {KINDS.map(([k, l]) => (
                <label key={k} className={`k-${k}`}>
                  <input type="checkbox" checked={!hidden.has(k)} onChange={() => toggle(k)} /> {l}
                </label>
              ))}
            </fieldset>
          </header>
          <div className="reader-layout">
            <article className={[...hidden].map((k) => `hide-${k}`).join(" ")} aria-label="Document text">
              <Text
                data={d}
                groups={groups}
                selected={item}
                target={target}
                onMention={(m) =>
                  setQuery({ item: mentionId(m), event: null, count: null, sentence: null }, { replace: true })
                }
                onGroup={(g) =>
                  setQuery(
                    g.events[0]
                      ? { event: String(g.events[0].id), count: null, item: null, sentence: null }
                      : { count: String(g.counts[0]!.id), event: null, item: null, sentence: null },
                    { replace: true },
                  )
                }
              />
            </article>
            <aside
              className={`panel${evidenceTarget || selectedMention ? " has-selection" : ""}`}
              aria-label="Selected record"
              aria-live="polite"
            >
              {evidenceTarget || selectedMention ? (
                <button
                  type="button"
                  className="close secondary"
                  aria-label="Close the record"
                  onClick={() => setQuery({ event: null, count: null, item: null, sentence: null }, { replace: true })}
                >
                  ×
                </button>
              ) : null}
              {evidenceTarget ? (
                <>
                  <h2>Read from the marked sentence</h2>
                  {evidenceTarget.events.map((e) => (
                    <EventRecord key={`e${e.id}`} e={e} current={e.id === eventId} />
                  ))}
                  {evidenceTarget.counts.map((c) => (
                    <CountRecord key={`c${c.id}`} c={c} current={c.id === countId} />
                  ))}
                </>
              ) : selectedMention ? (
                <>
                  <h2>Mention</h2>
                  <MentionRecord m={selectedMention} />
                </>
              ) : (
                <>
                  <h2>In this document</h2>
                  <p>
                    {plural(d.events.length, "event")}, {plural(d.counts.length, "stated count")},{" "}
                    {plural(d.mentions.length, "mention")} in {plural(d.sentences.length, "sentence")}. Select a
                    highlighted item to see its record.
                  </p>
                </>
              )}
            </aside>
          </div>
        </div>
      )}
    </Loaded>
  );
}
