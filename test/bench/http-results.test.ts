import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { replaceHalf } from "../../bench/lib/http-results.js";

// bench/results/http.json carries both halves of `npm run bench:http` (bench/lib/http-results.ts):
// the README's figures come from it, so neither half may drop the other's rows.

const dir = mkdtempSync(join(tmpdir(), "pitlane-http-results-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const read = (file: string) => (JSON.parse(readFileSync(file, "utf8")) as Array<{ task: string }>).map((t) => t.task);

describe("bench:http's results file", () => {
  it("keeps each half's rows when the other half writes, search first", () => {
    const file = join(dir, "nested", "http.json");
    replaceHalf(file, "write", [{ task: "write: book, WORKERS=1" }]);
    replaceHalf(file, "search", [{ task: "availability search" }]);
    expect(read(file)).toEqual(["availability search", "write: book, WORKERS=1"]);
    replaceHalf(file, "write", [{ task: "write: book, WORKERS=auto" }]);
    replaceHalf(file, "search", [{ task: "search ceiling" }]);
    expect(read(file)).toEqual(["search ceiling", "write: book, WORKERS=auto"]);
  });
});
