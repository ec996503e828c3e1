import type Database from "better-sqlite3";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll } from "vitest";
import type { ServerRuntime, SpawnedServer } from "../support/server.js";
import { type Api, readDb, useRealServer } from "../support/http.js";

// What the acceptance suites (endpoints.ts, race.ts, restart.ts) run against: an HTTP
// client and a read-only view of everything the runtime stored. The suites describe
// behaviour over these two only, so one suite runs in-process, against the spawned Node
// server and against the Worker on local workerd.
//
// The store view is how "a refusal stores nothing" stays a real check on every runtime:
//   in-process / node   the server's SQLite file
//   worker              every Durable Object's SQLite file under the state directory
//                       (wrangler dev --persist-to; WAL, so reading beside workerd is safe)
// Rows from several stores are concatenated in a stable (file name) order; a store
// without a schema (an object that never wrote) holds nothing and is skipped.

export interface Target {
  /** In test names: "in-process", "node" or "worker". */
  name: string;
  api: Api;
  store: StoreReader;
}

/** Rows come back untyped: each reader states the columns it selected. */
export interface StoreReader {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };
}

/** Where a spawned runtime keeps its SQLite files. */
export function storeFiles(server: Pick<SpawnedServer, "runtime" | "dbPath">): () => string[] {
  if (server.runtime === "node") return () => [server.dbPath];
  // miniflare's layout: <persist-to>/v3/do/<worker name>-<class>/<object id hash>.sqlite
  const dir = join(server.dbPath, "v3", "do", "pitlane-DealerScheduler");
  return () =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite")
          .sort()
          .map((f) => join(dir, f))
      : [];
}

/** A read-only view over the files `list()` names now; handles stay open until close(). */
export function fileStore(list: () => string[]) {
  const open = new Map<string, Database.Database>();
  const handle = (path: string) => {
    let db = open.get(path);
    if (!db) {
      db = readDb(path);
      open.set(path, db);
    }
    return db;
  };
  const withSchema = () =>
    list()
      .map(handle)
      .filter((db) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dealers'").get());
  const store: StoreReader & { close(): void } = {
    prepare: (sql) => ({
      all: (...params) => withSchema().flatMap((db) => db.prepare(sql).all(...params)),
      get: (...params) => {
        for (const db of withSchema()) {
          const row = db.prepare(sql).get(...params);
          if (row !== undefined) return row;
        }
        return undefined;
      },
    }),
    close() {
      for (const db of open.values()) db.close();
      open.clear();
    },
  };
  return store;
}

/** The spawned runtime for the enclosing file, as a Target (rate limits off: one address). */
export function useSpawnedTarget(
  runtime: ServerRuntime,
  env: Record<string, string> = { SEED_DEMO: "0", RATE_LIMITS: "off" },
) {
  const real = useRealServer(env, runtime);
  let store: ReturnType<typeof fileStore> | undefined;
  afterAll(() => store?.close());
  const target = (): Target => {
    store ??= fileStore(storeFiles(real.server));
    return { name: runtime, api: real.http, store };
  };
  return { target, server: () => real.server };
}
