import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../src/reading/html.js";

describe("htmlToText on pathological nesting", () => {
  it("keeps the text of a page nested 10,000 levels deep instead of overflowing the stack", () => {
    const n = 10_000;
    const html = `<html><body>${"<div><span>".repeat(n)}<p>Japan and Peru held a summit meeting in May.</p><p>Trade grew.</p>${"</span></div>".repeat(n)}</body></html>`;
    const r = htmlToText(html);
    expect(r.text).toContain("Japan and Peru held a summit meeting in May.");
    expect(r.text).toContain("Trade grew.");
    expect(r.text).not.toContain("Japan and Peru held a summit meeting in May.Trade");
  });

  it("leaves ordinary nesting as it was", () => {
    const r = htmlToText(
      "<html><body><main><h1>Japan-Chile Relations</h1><div><p>First.</p><p>Second.</p></div></main></body></html>",
    );
    expect(r.text).toBe("Japan-Chile Relations\n\nFirst.\n\nSecond.");
  });
});
