/**
 * Reconciliation: a count the text states ("three summit meetings (including
 * two telephone calls)") next to the events the corpus lists one by one for
 * the same parties, level and period.
 *
 * - stated = listed: "agrees".
 * - stated < listed: "contradiction" (the text lists more meetings than it says there were).
 * - stated > listed: "partial" (the record lists fewer: not every meeting is described).
 * - an approximate count ("over 40", "about 10"): "approximate" unless the
 *   listed events exceed an "about"/"some" figure by far; an "over N" count
 *   contradicts nothing when more are listed.
 * - "not_comparable": no period can be known, or no partner is named.
 * Telephone and video sub-counts are compared too; a disagreement there is a note.
 *
 * Events are meetings (negotiation rounds for `negotiation_round` counts) of
 * the same level between exactly the same parties, dated inside the period.
 * The same meeting reported by several documents (a readout and a Bluebook)
 * is counted once: same modality and compatible dates ("2022-05" and
 * "2022-05-23"). Events dated only by a year, inside a period shorter than
 * that year, are "uncertain" and not counted.
 */
import type { CountRow, EventRow } from "../storage/api.js";

export type ReconcileStatus = "agrees" | "contradiction" | "partial" | "approximate" | "not_comparable";

export interface ListedEvent {
  id: number;
  date: string | null;
  modality: string | null;
  documentKey: string;
  edition: number | null;
  text: string;
  /** other documents that report the same meeting */
  alsoIn: string[];
}

export interface ReconcileRow {
  partner: string;
  countries: string[];
  level: string;
  /** the calendar year of the period when it lies within one year */
  year: number | null;
  period: { start: string; end: string } | null;
  stated: { total: number; telephone: number | null; video: number | null; approximate: boolean };
  listed: { total: number; telephone: number; video: number; inPerson: number; uncertain: number };
  status: ReconcileStatus;
  notes: string[];
  count: { id: number; documentKey: string; edition: number | null; start: number; end: number; text: string };
  events: ListedEvent[];
}

export interface ReconcileResult {
  country: string | null;
  summary: Record<ReconcileStatus, number>;
  rows: ReconcileRow[];
}

export interface ReconcileOptions {
  /** only counts with this party (alpha-3 or organization id) */
  country?: string;
  /** "corpus": events from every document (default); "document": only from the count's own document */
  scope?: "corpus" | "document";
  /** the home country left out of the partner label; default JPN */
  home?: string;
}

const DAYS_IN_MONTH = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A partial date ("2022", "2022-05", "2022-05-23") as an inclusive day range, "YYYY-MM-DD". */
export function dateRange(d: string): [string, string] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) return [d, d];
  if (m[2]) {
    const mm = Number(m[2]);
    return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${String(DAYS_IN_MONTH(y, mm)).padStart(2, "0")}`];
  }
  return [`${m[1]}-01-01`, `${m[1]}-12-31`];
}

/** The count's period as a day range, falling back to the edition's covered year. */
function periodOf(c: CountRow): { start: string; end: string } | null {
  if (c.periodStart && c.periodEnd) return { start: c.periodStart, end: c.periodEnd };
  if (c.evidence.edition) {
    const y = c.evidence.edition - 1;
    return { start: `${y}-01`, end: `${y}-12` };
  }
  return null;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Are two partial dates compatible (one refines the other)? */
const compatible = (a: string | null, b: string | null) => !!a && !!b && (a.startsWith(b) || b.startsWith(a));

export function reconcile(counts: CountRow[], events: EventRow[], opts: ReconcileOptions = {}): ReconcileResult {
  const home = opts.home ?? "JPN";
  const want = opts.country?.toUpperCase();
  const rows: ReconcileRow[] = [];
  for (const c of counts) {
    if (want && !c.countries.includes(want)) continue;
    const partners = c.countries.filter((x) => x !== home);
    const period = periodOf(c);
    const notes: string[] = [];
    const row: ReconcileRow = {
      partner: partners.join("-") || "(unnamed)",
      countries: [...c.countries].sort(),
      level: c.level,
      year: period && period.start.slice(0, 4) === period.end.slice(0, 4) ? Number(period.start.slice(0, 4)) : null,
      period,
      stated: { total: c.total, telephone: c.telephone, video: c.video, approximate: c.approximate },
      listed: { total: 0, telephone: 0, video: 0, inPerson: 0, uncertain: 0 },
      status: "not_comparable",
      notes,
      count: {
        id: c.id,
        documentKey: c.evidence.documentKey,
        edition: c.evidence.edition,
        start: c.evidence.start,
        end: c.evidence.end,
        text: c.evidence.text,
      },
      events: [],
    };
    rows.push(row);
    if (!partners.length) {
      notes.push("the count names no partner");
      continue;
    }
    if (!period) {
      notes.push("the count's period is unknown");
      continue;
    }
    const [pLo] = dateRange(period.start) ?? [];
    const [, pHi] = dateRange(period.end) ?? [];
    if (!pLo || !pHi) {
      notes.push(`the period ${period.start}..${period.end} cannot be read`);
      continue;
    }
    const type = c.level === "negotiation_round" ? "negotiation" : "meeting";
    const candidates = events.filter(
      (e) =>
        e.type === type &&
        (type === "negotiation" || e.level === c.level) &&
        sameSet(e.countries, c.countries) &&
        (opts.scope !== "document" || e.evidence.documentId === c.evidence.documentId),
    );
    // Most precise dates first, so a "2022-05" report folds into the "2022-05-23" one.
    candidates.sort((a, b) => (b.date?.length ?? 0) - (a.date?.length ?? 0) || a.id - b.id);
    const kept: ListedEvent[] = [];
    const keptRows: EventRow[] = [];
    for (const e of candidates) {
      if (!e.date) continue;
      const r = dateRange(e.date);
      if (!r) continue;
      const [lo, hi] = r;
      if (hi < pLo || lo > pHi) continue;
      if (lo < pLo || hi > pHi) {
        row.listed.uncertain++;
        continue;
      }
      const dup = keptRows.findIndex(
        (k) => (k.modality ?? "in_person") === (e.modality ?? "in_person") && compatible(k.date, e.date),
      );
      if (dup >= 0) {
        const k = kept[dup]!;
        if (k.documentKey !== e.evidence.documentKey && !k.alsoIn.includes(e.evidence.documentKey))
          k.alsoIn.push(e.evidence.documentKey);
        continue;
      }
      keptRows.push(e);
      kept.push({
        id: e.id,
        date: e.date,
        modality: e.modality,
        documentKey: e.evidence.documentKey,
        edition: e.evidence.edition,
        text: e.evidence.text,
        alsoIn: [],
      });
    }
    kept.sort((a, b) => ((a.date ?? "") < (b.date ?? "") ? -1 : (a.date ?? "") > (b.date ?? "") ? 1 : a.id - b.id));
    row.events = kept;
    for (const k of kept) {
      row.listed.total++;
      if (k.modality === "telephone") row.listed.telephone++;
      else if (k.modality === "video") row.listed.video++;
      else row.listed.inPerson++;
    }
    const listed = row.listed.total;
    if (c.approximate) {
      row.status = "approximate";
      if (listed > c.total) notes.push(`${listed} listed, more than the approximate ${c.total} stated`);
    } else if (listed === c.total) row.status = "agrees";
    else if (listed > c.total) row.status = "contradiction";
    else row.status = "partial";
    if (row.status === "contradiction")
      notes.push(`the text states ${c.total} but the corpus lists ${listed} one by one`);
    if (row.status === "partial") notes.push(`the text states ${c.total}; the corpus lists only ${listed}`);
    if (c.telephone !== null && c.telephone !== undefined && row.listed.telephone > c.telephone)
      notes.push(`${row.listed.telephone} telephone talks listed, ${c.telephone} stated`);
    if (c.video !== null && c.video !== undefined && row.listed.video > c.video)
      notes.push(`${row.listed.video} video conferences listed, ${c.video} stated`);
    if (row.listed.uncertain) notes.push(`${row.listed.uncertain} event(s) dated too loosely to tell`);
  }
  rows.sort(
    (a, b) =>
      a.partner.localeCompare(b.partner) ||
      (a.year ?? 0) - (b.year ?? 0) ||
      a.level.localeCompare(b.level) ||
      a.count.id - b.count.id,
  );
  const summary: Record<ReconcileStatus, number> = {
    agrees: 0,
    contradiction: 0,
    partial: 0,
    approximate: 0,
    not_comparable: 0,
  };
  for (const r of rows) summary[r.status]++;
  return { country: want ?? null, summary, rows };
}
