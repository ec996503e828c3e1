import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { type CheckpointResult, startCheckpointer } from "../../src/node/checkpointer.js";
import { auth } from "../support/app.js";
import { type SpawnedServer, spawnServer } from "../support/server.js";

// WAL checkpoints run in a background thread, not inside a booking's COMMIT (issue 17).
// What proves it: the WAL-index (the -shm file, https://sqlite.org/walformat.html) says how
// many frames the WAL holds (mxFrame, header offset 16) and how many of them are already
// in the database file (nBackfill, offset 96). Below SQLite's automatic threshold (1000
// pages) nothing but our thread copies them.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function walIndex(dbPath: string): { mxFrame: number; nBackfill: number } {
  const shm = readFileSync(`${dbPath}-shm`);
  return { mxFrame: shm.readUInt32LE(16), nBackfill: shm.readUInt32LE(96) };
}

async function until(check: () => boolean, ms = 5_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(25)) if (check()) return true;
  return check();
}

const dirs: string[] = [];
let server: SpawnedServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), "pitlane-ckpt-"));
  dirs.push(dir);
  return join(dir, "scheduler.db");
}

describe("the background checkpointer", () => {
  it("copies committed frames into the database file while the writer keeps writing, and stops cleanly", async () => {
    const path = tempDb();
    const writer = new Database(path);
    writer.pragma("journal_mode = WAL");
    writer.pragma("wal_autocheckpoint = 0"); // only the thread may checkpoint here
    writer.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
    const seen: CheckpointResult[] = [];
    const cp = startCheckpointer({
      path,
      driver: createRequire(import.meta.url).resolve("better-sqlite3"),
      intervalMs: 20,
      onCheckpoint: (r) => seen.push(r),
    });
    try {
      const insert = writer.prepare("INSERT INTO t (v) VALUES (?)");
      for (let i = 0; i < 200; i++) insert.run("x".repeat(500));
      expect(await until(() => seen.some((r) => r.log > 0 && r.checkpointed === r.log))).toBe(true);
      const before = walIndex(path);
      expect(before.nBackfill).toBe(before.mxFrame);
      // The writer was never blocked: it writes on while the thread works.
      for (let i = 0; i < 200; i++) insert.run("y".repeat(500));
      expect(writer.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 400 });
    } finally {
      await cp.stop();
    }
    await cp.stop(); // twice is fine
    writer.close(); // the last connection out removes the -wal file
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = new Database(path, { readonly: true });
    expect(again.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 400 });
    again.close();
  });

  it.each([
    ["on by default: the server's thread copies the frames", {}, true],
    ["CHECKPOINT_MS=0: left to SQLite, which waits for 1000 pages", { CHECKPOINT_MS: "0" }, false],
  ])("%s", async (_, env, copied) => {
    const dbPath = tempDb();
    server = await spawnServer({ dbPath, env: { SEED_DEMO: "0", ...env } });
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${server.baseUrl}/v1/dealers/d${i}`, {
        method: "PUT",
        headers: { ...auth, "Content-Type": "application/json" },
        body: JSON.stringify({ name: `Dealer ${i}`, timeZone: "Europe/Rome" }),
      });
      expect(res.status).toBe(201);
    }
    const done = await until(() => {
      const w = walIndex(dbPath);
      return w.mxFrame > 0 && w.nBackfill === w.mxFrame;
    }, 2_000);
    expect(done).toBe(copied);
    if (!copied) expect(walIndex(dbPath).nBackfill).toBe(0);
  });
});
