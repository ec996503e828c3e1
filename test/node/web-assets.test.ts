import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fingerprint } from "../../src/node/web-assets.js";

// The pages' bundles are cached by a fingerprint of what they are built from
// (src/node/web-assets.ts). A change in any of it must give a new fingerprint, or a
// real-server test serves the bundle of before: the board's buttons come from core/status.ts.

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), "pitlane-web-fp-"));
  roots.push(root);
  for (const f of ["src/web/board/app.tsx", "src/core/status.ts", "src/lib/ids.ts", "src/db/schema.ts"]) {
    mkdirSync(join(root, f, ".."), { recursive: true });
    writeFileSync(join(root, f), "export {};\n");
  }
  mkdirSync(join(root, "scripts"));
  writeFileSync(join(root, "scripts/build-web.mjs"), "\n");
  return root;
}

describe("the web bundles' cache key", () => {
  it.each([
    ["a page", "src/web/board/app.tsx", true],
    ["the core the pages import", "src/core/status.ts", true],
    ["the lib the core imports", "src/lib/ids.ts", true],
    ["the build script", "scripts/build-web.mjs", true],
    ["a server-only file", "src/db/schema.ts", false],
  ])("changes with %s", (_, file, changes) => {
    const root = tree();
    const before = fingerprint(root);
    writeFileSync(join(root, file), "export const changed = 1;\n");
    expect(fingerprint(root) !== before).toBe(changes);
  });
});
