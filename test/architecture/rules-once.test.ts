import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The rules are written once, in src/core, and imported everywhere else: a copy of one
// of these definitions anywhere else in src/ fails here, with where it is.
//   - the status sets: core/status.ts (SQL text through sqlStrings());
//   - the buffer cap codes: core/caps.ts (CAP_CODES);
//   - the express / force choice: core/cap-override.ts;
//   - ms → epoch minute: core/civil.ts's epochMinute().

const ROOT = resolve(__dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const STATUS = `["'](requested|confirmed|checked_in|completed|cancelled|no_show)["']`;

const COPIES: Array<{ what: string; pattern: RegExp; home: string }> = [
  { what: "a list of statuses", pattern: /["']requested["'],\s*["']confirmed["']/, home: "core/status.ts" },
  { what: "a status set", pattern: new RegExp(`\\[\\s*${STATUS},\\s*${STATUS}`), home: "core/status.ts" },
  { what: "the cap codes", pattern: /["']hourly_cap["'],\s*["']two_hour_cap["']/, home: "core/caps.ts" },
  { what: "the express window test", pattern: /<=\s*expressHorizon\(/, home: "core/cap-override.ts" },
  { what: "ms → minute by hand", pattern: /Math\.(floor|trunc)\([^;]*\/\s*60_?000\)/, home: "core/civil.ts" },
];

describe("rules once", () => {
  const sources = files(ROOT).map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, "utf8").split("\n") }));

  for (const { what, pattern, home } of COPIES) {
    it(`${what} is defined only in ${home}`, () => {
      const found: string[] = [];
      for (const { file, lines } of sources) {
        if (file === home) continue;
        lines.forEach((line, i) => {
          if (pattern.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
      }
      expect(found).toEqual([]);
    });
  }
});
