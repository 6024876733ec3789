import chardet from "chardet";
import iconv from "iconv-lite";

/**
 * Turning a file's bytes into text without ever storing mojibake.
 *
 * Order: a byte-order mark (UTF-8, UTF-16 LE/BE); NUL-byte patterns of BOM-less
 * UTF-16; strict UTF-8; ISO-2022-JP escapes; then the legacy encodings a
 * Japanese ministry page may be in (Shift_JIS, EUC-JP, and Windows-1252 for old
 * English pages), each decoded with iconv-lite, kept only when it round-trips to
 * the same bytes and reads plausibly. chardet's ranking (over the bytes, restricted
 * to those candidates) breaks ties. A declared charset (an HTML meta tag) is tried first.
 */

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** The encodings accepted besides UTF-8/UTF-16, in iconv-lite's names. */
export const LEGACY_ENCODINGS = ["shift_jis", "euc-jp", "windows-1252"] as const;

const CHARDET_NAMES: Record<string, string> = {
  shift_jis: "shift_jis",
  "euc-jp": "euc-jp",
  "windows-1252": "windows-1252",
  "iso-8859-1": "windows-1252",
};

/** Normalizes a declared charset label ("Shift-JIS", "x-sjis", "EUC_JP", "latin1") to a candidate name. */
export function canonicalEncoding(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/_/g, "-");
  if (l === "utf-8" || l === "utf8") return "utf-8";
  if (["shift-jis", "sjis", "x-sjis", "ms-kanji", "csshiftjis", "windows-31j", "cp932", "ms932"].includes(l))
    return "shift_jis";
  if (["euc-jp", "x-euc-jp", "eucjp", "cseucpkdfmtjapanese"].includes(l)) return "euc-jp";
  if (["iso-2022-jp", "csiso2022jp"].includes(l)) return "iso-2022-jp";
  if (["windows-1252", "cp1252", "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"].includes(l))
    return "windows-1252";
  if (l === "utf-16le" || l === "utf-16be" || l === "utf-16") return l;
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function strictUtf16(bytes: Uint8Array, le: boolean): string | null {
  if (bytes.length % 2 !== 0) return null;
  try {
    return new TextDecoder(le ? "utf-16le" : "utf-16be", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** "le" / "be" when the NUL bytes fall where ASCII text in UTF-16 puts them, else null. */
function utf16Pattern(bytes: Uint8Array): "le" | "be" | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return "le";
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return "be";
  return null;
}

/** Characters that never belong in a ministry text: C0/C1 controls (except tab/newlines), U+FFFD, private use. */
const BAD_CHAR = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd\ue000-\uf8ff]/;
/**
 * Per byte of valid UTF-8, for mayHoldBadChar: 1 the byte itself is a BAD_CHAR (a control other than tab, LF, FF,
 * CR; DEL; EE, which opens U+E000-U+EFFF, all private use); 2 C2, which opens U+0080-U+00BF (C1 controls when the
 * next byte is 80-9F); 3 EF, which opens U+F000-U+FFFF (private use when the next byte is 80-A3, U+FFFD as EF BF BD).
 */
const BAD_BYTE = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) if (b !== 9 && b !== 10 && b !== 12 && b !== 13) BAD_BYTE[b] = 1;
BAD_BYTE[0x7f] = 1;
BAD_BYTE[0xee] = 1;
BAD_BYTE[0xc2] = 2;
BAD_BYTE[0xef] = 3;

function badAt(bytes: Uint8Array, i: number): boolean {
  const kind = BAD_BYTE[bytes[i]!]!;
  if (kind === 0) return false;
  if (kind === 1) return true;
  const next = bytes[i + 1] ?? 0;
  if (kind === 2) return next >= 0x80 && next <= 0x9f;
  return next <= 0xa3 || (next === 0xbf && bytes[i + 2] === 0xbd);
}

/**
 * Whether valid UTF-8 bytes may decode to a BAD_CHAR (or hold an ESC, itself one): false means surely not, so the
 * decoded text needs neither BAD_CHAR's nor the ISO-2022-JP escape's regex pass. Four bytes at a time: a word with
 * no byte below 0x20, none equal to 0x7F and none from 0x80 up is skipped; the bytes of any other word are looked at
 * one by one.
 */
function mayHoldBadChar(bytes: Uint8Array): boolean {
  const n = bytes.length;
  const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  const words = (n - head) >> 2;
  const tail = head + (words << 2);
  for (let i = 0; i < head; i++) if (badAt(bytes, i)) return true;
  const w = new Uint32Array(bytes.buffer, bytes.byteOffset + head, words);
  for (let k = 0; k < words; k++) {
    const x = w[k]!;
    const y = x ^ 0x7f7f7f7f;
    if (
      (x & 0x80808080) !== 0 || // a byte from 0x80 up
      ((x - 0x20202020) & ~x & 0x80808080) !== 0 || // a byte below 0x20
      ((y - 0x01010101) & ~y & 0x80808080) !== 0 // a byte equal to 0x7F
    ) {
      const at = head + (k << 2);
      for (let i = at; i < at + 4; i++) if (badAt(bytes, i)) return true;
    }
  }
  for (let i = tail; i < n; i++) if (badAt(bytes, i)) return true;
  return false;
}

/** Runs of characters that Japanese text is made of. */
const CJK_RUN = /^[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e\u2010-\u2027\u00b7\u00d7\u2160-\u217f]+$/;
/** Single non-ASCII characters that English or European text uses between ASCII letters. */
const LATIN_SINGLE = /^[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2010-\u2027\u2030\u20ac\u2122]$/;

/**
 * How plausible a decoded text is: the share of its non-ASCII runs that look like real
 * text (a run of Japanese characters, or one accented letter or typographic mark between
 * ASCII) rather than mojibake (runs of Latin-1 symbols, halfwidth katakana, controls).
 * 1 for pure ASCII; -1 when it holds characters that no text has.
 */
export function plausibility(text: string): number {
  if (BAD_CHAR.test(text)) return -1;
  let runs = 0;
  let good = 0;
  for (const m of text.matchAll(/[^\x00-\x7f]+/g)) {
    runs++;
    const r = m[0];
    const before = text[m.index - 1] ?? " ";
    const after = text[m.index + r.length] ?? " ";
    // Japanese inside English sits apart ("Kishida (岸田)"), not glued inside a word ("Japan膨s")
    const glued = /[A-Za-z]/.test(before) || /[A-Za-z]/.test(after);
    if (CJK_RUN.test(r) && !(glued && r.length <= 2 && !/^[\u2010-\u2027]+$/.test(r))) good++;
    else if (r.length === 1 && LATIN_SINGLE.test(r)) good++;
    // typographic marks with at most one accented letter: "René’s", "—“", "’”"
    else if (
      r.length <= 3 &&
      [...r].every((c) => LATIN_SINGLE.test(c)) &&
      r.replace(/[\u2010-\u2027]/g, "").length <= 1
    )
      good++;
  }
  return runs === 0 ? 1 : good / runs;
}

function roundTrips(bytes: Uint8Array, text: string, encoding: string): boolean {
  const back = iconv.encode(text, encoding);
  return Buffer.compare(back, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) === 0;
}

/** The charset an HTML page declares in its first 2 KB (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString("latin1");
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head) ?? /<\?xml[^>]+encoding=["']([^"']+)/i.exec(head);
  return m ? canonicalEncoding(m[1]!) : null;
}

/**
 * Decodes a file's bytes, or says why it cannot with confidence.
 * `declared` is a charset the content declares (HTML meta); it is verified, not trusted.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const t = strictUtf8(bytes.subarray(3));
    return t === null
      ? { ok: false, reason: "starts with a UTF-8 byte-order mark but is not valid UTF-8" }
      : { ok: true, text: t, encoding: "utf-8" };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    const t = strictUtf16(bytes.subarray(2), le);
    if (t === null || BAD_CHAR.test(t.replace(/\u0000/g, "")))
      return {
        ok: false,
        reason: `starts with a UTF-16 ${le ? "LE" : "BE"} byte-order mark but is not valid UTF-16${bytes.length % 2 ? " (odd length: truncated?)" : ""}`,
      };
    return { ok: true, text: t, encoding: le ? "utf-16le" : "utf-16be" };
  }
  if (bytes.includes(0)) {
    const pattern = utf16Pattern(bytes);
    if (pattern) {
      const t = strictUtf16(bytes, pattern === "le");
      if (t !== null && plausibility(t) >= 0.9) return { ok: true, text: t, encoding: `utf-16${pattern}` };
    }
    return { ok: false, reason: "looks like a binary file (it contains NUL bytes), not text" };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) {
    // most files hold neither: a look at the bytes says so faster than the two regex passes over the text below
    if (!mayHoldBadChar(bytes)) return { ok: true, text: utf8, encoding: "utf-8" };
    if (/\u001b\$[@B]/.test(utf8)) {
      let t = "";
      try {
        t = new TextDecoder("iso-2022-jp", { fatal: true }).decode(bytes);
      } catch {
        return { ok: false, reason: "holds broken ISO-2022-JP escape sequences: cannot tell its encoding" };
      }
      if (plausibility(t) >= 0.95) return { ok: true, text: t, encoding: "iso-2022-jp" };
    }
    if (BAD_CHAR.test(utf8)) return { ok: false, reason: "holds control characters: it is not a text file" };
    return { ok: true, text: utf8, encoding: "utf-8" };
  }
  // A UTF-8 text cut in the middle of a character.
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    if (strictUtf8(bytes.subarray(0, bytes.length - cut)) !== null && bytes[bytes.length - cut]! >= 0xc0)
      return { ok: false, reason: "ends in the middle of a UTF-8 character: the file looks truncated" };
  }

  // Legacy encodings: chardet's order among the candidates, a verified declaration first.
  const ranked: string[] = [];
  if (declared && (LEGACY_ENCODINGS as readonly string[]).includes(declared)) ranked.push(declared);
  // chardet's statistics settle within the first 64 KB; over megabytes it only costs time
  for (const r of chardet.analyse(bytes.subarray(0, 64 * 1024))) {
    const name = CHARDET_NAMES[r.name.toLowerCase()];
    if (name && !ranked.includes(name)) ranked.push(name);
  }
  for (const e of LEGACY_ENCODINGS) if (!ranked.includes(e)) ranked.push(e);

  const scored: Array<{ encoding: string; text: string; score: number }> = [];
  for (const encoding of ranked) {
    const text = iconv.decode(Buffer.from(bytes), encoding);
    if (!roundTrips(bytes, text, encoding)) continue;
    const score = plausibility(text);
    if (score >= 0.95) scored.push({ encoding, text, score });
  }
  if (scored.length === 0)
    return {
      ok: false,
      reason: `is not valid UTF-8 and does not read as ${LEGACY_ENCODINGS.join(", ")} either: cannot tell its encoding`,
    };
  // Best plausibility wins; among equals, the first in the ranking (declared, then chardet).
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const rivals = scored.filter((s) => s !== best && s.score === best.score && s.text !== best.text);
  if (rivals.length && best.encoding !== declared && best.encoding !== "windows-1252") {
    // Shift_JIS and EUC-JP both read plausibly and differ: not confident.
    const japanese = rivals.filter((r) => r.encoding !== "windows-1252");
    if (japanese.length)
      return {
        ok: false,
        reason: `reads as both ${best.encoding} and ${japanese.map((r) => r.encoding).join(", ")}: cannot tell its encoding`,
      };
  }
  return { ok: true, text: best.text, encoding: best.encoding };
}
