import * as cheerio from "cheerio";
import type { AnyNode, Element, Text } from "domhandler";

/** Elements whose text is never part of the main text. */
const DROP =
  "script, style, noscript, template, nav, header, footer, iframe, svg, form, button, select, img, object, embed";
/** Elements that start a new line in the extracted text. */
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "aside",
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
]);
/** Lines that are site navigation, not content. */
const NAV_LINE = /^(?:(?:contents|back|next|previous|home|top|page top|text file|print|menu)\s*(?:[|>\-–—]\s*)?)+$/i;

export interface HtmlText {
  text: string;
  title: string | null;
}

/**
 * The main text of an HTML page: blocks on their own lines, navigation, scripts,
 * styles and image names dropped. Parsed by cheerio (parse5 underneath).
 */
export function htmlToText(html: string): HtmlText {
  const $ = cheerio.load(html);
  const title = $("title").first().text().trim() || null;
  $(DROP).remove();
  const rootNode = $("main").get(0) ?? $("body").get(0) ?? $.root().get(0);
  const parts: string[] = [];
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === "text") {
        parts.push((node as Text).data.replace(/\s+/g, " "));
      } else if (node.type === "tag") {
        const el = node as Element;
        const block = BLOCK.has(el.name.toLowerCase());
        if (block) parts.push("\n");
        walk(el.children);
        if (block) parts.push("\n");
      }
    }
  };
  if (rootNode && "children" in rootNode) walk(rootNode.children as AnyNode[]);
  const lines = parts
    .join("")
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((l) => l.length > 0 && !NAV_LINE.test(l));
  // Paragraphs are separated by a blank line, as in the plain-text editions.
  return { text: lines.join("\n\n"), title };
}
