import { describe, expect, it } from "vitest";
import { announcedMeeting, csvField, toCsv, toJsonl, toPlover } from "../../../src/analysis/export.js";
import { partnerPhrases, profile } from "../../../src/analysis/profile.js";
import { dateRange, reconcile } from "../../../src/analysis/reconcile.js";
import { parseCsv } from "../../integration/cli-helpers.js";
import { count, doc, event } from "./helpers.js";

const US = ["United States", "U.S."];

describe("partner phrases", () => {
  it("finds what the text calls the partner, per pattern, with evidence", () => {
    const d = doc(
      "na-2019",
      2019,
      "North America",
      "The United States is Japan's only ally. The Japan–U.S. Alliance is the linchpin of peace in the region. " +
        "Japan and the United States are global partners. Japan deepened its strategic partnership with the United States. " +
        "Canada is an important partner of Japan.",
    );
    const got = partnerPhrases([d], "USA", US).map((p) => [p.phrase, p.pattern]);
    expect(got).toEqual(
      expect.arrayContaining([
        ["only ally", "is"],
        ["the linchpin", "alliance"],
        ["global partners", "are"],
        ["strategic partnership", "with"],
      ]),
    );
    expect(got).not.toContainEqual(["important partner", "is"]); // said of Canada
    const p = partnerPhrases([d], "USA", US).find((x) => x.phrase === "only ally")!;
    expect(p.evidence[0]).toMatchObject({ documentKey: "na-2019", text: "The United States is Japan's only ally." });
  });

  it("skips sentences whose mentions do not include the partner", () => {
    const d = doc("x", 2019, "S", "The United States is Japan's only ally.");
    d.sentences[0]!.countries = ["CAN"];
    expect(partnerPhrases([d], "USA", US)).toEqual([]);
  });

  it("groups phrases, counts, events and agreements by edition", () => {
    const docs = [
      doc("na-2016", 2016, "North America", "The United States is Japan's sole ally."),
      doc("na-2019", 2019, "North America", "The United States is Japan's only ally."),
    ];
    const events = [
      event({ edition: 2019, doc: "na-2019", type: "meeting", level: "summit", date: "2018-04" }),
      event({
        edition: 2019,
        doc: "na-2019",
        type: "agreement",
        level: null,
        title: "Joint Statement",
        status: "released",
      }),
      event({ edition: 2019, doc: "na-2019", countries: ["CAN", "JPN"] }),
    ];
    const counts = [count({ edition: 2019, doc: "na-2019", total: 5 })];
    const r = profile("usa", US, docs, events, counts);
    expect(r.editions.map((e) => [e.edition, e.phrases.map((p) => p.phrase)])).toEqual([
      [2016, ["sole ally"]],
      [2019, ["only ally"]],
    ]);
    const e19 = r.editions[1]!;
    expect(e19.events).toEqual({ total: 2, byType: { meeting: 1, agreement: 1 }, meetings: { summit: 1 } });
    expect(e19.agreements.map((a) => a.title)).toEqual(["Joint Statement"]);
    expect(e19.counts[0]!.total).toBe(5);
  });
});

describe("reconcile", () => {
  const stated = (total: number, extra: Parameters<typeof count>[0] = {}) =>
    count({ total, periodStart: "2022-01", periodEnd: "2022-12", edition: 2023, ...extra });

  it("flags a count lower than the events listed one by one as a contradiction", () => {
    const c = stated(3, { video: 1 });
    const events = [
      event({ date: "2022-01-21", modality: "video" }),
      event({ date: "2022-05-23" }),
      event({ date: "2022-06" }),
      event({ date: "2022-11-13" }),
    ];
    const r = reconcile([c], events);
    expect(r.rows[0]).toMatchObject({
      partner: "USA",
      year: 2022,
      level: "summit",
      stated: { total: 3, video: 1 },
      listed: { total: 4, video: 1, inPerson: 3 },
      status: "contradiction",
    });
    expect(r.summary.contradiction).toBe(1);
  });

  it("calls a count higher than the listed events partial, and an equal one agreeing", () => {
    const partial = stated(4, { level: "foreign_ministers", countries: ["CAN", "JPN"] });
    const agrees = stated(2, { countries: ["CAN", "JPN"] });
    const events = [
      event({ level: "foreign_ministers", countries: ["CAN", "JPN"], date: "2022-10" }),
      event({ level: "foreign_ministers", countries: ["CAN", "JPN"], date: "2022-12", modality: "telephone" }),
      event({ countries: ["CAN", "JPN"], date: "2022-02", modality: "telephone" }),
      event({ countries: ["CAN", "JPN"], date: "2022-06-27" }),
      // not counted: another year, another level, more parties, undated
      event({ countries: ["CAN", "JPN"], date: "2021-06" }),
      event({ countries: ["CAN", "JPN", "USA"], date: "2022-06" }),
      event({ countries: ["CAN", "JPN"], date: null }),
    ];
    const r = reconcile([partial, agrees], events);
    const byLevel = Object.fromEntries(r.rows.map((x) => [x.level, x]));
    expect(byLevel.foreign_ministers!.status).toBe("partial");
    expect(byLevel.foreign_ministers!.listed.total).toBe(2);
    expect(byLevel.summit!.status).toBe("agrees");
  });

  it("counts one meeting reported by two documents once", () => {
    const events = [event({ date: "2022-05-23", doc: "readout" }), event({ date: "2022-05", doc: "bluebook" })];
    const r = reconcile([stated(1)], events);
    expect(r.rows[0]!.status).toBe("agrees");
    expect(r.rows[0]!.events[0]!.alsoIn).toEqual(["bluebook"]);
  });

  it("uses the covered year when the count states no period, and treats 'over N' as approximate", () => {
    const c = count({ total: 1, approximate: true, edition: 2016 });
    const r = reconcile([c], [event({ date: "2015-03" }), event({ date: "2015-09" })]);
    expect(r.rows[0]).toMatchObject({ year: 2015, status: "approximate", listed: { total: 2 } });
  });

  it("does not compare a count that names no partner", () => {
    const r = reconcile([count({ countries: ["JPN"], total: 40 })], []);
    expect(r.rows[0]!.status).toBe("not_comparable");
  });

  it("filters by country", () => {
    const r = reconcile([stated(1), stated(1, { countries: ["CAN", "JPN"] })], [], { country: "can" });
    expect(r.rows.map((x) => x.partner)).toEqual(["CAN"]);
  });

  it("reads partial dates as day ranges", () => {
    expect(dateRange("2024-02")).toEqual(["2024-02-01", "2024-02-29"]);
    expect(dateRange("2023")).toEqual(["2023-01-01", "2023-12-31"]);
    expect(dateRange("soon")).toBeNull();
  });
});

describe("export", () => {
  const e = event({
    date: "2022-05-23",
    location: "JPN",
    place: "Tokyo",
    participants: ["Joseph Biden", "Fumio Kishida"],
    text: 'He said, "the alliance, strong as ever"\nand left.',
    doc: "na-2023",
  });

  it("writes CSV per RFC 4180 that a parser reads back cell for cell", () => {
    const text = [...toCsv([e], { bom: true })].join("");
    expect(text.startsWith("\uFEFFid,type,")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(2);
    const header = rows[0]!;
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    expect(row.evidence_text).toBe('He said, "the alliance, strong as ever"\nand left.');
    expect(row.countries).toBe("JPN; USA");
    expect(row.document).toBe("na-2023");
    expect(row.participants).toBe("Joseph Biden; Fumio Kishida");
  });

  it("keeps spreadsheets from running text as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(-3)).toBe("-3");
    expect(csvField("a,b")).toBe('"a,b"');
  });

  it("writes one JSON object per line", () => {
    const lines = [...toJsonl([e, e])];
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ document: "na-2023", evidence: { text: e.evidence.text } });
  });

  it("maps events to PLOVER with modes and the CAMEO crosswalk", () => {
    const recs = toPlover([
      e, // in Japan: the U.S. visited
      event({ modality: "telephone", date: "2022-02" }),
      event({ location: "KHM", date: "2022-11-13" }),
      event({ countries: ["AUS", "IND", "JPN", "USA"], location: "JPN" }),
      event({ type: "visit", level: null, modality: null, countries: ["JPN", "USA"], location: "USA" }),
      event({ type: "agreement", level: null, modality: null, status: "signed", title: "Agreement" }),
      event({ type: "agreement", level: null, modality: null, status: "released", title: "Joint Statement" }),
      event({ type: "policy_release", level: null, modality: null, countries: ["JPN"] }),
    ]);
    expect(recs.map((r) => [r.event_type, r.mode, r.actor, r.recipient, r.cameo])).toEqual([
      ["CONSULT", "visit", "USA", "JPN", "042"],
      ["CONSULT", "phone", "JPN", "USA", "041"],
      ["CONSULT", "third-party", "JPN", "USA", "044"],
      ["CONSULT", "multilateral", "JPN", "AUS;IND;USA", "040"],
      ["CONSULT", "visit", "JPN", "USA", "042"],
      ["AGREE", null, "JPN", "USA", "057"],
      ["AGREE", null, "JPN", "USA", null],
    ]);
    expect(recs[0]!.source).toMatchObject({ document: "na-2023", text: e.evidence.text });
  });

  it("exports announced future meetings as AGREE", () => {
    expect(announcedMeeting("The two leaders agreed to hold a Japan-Canada 2+2 meeting in 2025.")).toBe(
      "a Japan-Canada 2+2 meeting",
    );
    expect(announcedMeeting("The two leaders held a meeting.")).toBeNull();
    const recs = toPlover([], {
      announced: [
        {
          countries: ["CAN", "JPN"],
          date: "2024",
          what: "a 2+2",
          documentKey: "k",
          edition: 2025,
          start: 0,
          end: 1,
          text: "x",
        },
      ],
    });
    expect(recs[0]).toMatchObject({ event_type: "AGREE", actor: "JPN", recipient: "CAN", cameo: "036" });
  });
});

describe("partner names", () => {
  it("does not take the word 'us' for the code US", () => {
    const d = doc(
      "x",
      2020,
      "S",
      "The United States said that cooperation with us is a strategic partnership with US industry.",
    );
    const phrases = partnerPhrases([d], "USA", ["United States", "US"]).map((p) => p.phrase);
    expect(phrases.some((p) => p.endsWith("cooperation"))).toBe(false);
  });
});
