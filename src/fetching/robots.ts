/**
 * robots.txt (RFC 9309): the group for our product token (else "*"), Allow and
 * Disallow rules with "*" and "$", the longest match winning and Allow winning a
 * tie; Crawl-delay honoured. No package in node_modules does this, so it is here.
 */

export interface RobotsRule {
  allow: boolean;
  pattern: string;
  re: RegExp;
}

export interface Robots {
  /** whether `path` (path + query of a URL) may be fetched */
  allowed(path: string): boolean;
  /** seconds asked between requests, if the group says so */
  crawlDelay: number | null;
}

function toRegExp(pattern: string): RegExp {
  let src = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") src += ".*";
    else if (c === "$" && i === pattern.length - 1) src += "$";
    else src += c.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${src}`);
}

/** Percent-encodes what a robots.txt pattern or a path would write differently (non-ASCII), keeping %XX as is. */
function canonicalPath(p: string): string {
  return p.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
}

/** Everything allowed: a missing robots.txt (404) or any 4xx. */
export const ALLOW_ALL: Robots = { allowed: () => true, crawlDelay: null };
/** Nothing allowed: robots.txt unreachable or answering 5xx. */
export const DISALLOW_ALL: Robots = { allowed: () => false, crawlDelay: null };

/** Parses robots.txt for a crawler whose product token is `agent` ("Panorama"). */
export function parseRobots(text: string, agent: string): Robots {
  const token = agent.toLowerCase();
  interface Group {
    agents: string[];
    rules: RobotsRule[];
    crawlDelay: number | null;
  }
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (key === "user-agent") {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelay: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === "allow" || key === "disallow") {
      if (!value) continue; // "Disallow:" with nothing allows everything
      const pattern = canonicalPath(value);
      current.rules.push({ allow: key === "allow", pattern, re: toRegExp(pattern) });
    } else if (key === "crawl-delay") {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) current.crawlDelay = n;
    }
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== "*" && token.includes(a)));
  const chosen = mine.length ? mine : groups.filter((g) => g.agents.includes("*"));
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.crawlDelay).filter((d): d is number => d !== null);
  return {
    crawlDelay: delays.length ? Math.max(...delays) : null,
    allowed(path: string) {
      const p = canonicalPath(path);
      if (p === "/robots.txt") return true;
      let best: RobotsRule | null = null;
      for (const r of rules) {
        if (!r.re.test(p)) continue;
        if (
          !best ||
          r.pattern.length > best.pattern.length ||
          (r.pattern.length === best.pattern.length && r.allow && !best.allow)
        )
          best = r;
      }
      return best ? best.allow : true;
    },
  };
}
