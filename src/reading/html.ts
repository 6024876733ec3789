import * as cheerio from "cheerio";
import type { AnyNode, Element, Text } from "domhandler";
import { Text as DomText } from "domhandler";

/**
 * The main text of a ministry page. The site's templates across the years:
 *
 * - older framed Bluebook pages: a table layout, "Contents | Back | Next" bars above
 *   and below the text, "PAGE TOP" links, images for headings;
 * - chapter pages: a header with menus, breadcrumbs, the text in a content div
 *   (#contents, #maincontents, .main-contents, main...), a footer; a "Text File" link;
 * - meeting readouts: a relations line ("Japan-Republic of Korea Relations") above the
 *   title, the title (h1), a date line ("June 21, 2015"), the body, "Back to ..." links.
 *
 * Out comes one block per line (blank line between), the relations line, title and date
 * line first, everything that is site furniture gone. Parsing is cheerio's (parse5).
 */

/** Elements whose text is never part of the main text. */
const DROP =
  "script, style, noscript, template, nav, footer, iframe, svg, form, button, select, img, object, embed, map, area, link, meta, input, textarea, [hidden], [aria-hidden=true]";

/** id/class words of page furniture (compared as whole words of the id/class, split on - _ and spaces). */
const FURNITURE_WORDS = new Set([
  "nav",
  "navi",
  "gnav",
  "lnav",
  "snav",
  "navigation",
  "globalnav",
  "localnav",
  "menu",
  "breadcrumb",
  "breadcrumbs",
  "topicpath",
  "pankuzu",
  "footer",
  "sidebar",
  "sidenav",
  "pagetop",
  "skip",
  "share",
  "sns",
  "social",
  "banner",
  "search",
  "print",
]);
/** Ids/classes that are furniture as a whole: "header", "site-header", "page-top", "side". */
const FURNITURE_WHOLE =
  /^(?:header|site-?header|global-?header|page-?top|go-?top|to-?top|side|sub|related|related-?links?|lang|language|language-?switch)$/i;

/** Where the main text lives, most specific first. */
const MAIN_SELECTORS = [
  "#maincontents",
  "#main-contents",
  ".main-contents",
  ".maincontents",
  "main",
  "[role=main]",
  "#contents",
  "#content",
  ".contents",
  "article",
  "#main",
];

/** Elements that start a new line in the extracted text. */
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "aside",
  "header",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "table",
  "tr",
  "td",
  "th",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "br",
  "hr",
  "figure",
  "figcaption",
  "caption",
  "address",
  "center",
  "body",
]);

/** Lines that are site navigation, not content. */
const NAV_LINE =
  /^(?:[▲△↑▼>»«<]\s*)?(?:(?:contents|table of contents|back|next|previous|prev|home|top|page top|to page top|back to top|go to top|text file|print|menu|japanese|english|日本語|pdf|main text|skip to main content|related links|related information)\s*(?:[|>\-–—/]\s*)?)+$/i;
/** "Back to Japan-Republic of Korea Relations", "Back to Index" */
const BACK_TO = /^(?:[▲△↑]\s*)?back to\b/i;
/** A stray image or file name: "photo01.jpg", "title_e.gif" */
const FILE_NAME = /^[\w.-]+\.(?:jpe?g|gif|png|bmp|svg|pdf|txt|html?)$/i;
/** "(PDF)", "[PDF: 120KB]", "(Japanese)" */
const FILE_NOTE = /^[([]\s*(?:pdf|japanese|text|english)[^)\]]*[)\]]$/i;
/** The heading of a block of links at the foot of a page. */
const RELATED = /^(?:related (?:links?|information|articles?|pages?|materials?)|see also|links)$/i;

/** A list (or block) in which every item's text is the text of a link. */
function isLinkList($: cheerio.CheerioAPI, el: ReturnType<cheerio.CheerioAPI>): boolean {
  const items = el.is("ul, ol") ? el.children("li") : el.is("dl") ? el.children("dd, dt") : el;
  if (!items.length) return false;
  return items.toArray().every((item) => {
    const text = $(item).text().replace(/\s+/g, "");
    const linked = $(item).find("a").text().replace(/\s+/g, "");
    return text.length > 0 && linked.length >= text.length * 0.9;
  });
}

/** A readout's relations line. */
const RELATIONS = /^Japan\s*[-–—]\s*.+\s+Relations$/;

export interface HtmlText {
  text: string;
  title: string | null;
  /** a frameset page: the pages of its frames (src attributes), whose text it does not hold */
  frames?: string[];
}

function isFurniture(el: Element): boolean {
  const id = el.attribs?.id ?? "";
  const cls = el.attribs?.class ?? "";
  for (const name of [id, ...cls.split(/\s+/)]) {
    if (!name) continue;
    if (FURNITURE_WHOLE.test(name)) return true;
    for (const w of name.toLowerCase().split(/[-_\s]+/)) if (FURNITURE_WORDS.has(w)) return true;
  }
  const role = el.attribs?.role;
  return role === "navigation" || role === "banner" || role === "contentinfo" || role === "search";
}

function cleanLines(raw: string): string[] {
  return raw
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0\u3000]+/g, " ").trim())
    .filter((l) => l.length > 0 && !NAV_LINE.test(l) && !BACK_TO.test(l) && !FILE_NAME.test(l) && !FILE_NOTE.test(l));
}

/**
 * The main text of an HTML page: blocks on their own lines, navigation, breadcrumbs,
 * menus, footers, scripts, styles and image names dropped.
 */
export function htmlToText(html: string): HtmlText {
  const $ = cheerio.load(html);
  flattenDeep($.root().get(0) as AnyNode);
  const title = $("title").first().text().replace(/\s+/g, " ").trim() || null;

  // A relations line that only the breadcrumbs give ("Home > Japan-ROK Relations > ...").
  let crumbRelations: string | null = null;
  $("[id*=bread], [class*=bread], [id*=topicpath], [class*=topicpath], [id*=pankuzu], [class*=pankuzu]").each(
    (_, el) => {
      $(el)
        .find("a, li, span")
        .each((_, a) => {
          const t = $(a).text().replace(/\s+/g, " ").trim();
          if (RELATIONS.test(t)) crumbRelations = t;
        });
    },
  );

  const frames = $("frame[src], iframe[src]")
    .map((_, el) => $(el).attr("src") ?? "")
    .get()
    .filter(Boolean);
  if ($("frameset").length) return { text: "", title, frames };

  $(DROP).remove();
  // <header> is the site's banner, unless it heads the article itself
  $("header").each((_, el) => {
    if (!$(el).parents("main, article, [role=main], #contents, #maincontents, .main-contents").length) $(el).remove();
  });
  $("*").each((_, el) => {
    if (el.type === "tag" && isFurniture(el)) $(el).remove();
  });

  // "Related Links" / "Related Information" headings and the link lists under them
  $("h2, h3, h4, h5, p, dt, div").each((_, el) => {
    const $el = $(el);
    if ($el.children("p, div, ul, ol, table").length) return;
    if (!RELATED.test($el.text().replace(/\s+/g, " ").trim())) return;
    let next = $el.next();
    while (next.length && /^(?:ul|ol|dl|dd|div|p)$/i.test(next.get(0)?.tagName ?? "") && isLinkList($, next)) {
      const after = next.next();
      next.remove();
      next = after;
    }
    $el.remove();
  });
  // lists whose every item is only a link: menus and link lists, not prose
  $("ul, ol").each((_, el) => {
    if (isLinkList($, $(el))) $(el).remove();
  });

  const root = chooseRoot($);
  const parts: string[] = [];
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === "text") {
        parts.push((node as Text).data.replace(/\s+/g, " "));
      } else if (node.type === "tag") {
        const el = node as Element;
        const name = el.name.toLowerCase();
        if (name === "tr" && isDataRow(el)) {
          // a row of a data table: its short cells on one line
          const cells = el.children.filter((c) => c.type === "tag" && /^t[dh]$/i.test((c as Element).name));
          const texts = cells.map((c) => textOf(c).replace(/\s+/g, " ").trim()).filter(Boolean);
          parts.push(`\n${texts.join(" | ")}\n`);
          continue;
        }
        const block = BLOCK.has(name);
        if (block) parts.push("\n");
        // ordered lists keep their numbers, as the plain-text versions print them
        if (name === "li" && el.parent && (el.parent as Element).name === "ol") {
          const ol = el.parent as Element;
          const items = ol.children.filter((c) => c.type === "tag" && (c as Element).name === "li");
          const start = Number.parseInt(ol.attribs?.start ?? "1", 10);
          parts.push(`${(Number.isFinite(start) ? start : 1) + items.indexOf(el)}. `);
        }
        walk(el.children);
        if (block) parts.push("\n");
      }
    }
  };
  if (root) walk(root.children as AnyNode[]);
  const lines = cleanLines(parts.join(""));
  if (crumbRelations && lines.length && !lines.slice(0, 3).some((l) => RELATIONS.test(l)))
    lines.unshift(crumbRelations);
  // Paragraphs are separated by a blank line, as in the plain-text editions.
  return { text: lines.join("\n\n"), title };
}

/** The element that holds the main text: a known content container that also holds the page's h1, else the body. */
function chooseRoot($: cheerio.CheerioAPI): Element | null {
  const body = ($("body").get(0) ?? $.root().get(0)) as Element | undefined;
  if (!body) return null;
  const bodyText = $(body).text().replace(/\s+/g, "").length;
  const h1 = $("h1").get(0);
  for (const sel of MAIN_SELECTORS) {
    const found = $(sel).get(0) as Element | undefined;
    if (!found) continue;
    let el: Element = found;
    const len = $(el).text().replace(/\s+/g, "").length;
    if (len < Math.min(200, bodyText * 0.3)) continue; // an empty shell: keep looking
    // the title sits above the content div in some templates: climb until it is inside
    if (h1 && !$(el).find(h1).length && el !== h1) {
      let up = el.parent as Element | null;
      while (up && up.type === "tag" && !$(up).find(h1).length) up = up.parent as Element | null;
      if (up && up.type === "tag") el = up;
    }
    return el;
  }
  return body;
}

function textOf(node: AnyNode): string {
  if (node.type === "text") return (node as Text).data;
  if (node.type === "tag") return (node as Element).children.map(textOf).join(" ");
  return "";
}

/** A table row of two or more short cells with no block content: data, not layout. */
function isDataRow(tr: Element): boolean {
  const cells = tr.children.filter((c) => c.type === "tag" && /^t[dh]$/i.test((c as Element).name)) as Element[];
  if (cells.length < 2) return false;
  const hasBlock = (el: Element): boolean =>
    el.children.some(
      (c) =>
        c.type === "tag" && (/^(?:p|div|table|br|ul|ol|h\d)$/i.test((c as Element).name) || hasBlock(c as Element)),
    );
  return cells.every((c) => textOf(c).replace(/\s+/g, " ").trim().length < 100 && !hasBlock(c));
}

/** Deeper than this, elements carry no structure worth keeping; their text is kept. */
const MAX_DEPTH = 256;

/**
 * Cuts pathological nesting (10,000 nested divs) down to MAX_DEPTH without recursion:
 * an element at that depth keeps its text as one text node. Every later step (cheerio's
 * .text(), the block walk) recurses, and would overflow the stack on such a page.
 */
function flattenDeep(root: AnyNode): void {
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!("children" in node)) continue;
    const el = node as Element;
    if (depth >= MAX_DEPTH && el.type === "tag") {
      const flat = new DomText(flatText(el));
      flat.parent = el;
      el.children = [flat];
      continue;
    }
    for (const c of el.children) stack.push([c, depth + 1]);
  }
}

/** The text under an element, block elements on their own lines, without recursion. */
function flatText(el: Element): string {
  const out: string[] = [];
  const stack: Array<AnyNode | "\n"> = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n === "\n") out.push("\n");
    else if (n.type === "text") out.push((n as Text).data);
    else if ("children" in n) {
      const block = n.type === "tag" && BLOCK.has((n as Element).name.toLowerCase());
      if (block) stack.push("\n");
      for (let i = (n as Element).children.length - 1; i >= 0; i--) stack.push((n as Element).children[i]!);
      if (block) out.push("\n");
    }
  }
  return out.join("");
}
