/**
 * Partner profile: per edition, how the texts describe a partner ("the
 * linchpin", "only ally", "important partner", "strategic partnership"), the
 * meeting counts they state, and the events and agreements recorded with it.
 *
 * Phrases come from patterns over the sentences that name the partner:
 *   - "<partner> is Japan's X" / "<partner> is a(n)/the X" (X ends in ally,
 *     partner, partnership, friend, neighbour, nation)
 *   - "Japan and <partner> are X" (X ends in allies, partners, friends, neighbours)
 *   - "X with <partner>" (X ends in partnership, alliance, relationship, relations, cooperation, dialogue)
 *   - "The Japan-<partner> Alliance/relationship is the X" ("the linchpin", "the cornerstone")
 * Every phrase keeps its evidence: document, sentence and offsets.
 */
import type { CountRow, EventRow } from "../storage/api.js";
import { normalizeForMatch, STOPWORDS } from "./text.js";
import type { DocText } from "./types.js";

export interface PhraseEvidence {
  documentKey: string;
  sentenceIndex: number;
  /** offsets of the sentence in the document */
  start: number;
  end: number;
  text: string;
}

export interface PartnerPhrase {
  phrase: string;
  /** which pattern found it: "is", "are", "with", "alliance" */
  pattern: string;
  count: number;
  evidence: PhraseEvidence[];
}

export interface ProfileEdition {
  /** the Bluebook edition; null for readouts and other undated-by-edition texts */
  edition: number | null;
  documents: string[];
  phrases: PartnerPhrase[];
  counts: {
    level: string;
    countries: string[];
    total: number;
    telephone: number | null;
    video: number | null;
    approximate: boolean;
    period: { start: string | null; end: string | null };
    evidence: { documentKey: string; start: number; end: number; text: string };
  }[];
  events: {
    total: number;
    byType: Record<string, number>;
    /** meetings by level */
    meetings: Record<string, number>;
  };
  agreements: { title: string | null; status: string | null; date: string | null; documentKey: string; text: string }[];
}

export interface ProfileResult {
  partner: string;
  /** the names the patterns looked for */
  names: string[];
  editions: ProfileEdition[];
}

const COMMON_WORDS = new Set([
  "us",
  "it",
  "in",
  "or",
  "me",
  "am",
  "no",
  "as",
  "an",
  "is",
  "at",
  "to",
  "be",
  "we",
  "he",
  "do",
  "so",
  "on",
  "by",
  "of",
  "if",
  "my",
  "go",
  "up",
]);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{N}'-]*`;

/** The patterns, built for one partner's names (normalised, lower case). */
function patterns(names: string[]): { name: string; re: RegExp; group: number }[] {
  // Matching is case-blind, so a short all-capital code that is also a word ("US") would match the word.
  const usable = names.filter((n) => !(/^[A-Z]{2,3}$/.test(n) && COMMON_WORDS.has(n.toLowerCase())));
  const alt = [...new Set(usable.map((n) => normalizeForMatch(n).trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join("|");
  const P = `(?:the\\s+)?(?:${alt})`;
  // A name must not be glued to a longer word: no letter before or after.
  const L = "(?<![\\p{L}\\p{N}])";
  const R = "(?![\\p{L}\\p{N}])";
  const mods = `((?:${WORD}\\s+){0,4}?`;
  return [
    {
      name: "is",
      re: new RegExp(
        `${L}${P}${R}\\s+(?:is|remains|has\\s+become|continues\\s+to\\s+be)\\s+(?:one\\s+of\\s+)?(?:japan's|an?|the)\\s+${mods}(?:ally|allies|partner|partners|partnership|friend|neighbou?r|nation|country))${R}`,
        "gu",
      ),
      group: 1,
    },
    {
      name: "are",
      re: new RegExp(
        `(?:japan\\s+and\\s+${P}|${P}\\s+and\\s+japan)${R}\\s+(?:are|remain|have\\s+become|have\\s+been)\\s+(?:the\\s+)?${mods}(?:allies|partners|friends|neighbou?rs|partner|ally))${R}`,
        "gu",
      ),
      group: 1,
    },
    {
      name: "with",
      re: new RegExp(
        `((?:${WORD}\\s+){0,2}(?:partnership|alliance|relationship|relations|cooperation|dialogue))\\s+with\\s+${P}${R}`,
        "gu",
      ),
      group: 1,
    },
    {
      name: "alliance",
      re: new RegExp(
        `japan\\s*-\\s*${P}${R}\\s+(?:alliance|relationship|relations|partnership)\\s+(?:is|remains|has\\s+become|continues\\s+to\\s+be)\\s+((?:the|an?)\\s+(?:${WORD}\\s+){0,2}?(?:linchpin|cornerstone|foundation|bedrock|basis|axis|pillar|anchor|centre|center|core|key|backbone)|the\\s+${WORD})${R}`,
        "gu",
      ),
      group: 1,
    },
  ];
}

/** Words dropped from the front of a phrase: articles and the possessor ("Japan's most important partner" keeps "most"). */
const LEADING = new Set(["a", "an", "the", "japan's", "one", "of", "its", "their"]);

/** Trims a captured phrase: leading function words out (but "the" kept for "the linchpin"). */
function tidy(phrase: string, pattern: string): string {
  const w = phrase.trim().split(/\s+/);
  if (pattern === "alliance") return w.join(" ");
  while (w.length > 1 && LEADING.has(w[0]!)) w.shift();
  return w.join(" ");
}

/** The phrases the sentences use for a partner, with evidence. Sentences must name it (or carry its code). */
export function partnerPhrases(docs: DocText[], partner: string, names: string[]): PartnerPhrase[] {
  const pats = patterns(names);
  const found = new Map<string, PartnerPhrase>();
  for (const d of docs) {
    for (const s of d.sentences) {
      const norm = normalizeForMatch(s.text);
      if (s.countries && !s.countries.includes(partner)) continue;
      for (const p of pats) {
        p.re.lastIndex = 0;
        for (let m = p.re.exec(norm); m; m = p.re.exec(norm)) {
          const raw = m[p.group];
          if (!raw) continue;
          const phrase = tidy(raw, p.name);
          if (!phrase || STOPWORDS.has(phrase)) continue;
          const key = `${p.name}\u0000${phrase}`;
          const entry = found.get(key) ?? { phrase, pattern: p.name, count: 0, evidence: [] };
          entry.count++;
          if (entry.evidence.length < 5)
            entry.evidence.push({
              documentKey: d.key,
              sentenceIndex: s.index,
              start: s.start,
              end: s.end,
              text: s.text,
            });
          found.set(key, entry);
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase));
}

/**
 * The profile of a partner: documents grouped by edition (readouts and other
 * texts without an edition under `edition: null`), with phrases, counts,
 * events and agreements per group.
 */
export function profile(
  partner: string,
  names: string[],
  docs: DocText[],
  events: EventRow[],
  counts: CountRow[],
): ProfileResult {
  const code = partner.toUpperCase();
  const groups = new Map<number | null, ProfileEdition>();
  const group = (edition: number | null): ProfileEdition => {
    let g = groups.get(edition);
    if (!g) {
      g = {
        edition,
        documents: [],
        phrases: [],
        counts: [],
        events: { total: 0, byType: {}, meetings: {} },
        agreements: [],
      };
      groups.set(edition, g);
    }
    return g;
  };
  const byEdition = new Map<number | null, DocText[]>();
  for (const d of docs) byEdition.set(d.edition, [...(byEdition.get(d.edition) ?? []), d]);
  for (const [edition, list] of byEdition) {
    const phrases = partnerPhrases(list, code, names);
    if (!phrases.length) continue;
    const g = group(edition);
    g.phrases = phrases;
  }
  for (const c of counts) {
    if (!c.countries.includes(code)) continue;
    const g = group(c.evidence.edition);
    g.counts.push({
      level: c.level,
      countries: c.countries,
      total: c.total,
      telephone: c.telephone,
      video: c.video,
      approximate: c.approximate,
      period: { start: c.periodStart, end: c.periodEnd },
      evidence: {
        documentKey: c.evidence.documentKey,
        start: c.evidence.start,
        end: c.evidence.end,
        text: c.evidence.text,
      },
    });
  }
  for (const e of events) {
    if (!e.countries.includes(code)) continue;
    const g = group(e.evidence.edition);
    g.events.total++;
    g.events.byType[e.type] = (g.events.byType[e.type] ?? 0) + 1;
    if (e.type === "meeting") {
      const lv = e.level ?? "other";
      g.events.meetings[lv] = (g.events.meetings[lv] ?? 0) + 1;
    }
    if (e.type === "agreement")
      g.agreements.push({
        title: e.title,
        status: e.status,
        date: e.date,
        documentKey: e.evidence.documentKey,
        text: e.evidence.text,
      });
  }
  const keysOf = new Map<number | null, Set<string>>();
  const addKey = (ed: number | null, k: string) => keysOf.set(ed, (keysOf.get(ed) ?? new Set()).add(k));
  for (const g of groups.values()) {
    for (const p of g.phrases) for (const ev of p.evidence) addKey(g.edition, ev.documentKey);
    for (const c of g.counts) addKey(g.edition, c.evidence.documentKey);
  }
  for (const e of events) if (e.countries.includes(code)) addKey(e.evidence.edition, e.evidence.documentKey);
  for (const g of groups.values()) g.documents = [...(keysOf.get(g.edition) ?? [])].sort();
  const editions = [...groups.values()].sort((a, b) =>
    a.edition === null ? 1 : b.edition === null ? -1 : a.edition - b.edition,
  );
  return { partner: code, names: [...new Set(names)], editions };
}
