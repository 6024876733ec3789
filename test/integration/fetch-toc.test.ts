import { describe, expect, it } from "vitest";
import { editionRoot, extractLinks, localName, pickDocuments, tocLocations } from "../../src/fetching/index.js";

const BASE = "https://www.mofa.go.jp/policy/other/bluebook/";

describe("where an edition's contents are", () => {
  it("recent editions: html/index.html first; older ones: the folder's index.html first", () => {
    expect(tocLocations(2025)).toEqual([`${BASE}2025/html/index.html`, `${BASE}2025/index.html`]);
    expect(tocLocations(2005)).toEqual([`${BASE}2005/index.html`, `${BASE}2005/html/index.html`]);
    expect(tocLocations(2025, "http://127.0.0.1:8080/bb")).toEqual([
      "http://127.0.0.1:8080/bb/2025/html/index.html",
      "http://127.0.0.1:8080/bb/2025/index.html",
    ]);
  });
});

describe("links of a contents page", () => {
  const root = editionRoot(2025);
  const page = `${root}html/index.html`;
  const html = `<ul>
    <li><a href="chapter1/c0101.html">1</a> <a href="../pdf/c0101.pdf">PDF</a> <a href="chapter1/c0101.txt">Text File</a></li>
    <li><a href="chapter2/index.html">2</a></li><li><a href="chapter3/index.html">3</a></li>
    <li><a href="chapter2/c0201.html#s1">2-1</a></li><li><a href="chapter2/c0201.html">2-1 again</a></li>
    <li><a href="/region/index.html">Regions</a></li><li><a href="../../2024/html/index.html">2024</a></li>
    <li><a href="img/map.png">Map</a></li><li><a href="index.html">Contents</a></li></ul>`;

  it("keeps documents inside the edition's folder, once each, without fragments", () => {
    expect(extractLinks(html, page, root).map((l) => l.url.slice(root.length))).toEqual([
      "html/chapter1/c0101.html",
      "pdf/c0101.pdf",
      "html/chapter1/c0101.txt",
      "html/chapter2/index.html",
      "html/chapter3/index.html",
      "html/chapter2/c0201.html",
    ]);
  });

  it("keeps one form of each chapter, in the order preferred", () => {
    const links = extractLinks(html, page, root);
    const names = (prefer?: Array<"html" | "pdf" | "txt">) =>
      pickDocuments(links, prefer).map((l) => l.url.slice(root.length));
    expect(names()).toEqual([
      "html/chapter1/c0101.html",
      "html/chapter2/index.html",
      "html/chapter3/index.html",
      "html/chapter2/c0201.html",
    ]);
    expect(names(["pdf", "html"])[0]).toBe("pdf/c0101.pdf");
    expect(names(["txt"])).toEqual(["html/chapter1/c0101.txt"]);
  });

  it("names saved files by edition and path, so that ids never collide", () => {
    expect(localName(`${root}html/chapter2/c0201.html`, root, 2025)).toBe("2025_chapter2_c0201.html");
    expect(localName(`${root}pdf/c0101.pdf`, root, 2025)).toBe("2025_pdf_c0101.pdf");
    expect(localName(`${root}html/chapter2/index.html`, root, 2025)).not.toBe(
      localName(`${root}html/chapter3/index.html`, root, 2025),
    );
  });
});
