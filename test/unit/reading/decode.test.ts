import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { canonicalEncoding, declaredCharset, decodeBytes, plausibility } from "../../../src/reading/decode.js";

const TEXT =
  "Japan’s Minister for Foreign Affairs Kishida (岸田外務大臣) held a “Japan-ROK” meeting in Tokyo.\n" +
  "The two ministers agreed to cooperate closely on regional issues.\n";

const ok = (r: ReturnType<typeof decodeBytes>) => {
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe("decodeBytes", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(ok(decodeBytes(Buffer.from(TEXT)))).toEqual({ ok: true, text: TEXT, encoding: "utf-8" });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
    expect(ok(decodeBytes(bom))).toEqual({ ok: true, text: TEXT, encoding: "utf-8" });
  });

  it("reads UTF-16 LE and BE with a BOM, and LE without one", () => {
    expect(ok(decodeBytes(iconv.encode(TEXT, "utf-16le", { addBOM: true }))).encoding).toBe("utf-16le");
    expect(ok(decodeBytes(iconv.encode(TEXT, "utf-16le", { addBOM: true }))).text).toBe(TEXT);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, "utf-16be")]);
    expect(ok(decodeBytes(be))).toMatchObject({ text: TEXT, encoding: "utf-16be" });
    expect(ok(decodeBytes(iconv.encode(TEXT, "utf-16le")))).toMatchObject({ text: TEXT, encoding: "utf-16le" });
  });

  it.each(["shift_jis", "euc-jp"])("detects %s and decodes it exactly", (enc) => {
    const r = ok(decodeBytes(iconv.encode(TEXT, enc)));
    expect(r.encoding).toBe(enc);
    expect(r.text).toBe(TEXT);
  });

  it("detects Shift_JIS and EUC-JP even when the only non-ASCII characters are quotes", () => {
    const t = "Japan’s relations with the “Republic of Korea” improved in 2015. ".repeat(4);
    for (const enc of ["shift_jis", "euc-jp"]) expect(ok(decodeBytes(iconv.encode(t, enc)))).toMatchObject({ text: t });
  });

  it("reads an old Windows-1252 English page", () => {
    const t = "Minister St\u00e9phane Dion’s visit — a “new chapter”. ";
    expect(ok(decodeBytes(iconv.encode(t, "windows-1252")))).toMatchObject({ text: t, encoding: "windows-1252" });
  });

  it("refuses binary data and undecodable bytes rather than store mojibake", () => {
    let seed = 7;
    const rnd = Buffer.alloc(4000);
    for (let i = 0; i < rnd.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      rnd[i] = 1 + (seed % 255);
    }
    const r = decodeBytes(rnd);
    expect(r.ok).toBe(false);
    expect(decodeBytes(Buffer.from([0x41, 0x00, 0x00, 0x00, 0x42, 0x00, 0x00, 0x00, 0x00, 0x01]))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/binary/),
    });
  });

  it("names a UTF-8 text cut in the middle of a character as truncated", () => {
    const b = Buffer.from("Japan’s");
    expect(decodeBytes(b.subarray(0, 6))).toMatchObject({ ok: false, reason: expect.stringMatching(/truncated/) });
  });

  it("refuses UTF-8 text with one stray legacy byte in it (mixed encodings)", () => {
    const mixed = Buffer.concat([Buffer.from("Japan’s text, "), iconv.encode("岸田", "shift_jis")]);
    expect(decodeBytes(mixed).ok).toBe(false);
  });

  it("uses a verified declared charset", () => {
    const html = `<meta charset="Shift_JIS"><p>${TEXT}</p>`;
    const bytes = iconv.encode(html, "shift_jis");
    expect(declaredCharset(bytes)).toBe("shift_jis");
    expect(ok(decodeBytes(bytes, "shift_jis"))).toMatchObject({ text: html, encoding: "shift_jis" });
  });
});

describe("plausibility and charset names", () => {
  it("scores mojibake low and real text high", () => {
    expect(plausibility("plain ASCII")).toBe(1);
    expect(plausibility("Kishida (岸田) and René’s “note”")).toBe(1);
    expect(plausibility("Japan窶冱 text")).toBeLessThan(0.95);
    expect(plausibility("a\u0001b")).toBe(-1);
  });
  it("maps charset labels", () => {
    expect(canonicalEncoding("x-sjis")).toBe("shift_jis");
    expect(canonicalEncoding("EUC_JP")).toBe("euc-jp");
    expect(canonicalEncoding("ISO-8859-1")).toBe("windows-1252");
    expect(canonicalEncoding("koi8-r")).toBeNull();
  });
});

describe("never mojibake (property)", () => {
  const piece = fc.constantFrom(
    "Japan",
    " and ",
    "the ROK",
    " held a meeting",
    ". ",
    "’s",
    "“",
    "”",
    " (外務省)",
    " 岸田",
    "かな",
    "カタカナ",
    "2015",
    "\n",
    ", ",
    "Minister",
  );
  // Japanese words inside English stand apart (spaces, brackets); glued to Latin letters they
  // look like mojibake and are refused on purpose, so the pieces are joined with spaces
  const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((a) => a.join(" "));

  it.each(["shift_jis", "euc-jp", "utf-16le", "utf-8"])(
    "%s: a decoded text is always the text that was encoded",
    (enc) => {
      let decoded = 0;
      fc.assert(
        fc.property(text, (t) => {
          const bytes = enc === "utf-16le" ? iconv.encode(t, enc, { addBOM: true }) : iconv.encode(t, enc);
          const r = decodeBytes(bytes);
          if (r.ok) {
            decoded++;
            expect(r.text).toBe(t);
          }
        }),
        { seed: 20260412, numRuns: 300 },
      );
      // and refusing is the exception, not the rule
      expect(decoded).toBeGreaterThan(270);
    },
  );
});
