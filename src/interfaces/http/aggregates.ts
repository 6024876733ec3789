/**
 * Corpus-wide tallies the overview and the map need (events per country per
 * year, meetings per partner per year). They come from the store's
 * per-country/type/year tallies (one pass over an index, no event rows) and are
 * cached until the store's data changes.
 */
import type { EventRow, EventTally, Store } from "../../storage/index.js";
import type { StoreCache } from "./cache.js";

export interface YearTally {
  country: string;
  year: number;
  count: number;
}

export interface Aggregates {
  /** every event, by each party except Japan, by year */
  eventsByCountryYear: YearTally[];
  /** meetings (any level and modality), by partner and year */
  meetingsByPartnerYear: YearTally[];
  /** partners ranked by the number of events with them */
  partners: { code: string; events: number; meetings: number }[];
  years: number[];
}

const HOME = "JPN";
const PAGE = 50_000;

/** Every event row, read in pages (the store may cap a single read). */
export function allEvents(store: Store, filter: Parameters<Store["events"]>[0] = {}): EventRow[] {
  const out: EventRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const rows = store.events({ ...filter, limit: PAGE, offset });
    out.push(...rows);
    if (rows.length < PAGE) return out;
  }
}

function tally(map: Map<string, number>): YearTally[] {
  const out: YearTally[] = [];
  for (const [k, count] of map) {
    const [country, year] = k.split("|") as [string, string];
    out.push({ country, year: Number(year), count });
  }
  out.sort((a, b) => a.year - b.year || b.count - a.count || a.country.localeCompare(b.country));
  return out;
}

/** The aggregates from the store's tallies (each a number of events of one type with one party in one year). */
export function aggregatesFromTallies(tallies: Iterable<EventTally>): Aggregates {
  const byCountry = new Map<string, number>();
  const meetings = new Map<string, number>();
  const partnerEvents = new Map<string, number>();
  const partnerMeetings = new Map<string, number>();
  const years = new Set<number>();
  const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  for (const t of tallies) {
    const c = t.country;
    if (c === HOME) continue;
    add(partnerEvents, c, t.count);
    if (t.type === "meeting") add(partnerMeetings, c, t.count);
    if (t.year == null) continue;
    years.add(t.year);
    const k = `${c}|${t.year}`;
    add(byCountry, k, t.count);
    if (t.type === "meeting") add(meetings, k, t.count);
  }
  const partners = [...partnerEvents]
    .map(([code, n]) => ({ code, events: n, meetings: partnerMeetings.get(code) ?? 0 }))
    .sort((a, b) => b.events - a.events || a.code.localeCompare(b.code));
  return {
    eventsByCountryYear: tally(byCountry),
    meetingsByPartnerYear: tally(meetings),
    partners,
    years: [...years].sort((a, b) => a - b),
  };
}

/** The same aggregates from event rows (for callers holding events rather than a store): one tally per event and party. */
export function computeAggregates(events: Iterable<Pick<EventRow, "type" | "year" | "countries">>): Aggregates {
  function* tallies(): Generator<EventTally> {
    for (const e of events)
      for (const country of new Set(e.countries)) yield { country, type: e.type, year: e.year, count: 1 };
  }
  return aggregatesFromTallies(tallies());
}

/** The aggregates, computed once per state of the database. */
export function aggregatesCache(store: Store, cache: StoreCache): () => Aggregates {
  return () => cache.get("aggregates", () => aggregatesFromTallies(store.eventTallies()));
}
