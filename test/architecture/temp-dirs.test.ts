import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { removeOwned, tempDir } from "../support/temp-dirs.js";

// The test helpers' temp directories (test/support/temp-dirs.ts) go when their test file
// is done (the setup file's afterAll) or their process exits, also when a test forgot
// close()/stop() or killed its server: the suite must not fill /tmp run after run. The
// exit path is checked in a child process, since it happens at exit.

const HELPER = fileURLToPath(new URL("../support/temp-dirs.ts", import.meta.url));

/** Runs `body` in a fresh Node (tsx) with the helper imported as `t`; returns what it printed. */
function inChild(body: string): string {
  const script = `import * as t from ${JSON.stringify(HELPER)};\n${body}`;
  return execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    encoding: "utf8",
  }).trim();
}

describe("test helpers' temp directories", () => {
  it("a directory left open by a test is gone once its process exits", () => {
    const dir = inChild(`const d = t.tempDir("pitlane-tempdirs-"); console.log(d);`);
    expect(dir.startsWith(join(tmpdir(), "pitlane-tempdirs-"))).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });

  it("also a directory made elsewhere and handed over (a killed server's socket directory)", () => {
    const dir = join(tmpdir(), `pitlane-tempdirs-handed-${process.pid}-${Date.now()}`);
    mkdirSync(join(dir, "inner"), { recursive: true });
    inChild(`t.removeWhenDone(${JSON.stringify(dir)});`);
    expect(existsSync(dir)).toBe(false);
  });

  it("under vitest, the setup file removes them once the file is done (vitest's forks end without an exit event)", () => {
    const config = readFileSync(fileURLToPath(new URL("../../vitest.config.ts", import.meta.url)), "utf8");
    expect(config).toContain("test/support/temp-dirs-cleanup.ts");
    const dir = tempDir("pitlane-tempdirs-");
    expect(existsSync(dir)).toBe(true);
    removeOwned(); // what the setup file's afterAll calls
    expect(existsSync(dir)).toBe(false);
  });

  it("a directory disowned by its helper is left to that helper", () => {
    const dir = inChild(`const d = t.tempDir("pitlane-tempdirs-"); t.disown(d); console.log(d);`);
    try {
      expect(existsSync(dir)).toBe(true);
    } finally {
      execFileSync("rm", ["-rf", dir]);
    }
  });
});
