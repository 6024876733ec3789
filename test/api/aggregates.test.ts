import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aggregatesFromTallies, allEvents, computeAggregates } from "../../src/interfaces/http/aggregates.js";
import { openStore } from "../../src/storage/index.js";
import { fixtureDocs } from "./fixtures.js";

describe("overview aggregates", () => {
  it("from the store's SQL tallies equal those counted from every event row", () => {
    const dir = mkdtempSync(join(tmpdir(), "panorama-aggregates-"));
    const store = openStore(join(dir, "a.db"));
    try {
      store.ingestMany(fixtureDocs);
      const fromRows = computeAggregates(allEvents(store));
      expect(fromRows.partners.length).toBeGreaterThan(0);
      expect(fromRows.eventsByCountryYear.length).toBeGreaterThan(0);
      expect(aggregatesFromTallies(store.eventTallies())).toEqual(fromRows);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
