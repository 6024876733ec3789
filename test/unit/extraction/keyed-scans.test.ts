/**
 * Some event scans run only where a key word stands (anchors.ts: KEYED_SCANS; instruments.ts: the status
 * patterns behind a one-word pre-test), which makes them cheap but means a form added to a scan must open
 * with (or hold) a word the key scan finds, or its matches are lost silently. These properties check it on
 * sentences made of the scans' own words, so a word added to a scan is tried here without editing the test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUNT_RE } from "../../../src/extraction/counts.js";
import { MAY_HOLD_DATE } from "../../../src/extraction/dates.js";
import {
  AFTER_PRETEST,
  HABIT_PRETEST,
  HELD_ENDED_SCAN,
  HELD_OPENED_SCANS,
  KEYED_SCANS,
  PLAN_AFTER_PRETEST,
} from "../../../src/extraction/events/anchors.js";
import { STATUS_PRETESTS } from "../../../src/extraction/events/instruments.js";
import {
  COP_WORD,
  COUNT_NUMBER,
  COUNT_WORD,
  dateWordEnd,
  GATE_PATTERNS,
  gateWords,
  INSTRUMENT_WORD,
  MEETING_WORD,
  MEETINGS_WORD,
  ROUND_WORD,
  VISIT_WORD,
} from "../../../src/extraction/events/view.js";
import { HELD_MEETINGS_WITH } from "../../../src/extraction/events.js";

/** The letter runs of a pattern's source (its words and word stems), plus a few names and fillers. */
function vocabulary(res: readonly RegExp[]): string[] {
  const words = new Set<string>();
  for (const re of res) for (const w of re.source.replace(/\\[a-z]/gi, " ").match(/[A-Za-z]{2,}/g) ?? []) words.add(w);
  return [...words, "Prime Minister Kishida", "President Biden", "Japan", "the", "a", "Agreement", "in May", ",", "."];
}

const sentence = (vocab: string[]) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...vocab),
        fc.constantFrom(...vocab).map((w) => w.toUpperCase()),
        fc.constantFrom(...vocab).map((w) => w[0]!.toUpperCase() + w.slice(1)),
      ),
      { minLength: 1, maxLength: 14 },
    )
    .map((ws) => ws.join(" "));

function starts(re: RegExp, text: string): number[] {
  const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
  return [...text.matchAll(g)].map((m) => m.index ?? 0);
}

/**
 * Calls `at(i, depth)` at each character of pattern source `src` outside escapes and character classes, with the
 * group depth once that character is read; stops when `at` returns true.
 */
function walk(src: string, at: (i: number, depth: number) => boolean): void {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else {
      if (c === "(") depth++;
      else if (c === ")") depth--;
      if (at(i, depth)) return;
    }
  }
}

/** Splits a pattern source at its top-level "|" (not inside a group or a character class). */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let from = 0;
  walk(src, (i, depth) => {
    if (src[i] === "|" && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
    return false;
  });
  out.push(src.slice(from));
  return out;
}

/** The end of the group opening at `src[0]` ("(...)"), or -1. */
function groupEnd(src: string): number {
  let end = -1;
  walk(src, (i, depth) => {
    if (src[i] === ")" && depth === 0) end = i;
    return end >= 0;
  });
  return end;
}

/**
 * The words a match of pattern source `src` can open with: its leading letters, through leading \b, look-behinds
 * and groups of alternatives ("[Mm]et" gives "met"). A form that opens with no letter gives "".
 */
function openingWords(src: string): string[] {
  const s = src.replace(/^\\b/, "");
  if (s.startsWith("(?<=") || s.startsWith("(?<!")) return openingWords(s.slice(groupEnd(s) + 1));
  if (s.startsWith("(")) {
    const end = groupEnd(s);
    const inner = s.slice(s.startsWith("(?:") ? 3 : 1, end);
    const rest = s.slice(end + 1);
    // an optional or repeated group may be skipped: the rest opens too
    const skippable = /^[?*]/.test(rest);
    const heads = alternatives(inner).flatMap((a) => openingWords(a + rest.replace(/^[?*+]\??/, "")));
    return skippable ? [...heads, ...openingWords(rest.replace(/^[?*]\??/, ""))] : heads;
  }
  const word = /^(?:[A-Za-z]|\[([A-Za-z])([A-Za-z])\])+/.exec(s)?.[0] ?? "";
  return [word.replace(/\[([A-Za-z])[A-Za-z]\]/g, "$1").toLowerCase()];
}

describe("scans gated by key words", () => {
  for (const [name, { key, scans }] of Object.entries(KEYED_SCANS)) {
    it(`every form of the ${name} scans opens with a word the key scan finds`, () => {
      const keyAt0 = new RegExp(`^(?:${key.source})`, "i");
      const words = scans.flatMap((re) => alternatives(re.source).flatMap(openingWords));
      expect(words.length).toBeGreaterThan(scans.length);
      for (const w of words) expect(keyAt0.test(w), `"${w}" is no key word`).toBe(true);
    });
  }

  for (const [name, { key, scans }] of Object.entries(KEYED_SCANS)) {
    it(`every ${name} scan match opens where the key scan finds a word`, () => {
      fc.assert(
        fc.property(sentence(vocabulary(scans)), (text) => {
          const keys = new Set(starts(key, text));
          for (const re of scans)
            for (const at of starts(re, text))
              expect(keys.has(at), `${re.source.slice(0, 40)} at ${at} in "${text}"`).toBe(true);
        }),
        { numRuns: 3000 },
      );
    });
  }

  it("no match of PAIR or PAIR_PLURAL holds a key 'held' or 'had' after its first word", () => {
    const { key, scans } = HELD_OPENED_SCANS;
    let matched = 0;
    fc.assert(
      fc.property(sentence([...vocabulary(scans), "held", "had", "Held"]), (text) => {
        const heldOrHad = [...text.matchAll(key)].filter((m) => m[1] !== undefined).map((m) => m.index);
        for (const re of scans)
          for (const m of text.matchAll(new RegExp(re.source, re.flags))) {
            matched++;
            const inside = heldOrHad.filter((at) => at > m.index && at < m.index + m[0].length);
            expect(inside, `${m[0]} in "${text}"`).toEqual([]);
          }
      }),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(0);
  });

  it("the leveled-talks scan finds the same matches in the text up to its last key word 'held'", () => {
    const { key, scan } = HELD_ENDED_SCAN;
    let matched = 0;
    fc.assert(
      fc.property(sentence([...vocabulary([scan]), "upheld", "held.", "Held", "withheld"]), (text) => {
        const lastHeld = Math.max(-1, ...[...text.matchAll(key)].filter((m) => m[1]?.length === 4).map((m) => m.index));
        const all = [...text.matchAll(scan)].map((m) => `${m.index} ${m[0]}`);
        matched += all.length;
        const cut =
          lastHeld < 0 ? [] : [...text.slice(0, lastHeld + 5).matchAll(scan)].map((m) => `${m.index} ${m[0]}`);
        expect(cut, text).toEqual(all);
      }),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(0);
  });

  it("the first scan after an event passes every window where a plan word (first 60 characters) or habit word stands", () => {
    const { word, plan, habit } = AFTER_PRETEST;
    let passed = 0;
    // words cut at the 60th character ("be" of "bear") are whole in the plan window only
    const vocab = [...vocabulary([plan, habit]), "bear", "beach", "notion", "haven", "nevertheless", "x"];
    // a text whose 60th character cuts a word after its first `cut` letters ("be|ar"), or a random one
    const cutAt60 = fc
      .tuple(
        sentence(vocab),
        fc.constantFrom("bear", "beach", "notion", "haven", "nevertheless"),
        fc.integer({ min: 2, max: 5 }),
      )
      .map(([s, w, cut]) => ({ text: `${`${s} ${" ".repeat(60)}`.slice(0, 60 - cut)}${w} and more`, skip: 0 }));
    const shifted = fc.tuple(sentence(vocab), fc.nat(30)).map(([text, skip]) => ({ text, skip }));
    fc.assert(
      fc.property(fc.oneof(cutAt60, shifted), ({ text, skip }) => {
        const after = text.slice(skip, skip + 80);
        if (!plan.test(after.slice(0, 60)) && !habit.test(after)) return;
        passed++;
        expect(word.test(after), after).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(passed).toBeGreaterThan(0);
  });

  it("an instrument status pattern never matches a window its one-word pre-test rejects", () => {
    const { active, passive } = STATUS_PRETESTS;
    fc.assert(
      fc.property(sentence(vocabulary([...active.patterns.map(([re]) => re), ...passive.patterns])), (text) => {
        const window = `${text} `;
        const first = active.patterns.find(([re]) => re.test(window));
        if (first) expect(active.word.test(window)).toBe(true);
        expect(active.any.test(window)).toBe(first !== undefined);
        // one pass of the patterns as groups tells the status the first pattern that matches gives
        expect(active.statusBefore(window)).toBe(first?.[1] ?? null);
        if (passive.patterns.some((re) => re.test(text))) expect(passive.word.test(text)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  for (const [name, { word, pattern }] of Object.entries({ habit: HABIT_PRETEST, plan: PLAN_AFTER_PRETEST }))
    it(`the ${name} pattern after an event never matches a window its word pre-test rejects`, () => {
      let matched = 0;
      fc.assert(
        fc.property(sentence(vocabulary([pattern])), (text) => {
          if (!pattern.test(text)) return;
          matched++;
          expect(word.test(text), text).toBe(true);
        }),
        { numRuns: 3000 },
      );
      expect(matched).toBeGreaterThan(0);
    });

  it("the one-scan gate words agree with each gate pattern", () => {
    // words, stems and their neighbours ("metric", "xEPA", "COP 28"), spaces of every kind, "+", "_", digits
    const extra = [
      "metric",
      "xEPA",
      "_epa",
      "COP28",
      "COP 28",
      "COP\u00a028",
      "cop2",
      "2+2",
      "2 + 2",
      "a",
      "one",
      "\u212a",
      "_",
      "12",
      "2019",
      "1,000",
      "_5",
      "x9",
      "twenty-one",
      "fourteen",
    ];
    const vocab = vocabulary([...GATE_PATTERNS.map(([, re]) => re), COUNT_WORD]).concat(extra);
    const joiner = fc.constantFrom(" ", "  ", "", "\t", "\u00a0", "s ", "-");
    const text = fc
      .array(fc.tuple(fc.constantFrom(...vocab), fc.boolean(), joiner), { minLength: 1, maxLength: 10 })
      .map((ws) => ws.map(([w, up, j]) => (up ? w.toUpperCase() : w) + j).join(""));
    fc.assert(
      fc.property(text, (t) => {
        const bits = gateWords(t);
        for (const [bit, re] of GATE_PATTERNS)
          expect((bits & bit) !== 0, `${re.source.slice(0, 30)} in "${t}"`).toBe(re.test(t));
      }),
      { numRuns: 5000 },
    );
    expect(gateWords("The two ministers met twice.")).toBe(gateWords("two MET twice"));
    for (const re of [MEETING_WORD, ROUND_WORD, VISIT_WORD, INSTRUMENT_WORD, COP_WORD, COUNT_WORD])
      expect(GATE_PATTERNS.some(([, p]) => p === re)).toBe(true);
  });

  it("a count pattern never matches a sentence without the number its pre-test looks for", () => {
    let matched = 0;
    fc.assert(
      fc.property(sentence(vocabulary([COUNT_RE]).concat(["12", "3", "2019", "twenty-one", "twice"])), (text) => {
        if (!new RegExp(COUNT_RE.source, "i").test(text)) return;
        matched++;
        expect(COUNT_NUMBER.test(text), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(0);
  });

  it("separate meetings are looked for only where MEETINGS_WORD stands", () => {
    let matched = 0;
    fc.assert(
      fc.property(sentence(vocabulary([HELD_MEETINGS_WITH])), (text) => {
        if (!new RegExp(HELD_MEETINGS_WITH.source, "i").test(text)) return;
        matched++;
        expect(MEETINGS_WORD.test(text), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(0);
  });

  it("the gate scan finds where MAY_HOLD_DATE's first match ends", () => {
    const words = ["January", "June", "July", "March", "May", "may", "Sept.", "Sept", "September", "December"];
    const more = [
      "mid-90",
      "mid 80",
      "mid80",
      "mid-9",
      "amid",
      "1999",
      "2019",
      "199",
      "20199",
      "12019",
      "in",
      "x",
      "-",
    ];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...words, ...more), fc.constantFrom(" ", "", ".", "\u00a0")), { maxLength: 8 })
      .map((ws) => ws.map(([w, j]) => w + j).join(""));
    fc.assert(
      fc.property(text, (t) => {
        MAY_HOLD_DATE.lastIndex = 0;
        const end = MAY_HOLD_DATE.test(t) ? MAY_HOLD_DATE.lastIndex : -1;
        MAY_HOLD_DATE.lastIndex = 0;
        expect(dateWordEnd(gateWords(t)), t).toBe(end);
      }),
      { numRuns: 5000 },
    );
    expect(dateWordEnd(gateWords("On May 9, 2019"))).toBe(6);
    expect(dateWordEnd(gateWords("no date here"))).toBe(-1);
  });
});
