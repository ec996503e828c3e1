import type { SqliteHandle, SqliteStatement } from "../db/sqlite-handle.js";

// The storage of the stateless edge Worker: none. The edge runs the same createApp for
// what needs no dealer data (/health, /openapi.json, /docs, unknown paths, malformed ids,
// credentials that are not the bootstrap token), so those answers are byte-for-byte the
// app's. Every read finds nothing, which is what they would find in any store: a
// malformed dealer id names no dealer. A write here is a routing bug (src/worker/route.ts
// sends every dealer-scoped request to its Durable Object), so it throws.

const nothing = (): SqliteStatement & { raw(): SqliteStatement } => {
  const stmt = {
    run(): never {
      throw new Error("the edge Worker has no storage: this request should have been routed to a Durable Object");
    },
    get: () => undefined,
    all: () => [],
    raw: () => stmt,
  };
  return stmt;
};

export const edgeStore: SqliteHandle = {
  prepare: nothing,
  transaction: <T>(fn: () => T) => ({ immediate: fn, deferred: fn }),
  exec() {
    throw new Error("the edge Worker has no storage");
  },
  close() {},
  open: true,
  inTransaction: false,
};
