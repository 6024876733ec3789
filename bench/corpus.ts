/**
 * A large benchmark corpus made from the project's own sample texts
 * (samples/*.txt), varied so that it is not one file copied: years shift
 * (edition and covered year together), month names rotate, day numbers and
 * counts change, paragraphs of other samples are appended in a random order.
 * Files are written one at a time: the corpus is never held in memory.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const MONTH_RE = new RegExp(`\\b(${MONTHS.join("|")})\\b`, "g");

/** Small deterministic PRNG (mulberry32), so a corpus of a given size is always the same. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The checkout's root: the nearest folder above this file with a samples/ folder (works from bench/ and dist/bench/). */
export function projectRoot(): string {
  let dir = import.meta.dirname;
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, "samples")) && existsSync(join(dir, "package.json"))) return dir;
    dir = dirname(dir);
  }
  return resolve(import.meta.dirname, "..", "..");
}

export interface SampleText {
  name: string;
  text: string;
  /** the body paragraphs (after the headings), for mixing into other files */
  paragraphs: string[];
}

/** The sample texts of the repository (samples/*.txt). */
export function loadSamples(root = projectRoot()): SampleText[] {
  const dir = join(root, "samples");
  const out: SampleText[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith(".txt")) continue;
    const text = readFileSync(join(dir, f), "utf8");
    const paragraphs = text.split(/\n\s*\n/).filter((p) => p.length > 200 && /[.!?]["”’)]?\s*$/.test(p.trim()));
    out.push({ name: f.replace(/\.txt$/, ""), text, paragraphs });
  }
  if (out.length === 0) throw new Error(`no sample texts in ${dir}`);
  return out;
}

/** Varies one text: years shift by `yearShift`, months rotate by `monthShift`, small numbers change. */
export function vary(text: string, rand: () => number, yearShift: number, monthShift: number): string {
  return text
    .replace(/\b(19[5-9]\d|20[0-4]\d)\b/g, (y) => String(Number(y) + yearShift))
    .replace(MONTH_RE, (m) => MONTHS[(MONTHS.indexOf(m) + monthShift + 12) % 12]!)
    .replace(/(?<=[A-Za-z] )(?<!(?:Chapter|Section|Part|No\.) )\b([1-9]|[12]\d)\b(?![-–:.]\d)/g, (n) => {
      // days and counts: keep them plausible (1..28), sometimes keep the original
      if (rand() < 0.5) return n;
      return String(1 + Math.floor(rand() * 28));
    });
}

export interface CorpusInfo {
  dir: string;
  files: string[];
  bytes: number;
}

/**
 * Writes about `megabytes` MB of text files into `dir`, each 6-40 KB: one
 * sample varied, then paragraphs of others varied the same way.
 */
export function generateCorpus(dir: string, megabytes: number, seed = 2024): CorpusInfo {
  const samples = loadSamples();
  const pool = samples.flatMap((s) => s.paragraphs);
  const rand = rng(seed);
  const target = Math.round(megabytes * 1024 * 1024);
  const files: string[] = [];
  let bytes = 0;
  let i = 0;
  while (bytes < target) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, "0"));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const base = samples[i % samples.length]!;
    const yearShift = Math.floor(rand() * 9) - 4;
    const monthShift = Math.floor(rand() * 12);
    const want = 6 * 1024 + Math.floor(rand() * 34 * 1024);
    const parts = [vary(base.text.trimEnd(), rand, yearShift, monthShift)];
    let len = parts[0]!.length;
    while (len < want && pool.length > 0) {
      const p = vary(pool[Math.floor(rand() * pool.length)]!, rand, yearShift, monthShift);
      parts.push(p);
      len += p.length + 2;
    }
    const text = `${parts.join("\n\n")}\n`;
    const path = join(sub, `${base.name}-${String(i).padStart(6, "0")}.txt`);
    writeFileSync(path, text);
    files.push(path);
    bytes += Buffer.byteLength(text);
    i++;
  }
  return { dir, files, bytes };
}
