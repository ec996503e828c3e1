import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { HttpBindings } from "@hono/node-server";
import { afterEach, describe, expect, it } from "vitest";
import { WRITER_UNAVAILABLE } from "../../src/api/middleware/writer-unavailable.js";
import { forwardingFetch } from "../../src/node/writer.js";

// WORKERS > 1 (src/node/writer.ts): a worker keeps its connection to the writer open for
// the next write. The writer must not close that connection under a write the worker has
// just sent on it: when the writer's loop was held past the connection's idle deadline, the
// write was reset unread and the worker answered 503 (a board sign-in failed so in CI).
// Two real processes over a real Unix socket: a held loop in one process holds only that one.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const env = { incoming: { socket: { remoteAddress: "203.0.113.9" } } } as unknown as HttpBindings;

let writer: ChildProcess | undefined;
let dir: string | undefined;
afterEach(() => {
  writer?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a worker's connection to the writer", () => {
  it("carries a write that arrives while the writer is busy past the connection's idle time", async () => {
    dir = mkdtempSync(join(tmpdir(), "pitlane-keepalive-"));
    const socket = join(dir, "writer.sock");
    writer = fork(fileURLToPath(new URL("../support/busy-writer.ts", import.meta.url)), [socket, "2500"], {
      execArgv: ["--import", "tsx"],
    });
    await new Promise((ok) => writer!.once("message", ok));
    // The stand-in for the worker's own app: says whether forwarding gave up.
    const forward = forwardingFetch(socket, (_req, e) =>
      (e as unknown as Record<string, unknown>)[WRITER_UNAVAILABLE]
        ? new Response("503: the writer did not answer", { status: 503 })
        : new Response("written locally", { status: 200 }),
    );
    const write = async (path: string) => {
      const res = (await forward(
        new Request(`http://localhost${path}`, { method: "POST", body: "{}" }),
        env,
      )) as Response;
      return `${res.status} ${await res.text()}`;
    };

    expect(await write("/first")).toBe("200 /first"); // its connection stays open, idle
    await sleep(3500); // under the 5 s that Node's default keep-alive gave the writer's side
    // Another client (worker 0 serves its own too) holds the writer's loop for 2.5 s...
    const held = new Promise((done) => {
      const r = request({ socketPath: socket, method: "POST", path: "/busy" }, (res) => res.resume().on("end", done));
      r.on("error", done);
      r.end();
    });
    await sleep(100);
    // ...while the worker forwards its next write on the connection it kept.
    expect(await write("/second")).toBe("200 /second");
    await held;
  }, 30_000);
});
