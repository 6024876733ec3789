import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../src/reading/html.js";

const FIX = join(import.meta.dirname, "../../fixtures/reading");
const page = (name: string) => htmlToText(readFileSync(join(FIX, name), "utf8"));
const lines = (text: string) => text.split(/\n+/);

describe("htmlToText on the ministry's templates", () => {
  it("readout: relations line, title and date line first, then the body; furniture gone", () => {
    const { text, title } = page("readout-2016.html");
    expect(lines(text).slice(0, 3)).toEqual([
      "Japan-Australia Relations",
      "Japan-Australia Foreign Ministers’ Meeting",
      "March 14, 2016",
    ]);
    expect(lines(text)[3]).toMatch(/^On March 14, commencing at 6:00 p\.m\./);
    expect(title).toMatch(/^Japan-Australia Foreign Ministers’ Meeting/);
    for (const junk of [
      "Site Map",
      "Search",
      "Countries & Regions",
      "Press Room",
      "Page Top",
      "Back to",
      "photo01.jpg",
      "Related Information",
      "About this Website",
      "Kasumigaseki",
      "dataLayer",
      "text-align",
      "(PDF)",
    ])
      expect(text, junk).not.toContain(junk);
    // ordered lists keep their numbers, like the text versions
    expect(text).toContain("\n1. Minister Kishida welcomed");
    expect(text).toContain("\n2. The two ministers confirmed");
  });

  it("readout whose relations line is only in the breadcrumbs still starts with it", () => {
    const html = readFileSync(join(FIX, "readout-2016.html"), "utf8").replace(
      '<p class="relations">Japan-Australia Relations</p>',
      "",
    );
    expect(lines(htmlToText(html).text)[0]).toBe("Japan-Australia Relations");
  });

  it("chapter page: the content div, one block per line, no navigation, Text File or PAGE TOP", () => {
    const { text } = page("bluebook-chapter-2016.html");
    const ls = lines(text);
    expect(ls.slice(0, 5)).toEqual([
      "Diplomatic Bluebook 2016",
      "Chapter 2",
      "Japan’s Foreign Policy that Takes a Panoramic Perspective of the World Map",
      "Section 2 North America",
      "1. Overview",
    ]);
    expect(text).not.toMatch(/Contents|Back|Next|Text File|PAGE TOP|Home|Copyright|jquery|font-size/);
    expect(ls).toContain("April | Summit meeting in Washington, D.C.");
    expect(ls).toContain("*1 The first official visit by a Japanese Prime Minister in nine years.");
    expect(ls).toContain(
      "Japan-U.S. Summit Meeting (April 28, Washington, D.C.; Photo: Cabinet Public Relations Office)",
    );
  });

  it("older framed page: table layout, Contents | Back | Next bars and PAGE TOP dropped", () => {
    const { text } = page("bluebook-framed-2004.html");
    expect(lines(text)).toEqual([
      "Diplomatic Bluebook 2004",
      "Chapter 1 Overview",
      "2. Japan’s Diplomacy in 2003",
      "In 2003, Japan strengthened its alliance with the United States and promoted cooperation with its neighbors in Asia (日本外交).",
      "In October, Prime Minister Junichiro Koizumi attended the APEC Leaders’ Meeting in Bangkok and held a summit meeting with President Roh Moo-hyun of the Republic of Korea.",
    ]);
  });

  it("a frameset names its frames and has no text of its own", () => {
    const r = page("frameset-2004.html");
    expect(r.text).toBe("");
    expect(r.frames).toEqual(["menu.html", "1-2.html"]);
  });

  it("a page of navigation only has no main text", () => {
    expect(page("nav-only.html").text).toBe("");
  });

  it("drops Related Links blocks and lists made only of links, keeps prose lists", () => {
    const html = `<body><div id="maincontents"><h1>Japan-Canada Summit Telephone Talk</h1><p>May 2, 2023</p>
      <p>On May 2, Prime Minister Fumio Kishida held a telephone talk with Prime Minister Justin Trudeau of Canada.</p>
      <ul><li>The two leaders confirmed their cooperation toward the G7 Hiroshima Summit.</li></ul>
      <h2>Related Links</h2><ul><li><a href="/region/n-america/canada/">Japan-Canada Relations</a></li><li><a href="/g7/">G7</a></li></ul>
      <ul class="list"><li><a href="a.html">Press Releases</a></li><li><a href="b.html">Speeches</a></li></ul>
      </div></body>`;
    expect(lines(htmlToText(html).text)).toEqual([
      "Japan-Canada Summit Telephone Talk",
      "May 2, 2023",
      "On May 2, Prime Minister Fumio Kishida held a telephone talk with Prime Minister Justin Trudeau of Canada.",
      "The two leaders confirmed their cooperation toward the G7 Hiroshima Summit.",
    ]);
  });

  it("keeps an article's own header and drops the site's", () => {
    const html =
      "<body><header><a href='/'>Home</a> Ministry site</header><main><header><h1>Japan-India Summit Meeting</h1></header>" +
      "<p>September 1, 2014</p><p>The two leaders held a summit meeting in Tokyo.</p></main></body>";
    expect(lines(htmlToText(html).text)).toEqual([
      "Japan-India Summit Meeting",
      "September 1, 2014",
      "The two leaders held a summit meeting in Tokyo.",
    ]);
  });
});
