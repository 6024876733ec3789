/**
 * Exports of the event record: JSON Lines, CSV (RFC 4180) and PLOVER
 * (see PLOVER.md beside this file for the mapping and the CAMEO crosswalk).
 * Every row carries its evidence: document key, offsets and the sentence.
 */
import type { EventRow } from "../storage/api.js";

export type ExportFormat = "jsonl" | "csv" | "plover";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["jsonl", "csv", "plover"];

/** One event as an export record (the JSON Lines shape). */
export function eventRecord(e: EventRow) {
  return {
    id: e.id,
    type: e.type,
    level: e.level,
    modality: e.modality,
    date: e.date,
    countries: e.countries,
    location: e.location,
    place: e.place,
    participants: e.participants,
    title: e.title,
    status: e.status,
    organization: e.organization,
    document: e.evidence.documentKey,
    edition: e.evidence.edition,
    section: e.evidence.section,
    evidence: { start: e.evidence.start, end: e.evidence.end, text: e.evidence.text },
  };
}

/** JSON Lines: one event per line. */
export function* toJsonl(events: Iterable<EventRow>): Generator<string> {
  for (const e of events) yield `${JSON.stringify(eventRecord(e))}\n`;
}

export const CSV_COLUMNS = [
  "id",
  "type",
  "level",
  "modality",
  "date",
  "countries",
  "location",
  "place",
  "participants",
  "title",
  "status",
  "organization",
  "document",
  "edition",
  "section",
  "evidence_start",
  "evidence_end",
  "evidence_text",
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF,
 * quotes doubled. Text that a spreadsheet would run as a formula (= + - @ at
 * the start) is prefixed with an apostrophe; numbers are left alone.
 */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = Array.isArray(v) ? v.join("; ") : String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a header row, CRLF line ends, one row per event; `bom` adds a UTF-8 BOM for spreadsheet programs. */
export function* toCsv(events: Iterable<EventRow>, opts: { bom?: boolean } = {}): Generator<string> {
  yield `${opts.bom ? "\uFEFF" : ""}${CSV_COLUMNS.join(",")}\r\n`;
  for (const e of events) {
    const r = eventRecord(e);
    const cells = [
      r.id,
      r.type,
      r.level,
      r.modality,
      r.date,
      r.countries,
      r.location,
      r.place,
      r.participants,
      r.title,
      r.status,
      r.organization,
      r.document,
      r.edition,
      r.section,
      r.evidence.start,
      r.evidence.end,
      r.evidence.text,
    ];
    yield `${cells.map(csvField).join(",")}\r\n`;
  }
}

export type PloverType = "CONSULT" | "AGREE";
export type PloverMode = "visit" | "third-party" | "multilateral" | "phone" | null;

export interface PloverRecord {
  id: string;
  event_date: string | null;
  /** "day", "month", "year" or null */
  date_precision: "day" | "month" | "year" | null;
  event_type: PloverType;
  mode: PloverMode;
  actor: string;
  recipient: string;
  /** CAMEO code of the crosswalk (null where CAMEO has none) */
  cameo: string | null;
  /** false where the text does not tell who visited whom (actor/recipient in code order) */
  oriented: boolean;
  source: {
    panorama_event: number | null;
    type: string;
    level: string | null;
    modality: string | null;
    title: string | null;
    status: string | null;
    place: string | null;
    location: string | null;
    participants: string[];
    document: string;
    edition: number | null;
    start: number;
    end: number;
    text: string;
  };
}

/** An announced future meeting ("agreed to hold the next 2+2 in 2025"): exported as AGREE. */
export interface AnnouncedMeeting {
  countries: string[];
  /** the date of the sentence's context (the document's covered year or readout date) */
  date: string | null;
  what: string;
  documentKey: string;
  edition: number | null;
  start: number;
  end: number;
  text: string;
}

const precision = (d: string | null): PloverRecord["date_precision"] =>
  !d ? null : d.length === 10 ? "day" : d.length === 7 ? "month" : "year";

/** Actor and recipient: the home country acts, the partner receives, unless the text says who travelled. */
function pair(countries: string[], home: string): [string, string] {
  const others = countries.filter((c) => c !== home);
  if (countries.includes(home)) return [home, others.join(";") || home];
  return [countries[0] ?? "", countries.slice(1).join(";")];
}

/** PLOVER records for the events that map (meetings, visits, negotiations, agreements); see PLOVER.md. */
export function toPlover(events: Iterable<EventRow>, opts: { home?: string; announced?: AnnouncedMeeting[] } = {}) {
  const home = opts.home ?? "JPN";
  const out: PloverRecord[] = [];
  const source = (e: EventRow): PloverRecord["source"] => ({
    panorama_event: e.id,
    type: e.type,
    level: e.level,
    modality: e.modality,
    title: e.title,
    status: e.status,
    place: e.place,
    location: e.location,
    participants: e.participants,
    document: e.evidence.documentKey,
    edition: e.evidence.edition,
    start: e.evidence.start,
    end: e.evidence.end,
    text: e.evidence.text,
  });
  for (const e of events) {
    const base = { id: `panorama-${e.id}`, event_date: e.date, date_precision: precision(e.date) };
    const src = source(e);
    const parties = [...e.countries].sort();
    if (parties.length < 2 && e.type !== "agreement") continue;
    if (e.type === "meeting" || e.type === "visit") {
      if (e.type === "meeting" && (e.modality === "telephone" || e.modality === "video")) {
        const [actor, recipient] = pair(parties, home);
        out.push({
          ...base,
          event_type: "CONSULT",
          mode: "phone",
          actor,
          recipient,
          cameo: "041",
          oriented: true,
          source: src,
        });
        continue;
      }
      if (parties.length > 2) {
        const [actor, recipient] = pair(parties, home);
        out.push({
          ...base,
          event_type: "CONSULT",
          mode: "multilateral",
          actor,
          recipient,
          cameo: "040",
          oriented: true,
          source: src,
        });
        continue;
      }
      const host = e.location && parties.includes(e.location) ? e.location : null;
      if (host) {
        const visitor = parties.find((c) => c !== host)!;
        out.push({
          ...base,
          event_type: "CONSULT",
          mode: "visit",
          actor: visitor,
          recipient: host,
          cameo: "042",
          oriented: true,
          source: src,
        });
      } else if (e.location) {
        const [actor, recipient] = pair(parties, home);
        out.push({
          ...base,
          event_type: "CONSULT",
          mode: "third-party",
          actor,
          recipient,
          cameo: "044",
          oriented: true,
          source: src,
        });
      } else {
        const [actor, recipient] = pair(parties, home);
        out.push({
          ...base,
          event_type: "CONSULT",
          mode: e.type === "visit" ? "visit" : null,
          actor,
          recipient,
          cameo: e.type === "visit" ? "042" : "040",
          oriented: e.type !== "visit",
          source: src,
        });
      }
      continue;
    }
    if (e.type === "negotiation") {
      const [actor, recipient] = pair(parties, home);
      out.push({
        ...base,
        event_type: "CONSULT",
        mode: null,
        actor,
        recipient,
        cameo: "046",
        oriented: true,
        source: src,
      });
      continue;
    }
    if (e.type === "agreement") {
      if (!parties.length) continue;
      const [actor, recipient] = pair(parties, home);
      const signed = e.status === "signed" || e.status === "concluded";
      out.push({
        ...base,
        event_type: "AGREE",
        mode: null,
        actor,
        recipient,
        cameo: signed ? "057" : null,
        oriented: true,
        source: src,
      });
    }
  }
  for (const [i, a] of (opts.announced ?? []).entries()) {
    const parties = [...a.countries].sort();
    if (parties.length < 2) continue;
    const [actor, recipient] = pair(parties, home);
    out.push({
      id: `panorama-announced-${i + 1}`,
      event_date: a.date,
      date_precision: precision(a.date),
      event_type: "AGREE",
      mode: null,
      actor,
      recipient,
      cameo: "036",
      oriented: true,
      source: {
        panorama_event: null,
        type: "announced_meeting",
        level: null,
        modality: null,
        title: a.what,
        status: "announced",
        place: null,
        location: null,
        participants: [],
        document: a.documentKey,
        edition: a.edition,
        start: a.start,
        end: a.end,
        text: a.text,
      },
    });
  }
  return out;
}

const ANNOUNCE_RE =
  /\b(?:agreed|decided|confirmed)\s+to\s+(?:hold|convene|launch|resume)\s+((?:the\s+|a\s+|an\s+)?(?:next\s+|first\s+|second\s+|third\s+|\d+(?:st|nd|rd|th)\s+)?[^.;,]*(?:meeting|summit|dialogue|consultations?|2\+2|talks|visit))\b/i;

/**
 * Finds announced future meetings in a sentence: "agreed to hold the next
 * Japan-France 2+2 in January 2019". Returns what is announced, or null.
 * (Plans are not events in the contract; the export keeps them apart as AGREE.)
 */
export function announcedMeeting(sentence: string): string | null {
  const m = ANNOUNCE_RE.exec(sentence);
  return m ? m[1]!.trim() : null;
}
