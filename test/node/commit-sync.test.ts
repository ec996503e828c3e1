import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { availability, booking, fetchApi, putDealer, romeDealer, search } from "../support/http.js";
import { type SpawnedServer, spawnServer } from "../support/server.js";

// The real server (WORKERS=auto, as npm start) answers a booking only after its group's
// fsync, which runs on the thread pool off the event loop (node/wal-sync.ts): a probe
// preloaded into the processes (support/fdatasync-probe.cjs) writes down every
// fs.fdatasync and holds it 400 ms.

const PROBE = resolve(import.meta.dirname, "../support/fdatasync-probe.cjs");
const HOLD_MS = 400;

let server: SpawnedServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function bookOne(baseUrl: string) {
  const api = fetchApi(baseUrl);
  await putDealer(api, "sync", romeDealer());
  const { options } = await search(api, "sync", availability());
  const started = performance.now();
  const res = await api("POST", "/v1/dealers/sync/appointments", booking({ optionId: options[0].optionId }), {
    "Idempotency-Key": "commit-sync-1",
  });
  return { status: res.status, ms: performance.now() - started };
}

describe("a booking's durability off the event loop", () => {
  it("answers 201 only after fdatasync of the -wal file returned (COMMIT_SYNC=pool, the default)", async () => {
    dir = mkdtempSync(join(tmpdir(), "pitlane-probe-"));
    const log = join(dir, "fdatasync.log");
    server = await spawnServer({
      env: {
        SEED_DEMO: "0",
        NODE_OPTIONS: `--require ${PROBE}`,
        FDATASYNC_PROBE_LOG: log,
        FDATASYNC_PROBE_DELAY_MS: String(HOLD_MS),
      },
    });
    const { status, ms } = await bookOne(server.baseUrl);
    expect(status).toBe(201);
    expect(ms).toBeGreaterThanOrEqual(HOLD_MS - 20);
    const synced = readFileSync(log, "utf8").trim().split("\n");
    expect(synced.length).toBeGreaterThan(0);
    expect(synced.every((p) => p === `${server!.dbPath}-wal`)).toBe(true);
  });

  it("leaves the fsync to SQLite's COMMIT with COMMIT_SYNC=inline", async () => {
    dir = mkdtempSync(join(tmpdir(), "pitlane-probe-"));
    const log = join(dir, "fdatasync.log");
    server = await spawnServer({
      env: {
        SEED_DEMO: "0",
        COMMIT_SYNC: "inline",
        NODE_OPTIONS: `--require ${PROBE}`,
        FDATASYNC_PROBE_LOG: log,
        FDATASYNC_PROBE_DELAY_MS: String(HOLD_MS),
      },
    });
    const { status, ms } = await bookOne(server.baseUrl);
    expect(status).toBe(201);
    expect(ms).toBeLessThan(HOLD_MS);
    expect(existsSync(log)).toBe(false);
  });
});
