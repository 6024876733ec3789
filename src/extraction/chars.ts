/** Character classes the hand-written scans of the extractors share, one UTF-16 unit at a time. */

/** 1 for the UTF-16 units that /\s/ matches (built from the regex itself, so the two always agree). */
export const SPACE_UNIT = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) SPACE_UNIT[c] = 1;

/** What /\s/ says of one UTF-16 unit. */
export const isSpace = (c: number): boolean => SPACE_UNIT[c] === 1;
