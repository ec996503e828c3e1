// Deliberately first, before anything that loads @hono/zod-openapi: the shared schemas of
// the core, as a script or a test that needs only them would load them. Keep this order.
import { Id } from "../../src/core/primitives.js";
import { DealerConfig } from "../../src/core/dealer-config.js";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";

// One z for src/ (src/lib/zod.ts): extended with `.openapi()` before any schema is built,
// so no import order can leave a schema without it. Before, the import order above failed
// at loading the routes with "Id.openapi is not a function".

const ROOT = resolve(__dirname, "../../src");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });

describe("zod in src/", () => {
  it("comes from lib/zod.ts (or @hono/zod-openapi), never from 'zod' itself", () => {
    const direct = files(ROOT)
      .filter((f) => relative(ROOT, f) !== "lib/zod.ts")
      .filter((f) => /from\s+["']zod(\/[^"']*)?["']/.test(readFileSync(f, "utf8")))
      .map((f) => relative(ROOT, f));
    expect(direct).toEqual([]);
  });

  it("core schemas loaded before the app still carry .openapi(), and the routes build on them", () => {
    expect(typeof Id.openapi).toBe("function");
    expect(typeof DealerConfig.openapi).toBe("function");
    expect(typeof createApp).toBe("function"); // the routes module graph loaded without throwing
  });
});
