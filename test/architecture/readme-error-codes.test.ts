import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/api/errors.js";

// The README's list of error codes is the one clients read: it names every code of the
// closed set (src/api/errors.ts) with its status, and no code the server does not have.

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const start = readme.indexOf("Errors are `application/problem+json`");
const section = readme.slice(start, readme.indexOf("Unknown\nfields on writes", start));

describe("the README's closed set of error codes", () => {
  it("is found", () => {
    expect(start).toBeGreaterThan(0);
    expect(section.length).toBeGreaterThan(200);
  });

  it.each(Object.entries(ERROR_CODES))("names %s with its status", (code, { status }) => {
    const at = section.indexOf(`\`${code}\``);
    expect(at, `${code} is not in the README's list`).toBeGreaterThan(0);
    // The status follows the code, or a code listed with it ("`a` and `b` 409").
    expect(section.slice(at).match(/\b[1-5]\d\d\b/)?.[0]).toBe(String(status));
  });

  it("names no code the server lacks", () => {
    const named = [...section.matchAll(/`([a-z]+(?:_[a-z]+)+|[a-z]+)` (?:and `[a-z_]+` )?[1-5]\d\d\b/g)].map(
      (m) => m[1],
    );
    for (const code of named) expect(Object.keys(ERROR_CODES)).toContain(code);
  });
});
