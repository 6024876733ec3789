/**
 * Query commands over the store: events, counts, search, show, persons,
 * documents, stats. Every record printed carries its evidence (document key,
 * offsets, sentence) so a reader can check it against the source.
 */
import type { Command } from "commander";
import type { CountLevel, DocumentKind, EventType, Level, Modality } from "../../../model/types.js";
import { EVENT_TYPES, LEVELS, MODALITIES } from "../../../model/types.js";
import type { CountRow, DocumentRow, EventRow, PersonRow, SearchHit, Store } from "../../../storage/index.js";
import {
  action,
  type Column,
  checkRange,
  countryCodes,
  dbOption,
  evidenceJson,
  type Format,
  formatOption,
  oneOf,
  openExistingStore,
  partialDate,
  positiveInt,
  printRows,
  single,
  toTable,
  UsageError,
  usageExits,
  year,
} from "../common.js";

const KINDS: readonly DocumentKind[] = ["bluebook", "readout", "other"];
const COUNT_LEVELS: readonly CountLevel[] = [...LEVELS, "negotiation_round"];

/** An action that opens the store named by --db (commander passes the options second to last). */
function withStore<A extends unknown[]>(fn: (store: Store, ...args: A) => void) {
  return action((...args: A) => {
    const opts = args.at(-2) as { db?: string } | undefined;
    const store = openExistingStore(opts?.db, { readonly: true });
    try {
      fn(store, ...args);
    } finally {
      store.close();
    }
  });
}

/** Creates a subcommand with the options every query shares. */
function queryCommand(program: Command, name: string, description: string, formats?: readonly Format[]): Command {
  const cmd = program.command(name).description(description);
  dbOption(cmd);
  formatOption(cmd, formats);
  if (!formats || formats.includes("csv"))
    cmd.option("--bom", "start CSV output with a UTF-8 byte order mark (for spreadsheet programs)");
  cmd.showHelpAfterError(`(see "panorama ${name} --help")`);
  return usageExits(cmd);
}

/** Whether --bom was given (the option exists on commands that can print CSV). */
const bomOf = (opts: object): boolean => Boolean((opts as { bom?: boolean }).bom);

const noResults = (format: Format, what: string) => {
  if (format === "table") process.stderr.write(`panorama: no ${what} match\n`);
};

const source = (e: { documentKey: string; edition: number | null }) =>
  e.edition ? `${e.documentKey} (${e.edition})` : e.documentKey;

// ---------------------------------------------------------------------------
// events

interface EventOpts {
  db?: string;
  format: Format;
  country?: string[];
  type?: EventType[];
  level?: Level[];
  modality?: Modality[];
  person?: string;
  from?: string;
  to?: string;
  edition?: number;
  limit?: number;
}

export const eventColumns: Column<EventRow>[] = [
  { header: "ID", value: (e) => e.id, align: "right" },
  { header: "DATE", value: (e) => e.date ?? "-" },
  { header: "TYPE", value: (e) => e.type },
  { header: "LEVEL", value: (e) => e.level },
  { header: "MODALITY", value: (e) => e.modality },
  { header: "PARTIES", value: (e) => e.countries.join("-") },
  { header: "PLACE", value: (e) => [e.place, e.location].filter(Boolean).join(", "), max: 24 },
  { header: "WHO / WHAT", value: (e) => e.title ?? e.participants.join(", "), max: 40 },
  { header: "SOURCE", value: (e) => source(e.evidence), max: 32 },
  { header: "EVIDENCE", value: (e) => e.evidence.text },
];

const eventCsvColumns: Column<EventRow>[] = [
  { header: "id", value: (e) => e.id },
  { header: "date", value: (e) => e.date },
  { header: "type", value: (e) => e.type },
  { header: "level", value: (e) => e.level },
  { header: "modality", value: (e) => e.modality },
  { header: "countries", value: (e) => e.countries },
  { header: "location", value: (e) => e.location },
  { header: "place", value: (e) => e.place },
  { header: "participants", value: (e) => e.participants },
  { header: "title", value: (e) => e.title },
  { header: "status", value: (e) => e.status },
  { header: "organization", value: (e) => e.organization },
  { header: "edition", value: (e) => e.evidence.edition },
  { header: "section", value: (e) => e.evidence.section },
  { header: "document", value: (e) => e.evidence.documentKey },
  { header: "evidence_start", value: (e) => e.evidence.start },
  { header: "evidence_end", value: (e) => e.evidence.end },
  { header: "evidence_text", value: (e) => e.evidence.text },
];

export const eventJson = (e: EventRow) => ({
  id: e.id,
  type: e.type,
  level: e.level,
  modality: e.modality,
  countries: e.countries,
  date: e.date,
  location: e.location,
  place: e.place,
  participants: e.participants,
  title: e.title,
  status: e.status,
  organization: e.organization,
  edition: e.evidence.edition,
  section: e.evidence.section,
  evidence: evidenceJson(e.evidence),
});

// ---------------------------------------------------------------------------
// counts

const partner = (c: CountRow) => {
  const others = c.countries.filter((x) => x !== "JPN");
  return others.length ? others.join("-") : "(unnamed)";
};
const period = (c: CountRow) =>
  c.periodStart ? (c.periodStart === c.periodEnd ? c.periodStart : `${c.periodStart}..${c.periodEnd}`) : "-";

const countColumns: Column<CountRow>[] = [
  { header: "ID", value: (c) => c.id, align: "right" },
  { header: "PARTNER", value: partner },
  { header: "LEVEL", value: (c) => c.level },
  { header: "TOTAL", value: (c) => `${c.approximate ? "~" : ""}${c.total}`, align: "right" },
  { header: "TEL", value: (c) => c.telephone, align: "right" },
  { header: "VIDEO", value: (c) => c.video, align: "right" },
  { header: "PERIOD", value: period },
  { header: "SOURCE", value: (c) => source(c.evidence), max: 32 },
  { header: "EVIDENCE", value: (c) => c.evidence.text },
];

const countCsvColumns: Column<CountRow>[] = [
  { header: "id", value: (c) => c.id },
  { header: "partner", value: partner },
  { header: "countries", value: (c) => c.countries },
  { header: "level", value: (c) => c.level },
  { header: "total", value: (c) => c.total },
  { header: "approximate", value: (c) => c.approximate },
  { header: "telephone", value: (c) => c.telephone },
  { header: "video", value: (c) => c.video },
  { header: "period_start", value: (c) => c.periodStart },
  { header: "period_end", value: (c) => c.periodEnd },
  { header: "edition", value: (c) => c.evidence.edition },
  { header: "section", value: (c) => c.evidence.section },
  { header: "document", value: (c) => c.evidence.documentKey },
  { header: "evidence_start", value: (c) => c.evidence.start },
  { header: "evidence_end", value: (c) => c.evidence.end },
  { header: "evidence_text", value: (c) => c.evidence.text },
];

const countJson = (c: CountRow) => ({
  id: c.id,
  partner: partner(c),
  countries: c.countries,
  level: c.level,
  total: c.total,
  approximate: c.approximate,
  telephone: c.telephone,
  video: c.video,
  period: c.periodStart ? { start: c.periodStart, end: c.periodEnd } : null,
  edition: c.evidence.edition,
  section: c.evidence.section,
  evidence: evidenceJson(c.evidence),
});

// ---------------------------------------------------------------------------
// search

const kwic = (h: SearchHit, width = 50) => {
  const left = h.left.replace(/\s+/g, " ");
  const right = h.right.replace(/\s+/g, " ");
  const l = left.length > width ? `…${left.slice(-(width - 1))}` : left.padStart(width);
  const r = right.length > width ? `${right.slice(0, width - 1)}…` : right;
  return `${l}[${h.match}]${r}`;
};

const searchColumns: Column<SearchHit>[] = [
  { header: "EDITION", value: (h) => h.document.edition ?? h.document.date ?? "-" },
  { header: "SECTION", value: (h) => h.document.section ?? h.sentence.heading ?? "-", max: 28 },
  { header: "DOCUMENT", value: (h) => `${h.document.key}#${h.sentence.index}`, max: 36 },
  { header: "CONTEXT", value: (h) => kwic(h) },
];

const searchCsvColumns: Column<SearchHit>[] = [
  { header: "document", value: (h) => h.document.key },
  { header: "kind", value: (h) => h.document.kind },
  { header: "edition", value: (h) => h.document.edition },
  { header: "section", value: (h) => h.document.section },
  { header: "sentence", value: (h) => h.sentence.index },
  { header: "left", value: (h) => h.left },
  { header: "match", value: (h) => h.match },
  { header: "right", value: (h) => h.right },
  { header: "evidence_start", value: (h) => h.sentence.start },
  { header: "evidence_end", value: (h) => h.sentence.end },
  { header: "evidence_text", value: (h) => h.sentence.text },
];

const searchJson = (h: SearchHit) => ({
  documentKey: h.document.key,
  kind: h.document.kind,
  edition: h.document.edition,
  section: h.document.section,
  date: h.document.date,
  sentence: h.sentence.index,
  heading: h.sentence.heading,
  left: h.left,
  match: h.match,
  right: h.right,
  snippet: h.snippet,
  evidence: { documentKey: h.document.key, start: h.sentence.start, end: h.sentence.end, text: h.sentence.text },
});

// ---------------------------------------------------------------------------
// persons, documents

const personColumns: Column<PersonRow>[] = [
  { header: "NAME", value: (p) => p.name },
  { header: "COUNTRY", value: (p) => p.country ?? "-" },
  { header: "ROLES", value: (p) => p.roles.join("; "), max: 60 },
  { header: "DOCUMENTS", value: (p) => p.documents, align: "right" },
  { header: "EVENTS", value: (p) => p.events, align: "right" },
];
const personCsvColumns: Column<PersonRow>[] = [
  { header: "id", value: (p) => p.id },
  { header: "name", value: (p) => p.name },
  { header: "family", value: (p) => p.family },
  { header: "country", value: (p) => p.country },
  { header: "roles", value: (p) => p.roles },
  { header: "documents", value: (p) => p.documents },
  { header: "events", value: (p) => p.events },
];

type DocWithCounts = DocumentRow & { events: number };
const docColumns: Column<DocWithCounts>[] = [
  { header: "ID", value: (d) => d.id, align: "right" },
  { header: "KEY", value: (d) => d.key, max: 40 },
  { header: "KIND", value: (d) => d.kind },
  { header: "EDITION", value: (d) => (d.edition ? `${d.edition}${d.summary ? " S" : ""}` : "-") },
  { header: "DATE", value: (d) => d.date ?? "-" },
  { header: "WORDS", value: (d) => d.wordCount, align: "right" },
  { header: "EVENTS", value: (d) => d.events, align: "right" },
  { header: "SECTION / TITLE", value: (d) => d.section ?? d.title ?? "-" },
];
const docCsvColumns: Column<DocWithCounts>[] = [
  { header: "id", value: (d) => d.id },
  { header: "key", value: (d) => d.key },
  { header: "kind", value: (d) => d.kind },
  { header: "edition", value: (d) => d.edition },
  { header: "summary", value: (d) => d.summary },
  { header: "covered_year", value: (d) => d.coveredYear },
  { header: "section", value: (d) => d.section },
  { header: "date", value: (d) => d.date },
  { header: "title", value: (d) => d.title },
  { header: "words", value: (d) => d.wordCount },
  { header: "events", value: (d) => d.events },
  { header: "path", value: (d) => d.path },
  { header: "hash", value: (d) => d.hash },
  { header: "ingested_at", value: (d) => d.ingestedAt },
];

// ---------------------------------------------------------------------------

export function register(program: Command): void {
  const events = queryCommand(
    program,
    "events",
    "List stored events (meetings, visits, conferences, agreements, policy releases, negotiations) with the sentence that states each",
  )
    .option(
      "--country <codes>",
      "parties, ISO alpha-3 or organization ids; comma-separated means all of them (JPN,USA)",
      countryCodes("--country"),
    )
    .option("--type <types>", `event types, comma-separated: ${EVENT_TYPES.join(", ")}`, oneOf("--type", EVENT_TYPES))
    .option("--level <levels>", `meeting levels, comma-separated: ${LEVELS.join(", ")}`, oneOf("--level", LEVELS))
    .option("--modality <m>", `meeting modality: ${MODALITIES.join(", ")}`, oneOf("--modality", MODALITIES))
    .option("--person <name>", "a participant's full or family name")
    .option("--from <date>", "on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)", partialDate("--from"))
    .option("--to <date>", "on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)", partialDate("--to"))
    .option("--edition <year>", "only from this Bluebook edition", year("--edition"))
    .option("--limit <n>", "at most this many events", positiveInt("--limit"));
  events.action(
    withStore((store, opts: EventOpts) => {
      checkRange(opts.from, opts.to);
      if (opts.person !== undefined && !opts.person.trim()) throw new UsageError("--person must not be empty");
      const rows = store.events({
        country: opts.country,
        type: opts.type,
        level: opts.level,
        modality: opts.modality,
        person: opts.person,
        from: opts.from,
        to: opts.to,
        edition: opts.edition,
        limit: opts.limit,
      });
      if (!rows.length) noResults(opts.format, "events");
      printRows(opts.format, opts.format === "csv" ? eventCsvColumns : eventColumns, rows, eventJson, {
        bom: bomOf(opts),
      });
    }),
  );

  const counts = queryCommand(
    program,
    "counts",
    'List stated counts of meetings or rounds ("eight summit meetings in 2013") by partner and period, with their sentence',
  )
    .option("--country <code>", "a party, ISO alpha-3 or organization id", countryCodes("--country"))
    .option("--level <level>", `level: ${COUNT_LEVELS.join(", ")}`, single("--level", COUNT_LEVELS))
    .option("--from <date>", "periods that reach this date or later", partialDate("--from"))
    .option("--to <date>", "periods that start by this date", partialDate("--to"))
    .option("--edition <year>", "only from this Bluebook edition", year("--edition"))
    .option("--limit <n>", "at most this many counts", positiveInt("--limit"));
  counts.action(
    withStore(
      (
        store,
        opts: {
          db?: string;
          format: Format;
          country?: string[];
          level?: CountLevel;
          from?: string;
          to?: string;
          edition?: number;
          limit?: number;
        },
      ) => {
        checkRange(opts.from, opts.to);
        if (opts.country && opts.country.length > 1) throw new UsageError("--country takes one code for counts");
        const rows = store
          .counts({
            country: opts.country?.[0],
            level: opts.level,
            from: opts.from,
            to: opts.to,
            edition: opts.edition,
          })
          .sort(
            (a, b) =>
              partner(a).localeCompare(partner(b)) ||
              (a.periodStart ?? "").localeCompare(b.periodStart ?? "") ||
              a.id - b.id,
          )
          .slice(0, opts.limit);
        if (!rows.length) noResults(opts.format, "counts");
        printRows(opts.format, opts.format === "csv" ? countCsvColumns : countColumns, rows, countJson, {
          bom: bomOf(opts),
        });
      },
    ),
  );

  const search = queryCommand(
    program,
    "search",
    'Full-text search of the stored sentences, shown as keyword-in-context lines. Words are ANDed; "an exact phrase" in quotes; a trailing * searches a prefix (negotiat*)',
  )
    .argument("<query>", "words to find (case and accents ignored)")
    .option("--edition <year>", "only this Bluebook edition", year("--edition"))
    .option("--section <text>", "only sections whose name contains this text")
    .option("--kind <kind>", `document kind: ${KINDS.join(", ")}`, single("--kind", KINDS))
    .option("--limit <n>", "at most this many lines (default 50)", positiveInt("--limit"))
    .option(
      "--order <order>",
      "document (the order stored: each document's sentences together, in text order; default) or rank (best match first)",
      single("--order", ["document", "rank"] as const),
    )
    .option("--raw", "pass the query to SQLite FTS5 as written (AND, OR, NOT, NEAR)");
  search.action(
    withStore(
      (
        store,
        query: string,
        opts: {
          db?: string;
          format: Format;
          edition?: number;
          section?: string;
          kind?: DocumentKind;
          limit?: number;
          raw?: boolean;
          order?: "document" | "rank";
        },
      ) => {
        const filter = {
          edition: opts.edition,
          section: opts.section,
          kind: opts.kind,
          raw: opts.raw,
          order: opts.order,
        };
        const limit = opts.limit ?? 50;
        const hits = store.search(query, { ...filter, limit });
        if (!hits.length) noResults(opts.format, "sentences");
        printRows(opts.format, opts.format === "csv" ? searchCsvColumns : searchColumns, hits, searchJson, {
          bom: bomOf(opts),
        });
        if (opts.format === "table" && hits.length === limit) {
          const total = store.countSearch(query, filter);
          if (total > limit) process.stderr.write(`(${limit} of ${total} sentences shown; use --limit for more)\n`);
        }
      },
    ),
  );

  const show = queryCommand(
    program,
    "show",
    "Show one document (by id or key) with its metadata and every extraction with its evidence sentence",
    ["table", "json"],
  ).argument("<id>", "the document's numeric id or its key (file name without extension)");
  show.action(
    withStore((store, id: string, opts: { db?: string; format: Format }) => {
      const doc = store.document(id) ?? (/^\d+$/.test(id) ? store.document(Number(id)) : null);
      if (!doc) throw new Error(`no document with id or key "${id}" (see "panorama documents")`);
      const ents = store.documentEntities(doc.id);
      const evs = store.events({ documentId: doc.id });
      const cts = store.counts({ documentId: doc.id });
      if (opts.format === "json") {
        process.stdout.write(
          `${JSON.stringify(
            {
              document: doc,
              ...ents,
              events: evs.map(eventJson),
              counts: cts.map(countJson),
            },
            null,
            2,
          )}\n`,
        );
        return;
      }
      const meta: [string, unknown][] = [
        ["id", doc.id],
        ["key", doc.key],
        ["kind", doc.kind],
        ["edition", doc.edition ? `${doc.edition}${doc.summary ? " (Summary)" : ""}` : null],
        ["covers", doc.coveredYear],
        ["section", doc.section],
        ["date", doc.date],
        ["title", doc.title],
        ["file", `${doc.path} (${doc.format}, ${doc.bytes} bytes, sha256 ${doc.hash.slice(0, 12)}…)`],
        ["words", doc.wordCount],
        ["ingested", doc.ingestedAt],
      ];
      const out: string[] = [];
      for (const [k, v] of meta) if (v !== null && v !== undefined) out.push(`${k.padEnd(10)} ${v}`);
      out.push(`countries  ${ents.countries.join(", ") || "-"}`);
      out.push(`orgs       ${ents.organizations.join(", ") || "-"}`);
      out.push("", `Persons (${ents.persons.length})`);
      for (const p of ents.persons)
        out.push(`  ${p.name}${p.role ? `, ${p.role}` : ""}${p.country ? ` (${p.country})` : ""}`);
      out.push("", `Events (${evs.length})`);
      for (const e of evs) {
        const what = [e.type, e.level, e.modality].filter(Boolean).join("/");
        const extra = [
          e.title ? `"${e.title}"` : null,
          e.status,
          e.organization,
          e.participants.length ? `with ${e.participants.join(", ")}` : null,
          e.place || e.location ? `@ ${[e.place, e.location].filter(Boolean).join(", ")}` : null,
        ]
          .filter(Boolean)
          .join(" ");
        out.push(`  #${e.id} ${e.date ?? "----"} ${what} ${e.countries.join("-") || "-"} ${extra}`.trimEnd());
        out.push(`      [${e.evidence.start}-${e.evidence.end}] ${e.evidence.text.replace(/\s+/g, " ")}`);
      }
      out.push("", `Counts (${cts.length})`);
      for (const c of cts) {
        const parts = [
          c.telephone !== null ? `${c.telephone} by telephone` : null,
          c.video !== null ? `${c.video} by video` : null,
        ]
          .filter(Boolean)
          .join(", ");
        out.push(
          `  #${c.id} ${c.approximate ? "~" : ""}${c.total} ${c.level} ${c.countries.join("-")} ${period(c)}${parts ? ` (${parts})` : ""}`,
        );
        out.push(`      [${c.evidence.start}-${c.evidence.end}] ${c.evidence.text.replace(/\s+/g, " ")}`);
      }
      process.stdout.write(`${out.join("\n")}\n`);
    }),
  );

  const persons = queryCommand(
    program,
    "persons",
    "List persons with their country, roles, and numbers of documents and events",
  )
    .option("--name <text>", "names containing this text")
    .option("--country <code>", "persons of this country (ISO alpha-3)", countryCodes("--country"))
    .option("--limit <n>", "at most this many persons", positiveInt("--limit"));
  persons.action(
    withStore((store, opts: { db?: string; format: Format; name?: string; country?: string[]; limit?: number }) => {
      if (opts.country && opts.country.length > 1) throw new UsageError("--country takes one code for persons");
      const rows = store.persons({ name: opts.name, country: opts.country?.[0], limit: opts.limit });
      if (!rows.length) noResults(opts.format, "persons");
      printRows(opts.format, opts.format === "csv" ? personCsvColumns : personColumns, rows, (p) => p, {
        bom: bomOf(opts),
      });
    }),
  );

  const documents = queryCommand(program, "documents", "List stored documents with their metadata")
    .option("--kind <kind>", `document kind: ${KINDS.join(", ")}`, single("--kind", KINDS))
    .option("--edition <year>", "only this Bluebook edition", year("--edition"))
    .option("--section <text>", "only sections whose name contains this text")
    .option("--limit <n>", "at most this many documents", positiveInt("--limit"));
  documents.action(
    withStore(
      (
        store,
        opts: { db?: string; format: Format; kind?: DocumentKind; edition?: number; section?: string; limit?: number },
      ) => {
        const rows = store
          .documents({ kind: opts.kind, edition: opts.edition, section: opts.section, limit: opts.limit })
          .map((d) => ({ ...d, events: store.countEvents({ documentId: d.id }) }));
        if (!rows.length) noResults(opts.format, "documents");
        printRows(opts.format, opts.format === "csv" ? docCsvColumns : docColumns, rows, (d) => d, {
          bom: bomOf(opts),
        });
      },
    ),
  );

  const stats = queryCommand(
    program,
    "stats",
    "Summarize the store: documents, sentences, words, events by type, counts, persons",
  );
  stats.action(
    withStore((store, opts: { db?: string; format: Format }) => {
      const s = store.stats();
      if (opts.format === "json") {
        process.stdout.write(
          `${JSON.stringify({ store: store.path, schemaVersion: store.schemaVersion(), ...s }, null, 2)}\n`,
        );
        return;
      }
      const rows: [string, string | number][] = [
        ["store", store.path],
        ["schema version", store.schemaVersion()],
        ["documents", s.documents],
        ["editions", s.editions.join(", ") || "-"],
        ["sentences", s.sentences],
        ["words", s.words],
        ["events", s.events],
        ...Object.entries(s.eventsByType).map(([k, v]): [string, number] => [
          opts.format === "csv" ? `events_${k}` : `  ${k}`,
          v,
        ]),
        ["counts", s.counts],
        ["persons", s.persons],
        ["organizations", s.organizations],
      ];
      const cols: Column<[string, string | number]>[] = [
        { header: opts.format === "csv" ? "metric" : "METRIC", value: (r) => r[0] },
        { header: opts.format === "csv" ? "value" : "VALUE", value: (r) => r[1] },
      ];
      if (opts.format === "table") process.stdout.write(toTable(cols, rows));
      else printRows(opts.format, cols, rows, (r) => r, { bom: bomOf(opts) });
    }),
  );
}
