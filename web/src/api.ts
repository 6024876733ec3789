/** Typed access to the JSON API. The row types are the store's own (type-only import). */
import { useEffect, useState } from "react";
import type {
  CorpusStats,
  CountRow,
  DocumentRow,
  EventRow,
  MentionRow,
  OrganizationRow,
  PersonMetRow,
  PersonRow,
  SearchHit,
  SentenceRow,
} from "../../src/storage/api.js";

export type {
  CountRow,
  DocumentRow,
  EventRow,
  MentionRow,
  OrganizationRow,
  PersonMetRow,
  PersonRow,
  SearchHit,
  SentenceRow,
};

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface YearTally {
  country: string;
  year: number;
  count: number;
}

export interface Stats extends CorpusStats {
  eventsByCountryYear: YearTally[];
  meetingsByPartnerYear: YearTally[];
  partners: { code: string; events: number; meetings: number }[];
  years: number[];
}

export interface DocumentText {
  document: DocumentRow;
  text: string;
  sentences: SentenceRow[];
  mentions: MentionRow[];
  events: EventRow[];
  counts: CountRow[];
}

export interface PersonDetail {
  person: PersonRow;
  offices: string[];
  events: EventRow[];
  eventsTotal: number;
  documents: { id: number; key: string; edition: number | null; section: string | null }[];
}

export interface PartnerDetail {
  code: string;
  events: number;
  meetings: number;
  /** `stated`: the first stated counts of the year (at most 10); `statedTotal`: how many the texts state */
  years: { year: number; events: number; meetings: number; stated: CountRow[]; statedTotal: number }[];
  /** the first 100 visits (`more`: there are others) */
  visits: { toJapan: EventRow[]; fromJapan: EventRow[]; more: boolean };
  /** the persons met most (meetings and visits with the partner), counted by the server */
  persons: PersonMetRow[];
  /** the first 100 agreements (`agreementsMore`: there are others) */
  agreements: EventRow[];
  agreementsMore: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => null)) as { message?: string } | null;
  if (!res.ok) throw new ApiError(res.status, body?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export type Loadable<T> = { state: "loading" } | { state: "error"; error: ApiError | Error } | { state: "ok"; data: T };

/** Fetches `url` (null: nothing) and re-fetches when it changes. */
export function useApi<T>(url: string | null): Loadable<T> {
  const [result, setResult] = useState<{ url: string | null; value: Loadable<T> }>({
    url: null,
    value: { state: "loading" },
  });
  useEffect(() => {
    if (!url) return;
    const ctl = new AbortController();
    getJson<T>(url, ctl.signal).then(
      (data) => setResult({ url, value: { state: "ok", data } }),
      (error: Error) => {
        if (error.name !== "AbortError") setResult({ url, value: { state: "error", error } });
      },
    );
    return () => ctl.abort();
  }, [url]);
  return result.url === url ? result.value : { state: "loading" };
}

export function apiUrl(path: string, params: Record<string, string | number | null | undefined | string[]> = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) for (const x of v) q.append(k, x);
    else if (v != null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return `/api${path}${s ? `?${s}` : ""}`;
}
