import { createHash } from "node:crypto";
import type { Digests } from "../lib/digest.js";

// node:crypto (OpenSSL) behind lib/digest.ts's Digests, installed by src/node.ts at boot:
// the same bytes as @noble/hashes (test/lib/digest-backends.test.ts), without the
// JavaScript hashing and hex loops on the booking path (issue 17).

export const nodeDigests: Digests = {
  sha256Hex: (input) => createHash("sha256").update(input).digest("hex"),
};
