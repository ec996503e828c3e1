import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nobleDigests, sha256Hex, useDigests } from "../../src/lib/digest.js";
import { nodeDigests } from "../../src/node/digests.js";
import { startServer } from "../../src/node.js";

// The Node server hashes through node:crypto (src/node.ts installs node/digests.ts); the
// Worker and the in-process tests through @noble/hashes. They must give the same bytes,
// or a token, API key or Idempotency-Key hashed by one runtime is not found by the other.

afterEach(() => useDigests(nobleDigests));

// Any UTF-16, lone surrogates included (both encoders write U+FFFD for them, as a Worker's
// TextEncoder does): a header or a JSON string can carry them.
const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 }));
const bytes = fc.uint8Array({ maxLength: 300 });

describe("node:crypto's digests and @noble/hashes' agree", () => {
  it("SHA-256 of strings (UTF-8) and of bytes", () => {
    fc.assert(
      fc.property(fc.oneof(text, bytes), (input) => {
        expect(nodeDigests.sha256Hex(input)).toBe(nobleDigests.sha256Hex(input));
      }),
    );
  });

  it.each([
    ["a lone high surrogate", "\ud800"],
    ["a lone low one inside", "a\udc00b"],
    ["a cut pair at the end", "x\ud83d"],
  ])("SHA-256 of %s", (_, input) => {
    expect(nodeDigests.sha256Hex(input)).toBe(nobleDigests.sha256Hex(input));
  });

  it("what sha256Hex answers follows the installed digests", () => {
    const marker = { sha256Hex: () => "installed" };
    useDigests(marker);
    expect(sha256Hex("x")).toBe("installed");
  });

  it("the Node server installs node:crypto's when it starts", async () => {
    useDigests({ sha256Hex: () => "not installed" });
    const dir = mkdtempSync(join(tmpdir(), "pitlane-digests-"));
    const server = await startServer({
      env: { PORT: "0", HOST: "127.0.0.1", DATABASE_PATH: join(dir, "s.db"), SEED_DEMO: "0" },
      log: () => {},
    });
    const native = vi.spyOn(nodeDigests, "sha256Hex");
    try {
      expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      expect(native).toHaveBeenCalledWith("abc");
    } finally {
      native.mockRestore();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
