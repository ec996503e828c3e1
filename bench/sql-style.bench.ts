// The two ways the repositories could run SQL, on the booking path's own statements:
// drizzle's query builder (built per call, and `.prepare()`d once per connection with
// placeholders) against raw better-sqlite3 statements behind typed functions (prepared
// once per connection, rows shaped by the schema: db/repos/rows.ts). Same rows, same
// file, same pragmas as production except synchronous=OFF (the fsync per commit is the
// disk's cost, identical for every style, and would drown the difference measured here).
//
//   node bench/run.mjs bench/sql-style.bench.ts          table + load average on stdout
//   BENCH_TIME_MS=2000 node bench/run.mjs bench/sql-style.bench.ts

import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { and, eq } from "drizzle-orm";
import { Bench } from "tinybench";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { fileURLToPath } from "node:url";
import * as schema from "../src/db/schema.js";
import { getTableColumns, sql, type Placeholder } from "drizzle-orm";
import type { SQLiteInsertValue, SQLiteTable, SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { once, stmt, withDefaults } from "../src/db/prepared.js";
import { tableRows } from "../src/db/repos/rows.js";
import { appointments, auditLog } from "../src/db/schema.js";
import type { Db, SqliteHandle } from "../src/db/sqlite-handle.js";

type NewRow = typeof appointments.$inferInsert;

const dir = mkdtempSync(join(tmpdir(), "pitlane-sql-style-"));
const sqlite = new Database(join(dir, "bench.sqlite"));
// As db/open.ts's prepareDatabase, with the migrations found from here (run.mjs bundles
// this file into bench/, where open.ts's own relative path would not hold).
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = OFF");
sqlite.pragma("foreign_keys = ON");
const db: Db = drizzle(sqlite, { schema });
migrate(db, { migrationsFolder: fileURLToPath(new URL("../db/migrations", import.meta.url)) });
const handle = sqlite as unknown as SqliteHandle;
const DEALER = "bench-dealer";
sqlite
  .prepare("INSERT INTO dealers (id, config_json, version, updated_at) VALUES (?, '{}', 1, ?)")
  .run(DEALER, new Date().toISOString());

let n = 0;
const row = (): NewRow => {
  n++;
  return {
    id: `a-${n}`,
    dealerId: DEALER,
    status: "requested",
    version: 1,
    manageTokenHash: `h-${n}`,
    advisorId: "adv1",
    receptionStart: 29_000_000 + n,
    receptionMinutes: 15,
    readyAt: 29_000_120 + n,
    labourJson: "[]",
    interventionsJson: "[]",
    vehicleJson: '{"model":"Roadster"}',
    customerJson: '{"name":"Bench"}',
    mobility: "wait",
    requestText: "noise at the front",
    channel: "web",
    express: false,
    forced: false,
    contactEmailHash: `e-${n}`,
    contactPhoneHash: null,
    priority: null,
    createdAt: "2026-12-02T10:00:00.000Z",
    updatedAt: "2026-12-02T10:00:00.000Z",
  };
};
const auditRow = (id: string) => ({
  dealerId: DEALER,
  appointmentId: id,
  at: "2026-12-02T10:00:00.000Z",
  actor: "bench",
  action: "booked",
  beforeJson: null,
  afterJson: '{"status":"requested"}',
  reason: null,
});

// Seed rows to read (the booking path reads a few, by key).
const A = tableRows(appointments);
for (let i = 0; i < 2000; i++) stmt(handle, A.insert).run(...A.values(row()));
const ids = Array.from({ length: 2000 }, (_, i) => `a-${i + 1}`);
let k = 0;
const nextId = () => ids[k++ % ids.length];

// drizzle, prepared once per connection with placeholders (what the drizzle repos did).
const ph = (name: string): Placeholder => sql.placeholder(name);
// A placeholder per named column: drizzle accepts a Placeholder for any column value (T: the
// table's insert or set shape), which a record built from key names cannot prove by itself.
const placeholders = <T>(keys: readonly string[]): T => Object.fromEntries(keys.map((k) => [k, ph(k)])) as T;
const columnKeys = (table: SQLiteTable) => Object.keys(getTableColumns(table));
const q = once(db, "bench", () => ({
  find: db
    .select()
    .from(appointments)
    .where(and(eq(appointments.dealerId, ph("dealerId")), eq(appointments.id, ph("id"))))
    .prepare(),
  insert: db
    .insert(appointments)
    .values(placeholders<SQLiteInsertValue<typeof appointments>>(columnKeys(appointments)))
    .prepare(),
  audit: db
    .insert(auditLog)
    .values(
      placeholders<SQLiteInsertValue<typeof auditLog>>([
        "dealerId",
        "appointmentId",
        "at",
        "actor",
        "action",
        "beforeJson",
        "afterJson",
        "reason",
      ]),
    )
    .prepare(),
}));
const patch = { status: "confirmed", updatedAt: "2026-12-02T10:05:00.000Z" };
const drizzleUpdate = once(db, "bench.update", () =>
  db
    .update(appointments)
    .set(placeholders<SQLiteUpdateSetSource<typeof appointments>>(Object.keys(patch)))
    .where(and(eq(appointments.id, ph("$id")), eq(appointments.status, ph("$expected"))))
    .prepare(),
);

// raw better-sqlite3 behind typed functions (db/repos/rows.ts shapes the rows).
const FIND = `SELECT ${A.columns} FROM appointments WHERE dealer_id = ? AND id = ?`;
const AUDIT =
  "INSERT INTO audit_log (dealer_id, appointment_id, at, actor, action, before_json, after_json, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
const set = A.set(patch);
const UPDATE = `UPDATE appointments SET ${set.sql} WHERE id = ? AND status = ?`;

// Each task runs inside one transaction, rolled back after it (the booking's writes share
// one transaction too; the rollback keeps every task starting from the same 2,000 rows).
const bench = new Bench({
  time: Number(process.env.BENCH_TIME_MS ?? 1000),
  warmup: true,
  setup: () => void sqlite.exec("BEGIN IMMEDIATE"),
  teardown: () => void sqlite.exec("ROLLBACK"),
});
bench
  .add(
    "find by id · drizzle built per call",
    () =>
      void db
        .select()
        .from(appointments)
        .where(and(eq(appointments.dealerId, DEALER), eq(appointments.id, nextId())))
        .get(),
  )
  .add("find by id · drizzle prepared", () => void q.find.get({ dealerId: DEALER, id: nextId() }))
  .add("find by id · raw statement", () => void A.decode(stmt(handle, FIND).get(DEALER, nextId())))
  .add("insert appointment · drizzle built per call", () => void db.insert(appointments).values(row()).run())
  .add("insert appointment · drizzle prepared", () => void q.insert.run(withDefaults(appointments, row())))
  .add("insert appointment · raw statement", () => void stmt(handle, A.insert).run(...A.values(row())))
  .add("insert audit · drizzle built per call", () => void db.insert(auditLog).values(auditRow(nextId())).run())
  .add("insert audit · drizzle prepared", () => void q.audit.run(auditRow(nextId())))
  .add("insert audit · raw statement", () => {
    const a = auditRow(nextId());
    stmt(handle, AUDIT).run(a.dealerId, a.appointmentId, a.at, a.actor, a.action, a.beforeJson, a.afterJson, a.reason);
  })
  .add(
    "status CAS update · drizzle prepared",
    () => void drizzleUpdate.run({ ...patch, $id: nextId(), $expected: "requested" }),
  )
  .add("status CAS update · raw statement", () => void stmt(handle, UPDATE).run(...set.params, nextId(), "requested"));

await bench.run();
const [l1, l5] = loadavg();
console.log(
  `sql-style bench: node ${process.version}, ${availableParallelism()} cores, load average ${l1.toFixed(2)} / ${l5.toFixed(2)} (1 / 5 min)`,
);
console.table(
  bench.tasks.map((t) => {
    const r = t.result as { latency?: { p50?: number; p99?: number }; throughput?: { mean?: number } } | undefined;
    return {
      task: t.name,
      "median µs": r?.latency?.p50 ? +(r.latency.p50 * 1000).toFixed(2) : null,
      "p99 µs": r?.latency?.p99 ? +(r.latency.p99 * 1000).toFixed(2) : null,
      samples: (t.result as { latency?: { samplesCount?: number } })?.latency?.samplesCount ?? null,
    };
  }),
);
sqlite.close();
rmSync(dir, { recursive: true, force: true });
