import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureChromium } from "../support/ensure-chromium.js";

// The browser tier's helpers install Chromium the way `npm test`'s pretest does, so that
// `npx vitest run test/browser/…` works on a fresh machine too. Here with stand-in scripts:
// the real one runs apt-get.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pitlane-ensure-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const script = (body: string) => {
  const path = join(dir, "ensure.sh");
  writeFileSync(path, `set -eu\n${body}\n`);
  return path;
};

describe("the browser helpers' Chromium", () => {
  it("is installed by the project's script when missing (PITLANE_CHROMIUM names where)", () => {
    const bin = join(dir, "chromium");
    ensureChromium(bin, script(`printf '#!/bin/sh\\n' > "$PITLANE_CHROMIUM"; chmod +x "$PITLANE_CHROMIUM"`));
    expect(existsSync(bin)).toBe(true);
  });

  it("is left alone when it is there: the script does not run", () => {
    const bin = join(dir, "chromium");
    writeFileSync(bin, "#!/bin/sh\n");
    chmodSync(bin, 0o755);
    expect(() => ensureChromium(bin, script("exit 3"))).not.toThrow();
  });

  it("fails the launch when the script cannot install it", () => {
    expect(() => ensureChromium(join(dir, "chromium"), script("echo 'no Chromium here' >&2; exit 1"))).toThrow();
  });
});
