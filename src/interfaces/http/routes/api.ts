/**
 * The read-only JSON API: documents, their text with extractions, events,
 * counts, persons, organizations, partners, full-text search and statistics.
 * Every handler goes through the Store interface; parameters are validated by
 * the schemas in ../schemas.ts before a handler runs.
 */
import type { FastifyInstance } from "fastify";
import type { CountLevel, DocumentKind, EventType, Level, Modality } from "../../../model/types.js";
import type { CountFilter, CountRow, DocumentRow, EventFilter, EventRow, Store } from "../../../storage/index.js";
import { aggregatesCache } from "../aggregates.js";
import { StoreCache } from "../cache.js";
import { HttpError } from "../errors.js";
import { params, q } from "../schemas.js";

interface EventsQuery {
  country?: string[];
  type?: EventType[];
  level?: Level[];
  modality?: Modality[];
  person?: string;
  from?: string;
  to?: string;
  edition?: number;
  document?: number;
  limit: number;
  offset: number;
}

/** "USA,chn" and ["USA", "CHN"] alike. */
function codes(v: string[] | undefined): string[] | undefined {
  if (!v) return undefined;
  const out = v
    .flatMap((s) => s.split(","))
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  return out.length ? out : undefined;
}

function checkRange(from: string | undefined, to: string | undefined): void {
  const n = Math.min(from?.length ?? 0, to?.length ?? 0);
  if (from && to && from.slice(0, n) > to.slice(0, n)) {
    throw new HttpError(400, `query parameter "from" (${from}) is after "to" (${to})`, "from");
  }
}

export function eventFilter(query: EventsQuery): EventFilter {
  checkRange(query.from, query.to);
  const f: EventFilter = { limit: query.limit, offset: query.offset };
  const country = codes(query.country);
  if (country) f.country = country;
  if (query.type?.length) f.type = query.type;
  if (query.level?.length) f.level = query.level;
  if (query.modality?.length) f.modality = query.modality;
  if (query.person) f.person = query.person;
  if (query.from) f.from = query.from;
  if (query.to) f.to = query.to;
  if (query.edition != null) f.edition = query.edition;
  if (query.document != null) f.documentId = query.document;
  return f;
}

function docRef(store: Store, id: string): DocumentRow {
  const doc = /^\d+$/.test(id) ? (store.document(Number(id)) ?? store.document(id)) : store.document(id);
  if (!doc) throw new HttpError(404, `no document with id "${id}"`);
  return doc;
}

/** A partner's page lists this many stated counts per year, and says how many there are. */
export const STATED_PER_YEAR = 10;

/** A partner's page lists this many visits and agreements (the first in date order) and links to the rest. */
export const PARTNER_EVENTS = 100;

/** A person's page lists this many events (the first in date order) and links to the rest. */
export const PERSON_EVENTS = 100;

/** The home country: its officials are not "persons met" on a partner's page. */
const HOME = "JPN";

/** Search totals are counted up to this many; beyond it the response says `totalCapped: true` ("10,000+"). */
export const SEARCH_CAP = 10_000;

/** A short page that is not past the end gives the total without counting. */
function exactFromPage(got: number, limit: number, offset: number): boolean {
  return got < limit && (got > 0 || offset === 0);
}

function withoutPaging(f: EventFilter): EventFilter {
  const { limit: _l, offset: _o, ...rest } = f;
  return rest;
}

export async function apiRoutes(app: FastifyInstance, opts: { store: Store }): Promise<void> {
  const { store } = opts;
  const cache = new StoreCache(store);
  const aggregates = aggregatesCache(store, cache);
  // the corpus-wide tallies (one pass over an index): ready before the first request
  app.addHook("onReady", async () => {
    try {
      aggregates();
    } catch (err) {
      app.log.error({ err }, "could not tally the events; /api/stats will retry"); // the server still starts
    }
  });

  /** a total that does not change while the database does not */
  const cachedTotal = (kind: string, filter: object, count: () => number) =>
    cache.get(`${kind}:${JSON.stringify(filter)}`, count);

  app.get<{ Querystring: { kind?: DocumentKind; edition?: number; section?: string; limit: number; offset: number } }>(
    "/documents",
    { schema: { summary: "List documents", tags: ["documents"], querystring: q.documents } },
    async (req) => {
      const { kind, edition, section, limit, offset } = req.query;
      const filter = {
        ...(kind ? { kind } : {}),
        ...(edition != null ? { edition } : {}),
        ...(section ? { section } : {}),
      };
      const items = store.documents({ ...filter, limit, offset });
      const total = exactFromPage(items.length, limit, offset)
        ? offset + items.length
        : cachedTotal("documents", filter, () => store.countDocuments(filter));
      return { total, limit, offset, items };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/documents/:id",
    { schema: { summary: "One document's record", tags: ["documents"], params: params.id, querystring: q.none } },
    async (req) => docRef(store, req.params.id),
  );

  app.get<{ Params: { id: string } }>(
    "/documents/:id/text",
    {
      schema: {
        summary: "A document's text with its sentences, mentions, events and counts (offsets into the text)",
        tags: ["documents"],
        params: params.id,
        querystring: q.none,
      },
    },
    async (req) => {
      const document = docRef(store, req.params.id);
      const text = store.documentText(document.id) ?? "";
      const events: EventRow[] = [];
      for (let offset = 0; ; offset += 1000) {
        const rows = store.events({ documentId: document.id, limit: 1000, offset });
        events.push(...rows);
        if (rows.length < 1000) break;
      }
      const counts = store.counts({ documentId: document.id });
      return {
        document,
        text,
        sentences: store.sentences(document.id),
        mentions: store.mentions(document.id),
        events,
        counts,
      };
    },
  );

  app.get<{ Querystring: EventsQuery }>(
    "/events",
    {
      schema: {
        summary: "Events, filtered (repeat or comma-separate country/type/level/modality), newest last",
        tags: ["events"],
        querystring: q.events,
      },
    },
    async (req) => {
      const f = eventFilter(req.query);
      const items = store.events(f);
      const rest = withoutPaging(f);
      const n = exactFromPage(items.length, f.limit!, f.offset ?? 0)
        ? (f.offset ?? 0) + items.length
        : cachedTotal("events", rest, () => store.countEvents(rest));
      return { total: n, limit: f.limit, offset: f.offset, items };
    },
  );

  app.get<{ Params: { id: number } }>(
    "/events/:id",
    { schema: { summary: "One event", tags: ["events"], params: params.numericId, querystring: q.none } },
    async (req) => {
      const e = store.event(req.params.id);
      if (!e) throw new HttpError(404, `no event with id ${req.params.id}`);
      return e;
    },
  );

  app.get<{
    Querystring: {
      country?: string;
      level?: CountLevel;
      from?: string;
      to?: string;
      edition?: number;
      limit: number;
      offset: number;
    };
  }>(
    "/counts",
    {
      schema: { summary: 'Counts the texts state ("eight summit meetings")', tags: ["counts"], querystring: q.counts },
    },
    async (req) => {
      const { country, level, from, to, edition, limit, offset } = req.query;
      checkRange(from, to);
      const f: CountFilter = {};
      if (country) f.country = country.toUpperCase();
      if (level) f.level = level;
      if (from) f.from = from;
      if (to) f.to = to;
      if (edition != null) f.edition = edition;
      const items = store.counts({ ...f, limit, offset });
      const n = exactFromPage(items.length, limit, offset)
        ? offset + items.length
        : cachedTotal("counts", f, () => store.countCounts(f));
      return { total: n, limit, offset, items };
    },
  );

  app.get<{ Querystring: { name?: string; country?: string; limit: number; offset: number } }>(
    "/persons",
    { schema: { summary: "Persons named in the corpus", tags: ["persons"], querystring: q.persons } },
    async (req) => {
      const { name, country, limit, offset } = req.query;
      const f = { ...(name ? { name } : {}), ...(country ? { country: country.toUpperCase() } : {}) };
      const items = store.persons({ ...f, limit, offset });
      const n = exactFromPage(items.length, limit, offset)
        ? offset + items.length
        : cachedTotal("persons", f, () => store.countPersons(f));
      return { total: n, limit, offset, items };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/persons/:id",
    {
      schema: {
        summary: "One person (numeric id or name) with offices, events and documents",
        tags: ["persons"],
        params: params.id,
        querystring: q.none,
      },
    },
    async (req) => {
      const { id } = req.params;
      const person = /^\d+$/.test(id) ? store.person(Number(id)) : store.person(id);
      if (!person) throw new HttpError(404, `no person "${id}"`);
      // the first PERSON_EVENTS events (the page links to all of them in the timeline), and the documents
      // that name the person (person_roles), those of the events, and those whose text has the name
      const events = store.events({ person: person.name, limit: PERSON_EVENTS });
      const eventsTotal = events.length < PERSON_EVENTS ? events.length : store.countEvents({ person: person.name });
      const docs = new Map<number, { id: number; key: string; edition: number | null; section: string | null }>();
      for (const d of store.personDocuments(person.id, 200))
        docs.set(d.id, { id: d.id, key: d.key, edition: d.edition, section: d.section });
      for (const e of events) {
        const ev = e.evidence;
        if (!docs.has(ev.documentId))
          docs.set(ev.documentId, { id: ev.documentId, key: ev.documentKey, edition: ev.edition, section: ev.section });
      }
      try {
        for (const hit of store.search(`"${person.name.replace(/"/g, "")}"`, { limit: 200 })) {
          const d = hit.document;
          if (!docs.has(d.id)) docs.set(d.id, { id: d.id, key: d.key, edition: d.edition, section: d.section });
        }
      } catch {
        // a name the full-text syntax cannot take: the documents of its events remain
      }
      return {
        person,
        offices: person.roles,
        events,
        eventsTotal,
        documents: [...docs.values()].sort((a, b) => (a.edition ?? 0) - (b.edition ?? 0) || a.key.localeCompare(b.key)),
      };
    },
  );

  app.get(
    "/organizations",
    { schema: { summary: "Organizations named in the corpus", tags: ["organizations"], querystring: q.none } },
    async () => {
      const items = store.organizations();
      return { total: items.length, items };
    },
  );

  app.get<{
    Querystring: { q: string; edition?: number; section?: string; kind?: DocumentKind; limit: number; offset: number };
  }>(
    "/search",
    {
      schema: {
        summary: "Full-text search over sentences, with keyword-in-context snippets",
        tags: ["search"],
        querystring: q.search,
      },
    },
    async (req) => {
      const { q: query, edition, section, kind, limit, offset } = req.query;
      if (!/[\p{L}\p{N}]/u.test(query)) {
        throw new HttpError(400, 'query parameter "q" must contain a letter or a digit', "q");
      }
      const filter = {
        ...(edition != null ? { edition } : {}),
        ...(section ? { section } : {}),
        ...(kind ? { kind } : {}),
      };
      try {
        const items = store.search(query, { ...filter, limit, offset });
        if (exactFromPage(items.length, limit, offset)) return { total: offset + items.length, limit, offset, items };
        // counting every match of a common word costs more than the page: stop at SEARCH_CAP + 1
        const n = cachedTotal("search", { query, ...filter }, () => store.countSearch(query, filter, SEARCH_CAP));
        return n > SEARCH_CAP
          ? { total: SEARCH_CAP, totalCapped: true, limit, offset, items }
          : { total: n, limit, offset, items };
      } catch (err) {
        if (err instanceof Error && err.name === "QueryError") {
          throw new HttpError(400, `query parameter "q" cannot be searched: ${err.message}`, "q");
        }
        throw err;
      }
    },
  );

  app.get(
    "/stats",
    {
      schema: {
        summary: "Corpus statistics, meetings per partner per year and events per country per year",
        tags: ["stats"],
        querystring: q.none,
      },
    },
    async () =>
      cache.get("stats", () => {
        const a = aggregates();
        return { ...store.stats(), ...a, partners: a.partners.slice(0, 60) };
      }),
  );

  app.get<{ Params: { code: string } }>(
    "/partners/:code",
    {
      schema: {
        summary: "A partner country: stated counts and events per year, visits both ways, persons met, agreements",
        tags: ["partners"],
        params: params.code,
        querystring: q.none,
      },
    },
    async (req) => {
      const code = req.params.code.toUpperCase();
      return cache.get(`partner:${code}`, () => partner(code));
    },
  );

  function partner(code: string) {
    // the stated counts of each year: the first STATED_PER_YEAR, and how many there are
    const stated = store.countsByYear(code, STATED_PER_YEAR);
    const a = aggregates();
    const partner = a.partners.find((p) => p.code === code);
    if (!partner && stated.length === 0 && store.countCounts({ country: code }) === 0)
      throw new HttpError(404, `no events or counts with "${code}"`);
    type Year = { year: number; events: number; meetings: number; stated: CountRow[]; statedTotal: number };
    const years = new Map<number, Year>();
    const yearOf = (y: number) => {
      let row = years.get(y);
      if (!row) {
        row = { year: y, events: 0, meetings: 0, stated: [], statedTotal: 0 };
        years.set(y, row);
      }
      return row;
    };
    for (const t of a.eventsByCountryYear) if (t.country === code) yearOf(t.year).events = t.count;
    for (const t of a.meetingsByPartnerYear) if (t.country === code) yearOf(t.year).meetings = t.count;
    for (const s of stated) {
      const y = yearOf(s.year);
      y.stated = s.items;
      y.statedTotal = s.total;
    }
    // the first PARTNER_EVENTS of each (the page links to all of them in the timeline)
    const visits = store.events({ country: code, type: "visit", limit: PARTNER_EVENTS });
    const agreements = store.events({ country: code, type: "agreement", limit: PARTNER_EVENTS });
    return {
      code,
      events: partner?.events ?? 0,
      meetings: partner?.meetings ?? 0,
      years: [...years.values()].sort((x, y) => x.year - y.year),
      visits: {
        toJapan: visits.filter((v) => v.location === "JPN"),
        fromJapan: visits.filter((v) => v.location !== "JPN"),
        /** true when there are more visits than the lists hold */
        more: visits.length === PARTNER_EVENTS,
      },
      // every meeting and visit with the partner counted in one aggregate query (the home country's own
      // officials left out): the 100 persons met most
      persons: store.personsMet({ country: code, type: ["meeting", "visit"], exceptCountry: HOME, limit: 100 }),
      agreements,
      agreementsMore: agreements.length === PARTNER_EVENTS,
    };
  }
}
