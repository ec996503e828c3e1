// A second ceiling for the write bench (issue 17): the rows one booking really writes, and
// nothing else. The bare ceiling (3 small inserts per commit) is what the disk allows a
// transaction; a booking writes ~10 rows into 7 tables with ~30 index entries, a dozen of
// them on random leaves (hashes, VIN, Idempotency-Key, reception time, timers' due times),
// so each booking dirties pages of its own however many share a commit.
//
// Here the rows of the last booking in a server's database are written again and again,
// each time with fresh keys (new ids, random hashes, the new ids inside dedupe keys), in
// groups of `group` per BEGIN IMMEDIATE … COMMIT, each in its own SAVEPOINT, under the
// server's PRAGMAs: what the SQL alone of a booking costs on this disk, without the rules,
// the journey's logic, hashing, sealing or HTTP. On a copy of the file: the original stays.
//
// Trap: the tool's own JavaScript must stay out of the figure. Its first version built each
// row as an object of named parameters with a string replace per column, ~200 µs per
// booking, and reported ~1,250/s where the SQL allowed ~1,700/s. Values are now made by
// per-column makers into positional arrays, and that time is measured and left out.

import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { prepareDatabase } from "../../src/db/open.js";
import { newId } from "../../src/lib/ids.js";
import { walPagesByTree } from "./wal-pages.js";

type Row = Record<string, unknown>;
interface Template {
  table: string;
  rows: Row[];
}

/** The last booking's rows, table by table, as the server stored them. */
function templates(db: Database.Database): { appointment: Row; tables: Template[] } {
  const a = db.prepare("SELECT * FROM appointments ORDER BY rowid DESC LIMIT 1").get() as Row | undefined;
  if (!a) throw new Error("no booking in the database to copy");
  const by = (table: string, where: string, ...args: unknown[]) => ({
    table,
    rows: db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(...args) as Row[],
  });
  const tables = [
    { table: "appointments", rows: [a] },
    by("audit_log", "appointment_id = ?", a.id),
    by("idempotency_keys", "rowid = (SELECT MAX(rowid) FROM idempotency_keys)"),
    by("customers", "id = ?", a.customer_id),
    by("vehicles", "id = ?", a.vehicle_id),
    by("jobs", "appointment_id = ?", a.id),
    by("outbox", "appointment_id = ?", a.id),
  ].filter((t) => t.rows.length > 0);
  return { appointment: a, tables };
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** One booking's fresh keys: the new appointment, customer and vehicle ids, and its time shift. */
interface Fresh {
  a: string;
  c: string;
  v: string;
  shift: number;
}
type Maker = (f: Fresh) => unknown;

/**
 * How a template column's value is renewed for each booking (fresh keys, the same shape).
 * Times tied to the reception move with it; those tied to the booking's creation (the
 * confirm-overdue timer, 24 h after it) and a message due now stay, as in the server, where
 * their index entries append (before 2026-12-06 they moved too, and the tool counted ~1.5
 * random leaves a booking that the server does not write).
 */
function maker(col: string, v: unknown, old: { a: string; c: string; v: string }, row: Row): Maker {
  if (col === "id" && typeof v === "string")
    return v === old.a ? (f) => f.a : v === old.c ? (f) => f.c : v === old.v ? (f) => f.v : () => newId();
  if (col.endsWith("_hash") && typeof v === "string") return () => hex(32);
  if (col === "key") return () => hex(32); // the Idempotency-Key's stored hash
  if (col === "vin") return () => `ZN6${hex(7)}`;
  if (typeof v === "number" && (col === "reception_start" || col === "return_start" || col === "ready_at"))
    return (f) => v + f.shift;
  if (typeof v === "number" && col === "due_at" && row.kind !== "confirm_overdue") return (f) => v + f.shift * 60_000;
  if (typeof v === "string" && (v.includes(old.a) || v.includes(old.c) || v.includes(old.v)))
    return (f) => v.replaceAll(old.a, f.a).replaceAll(old.c, f.c).replaceAll(old.v, f.v);
  return () => v;
}

export interface RowsCeiling {
  /** Bookings per second of SQL: the tool's own JavaScript (jsUsPerBooking) left out of the time. */
  bookingsPerSec: number;
  /** What making each booking's fresh values cost the tool, per booking (µs): not part of the ceiling. */
  jsUsPerBooking: number;
  rowsPerBooking: number;
  group: number;
  /**
   * WAL written per booking (KiB, frames of pages with their headers) at `group` per commit
   * and at one per commit: a count, not a timing, so it does not move with the machine's
   * load. What a booking's rows cost the disk and the COMMIT (its fsync, the WAL frames'
   * checksums and copies), and what fewer rows or fewer random index leaves would save.
   */
  walKiBPerBooking: { grouped: number; alone: number };
  /** The grouped commits' WAL pages per booking, by the table or index they belong to (bench/lib/wal-pages.ts). */
  walPagesByTree: Record<string, number>;
}

/** Books the last booking's rows again for `seconds`, `group` per commit, on a copy of `dbPath`. */
export function bookingRowsCeiling(dbPath: string, copyPath: string, seconds: number, group = 32): RowsCeiling {
  copyFileSync(dbPath, copyPath);
  if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${copyPath}-wal`);
  const db = new Database(copyPath);
  // The server's own opening (PRAGMAs and all), so a setting added there is measured here too.
  prepareDatabase(db);
  const { appointment: a, tables } = templates(db);
  const old = { a: String(a.id), c: String(a.customer_id), v: String(a.vehicle_id) };
  // Each column's new value is decided once, from the template (maker below): the loop then
  // builds positional arrays with no lookups by name, so the tool's own JavaScript stays
  // small beside the SQL it measures (it is timed apart: `jsUsPerBooking`).
  const inserts = tables.map(({ table, rows }) => {
    // audit_log's INTEGER key is the rowid: left out, SQLite numbers the row.
    const cols = Object.keys(rows[0]).filter((c) => !(table === "audit_log" && c === "id"));
    const st = db.prepare(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`);
    return { st, rows: rows.map((r) => cols.map((c) => maker(c, r[c], old, r))) };
  });
  let n = 0;
  let jsMs = 0;
  const book = () => {
    const t = performance.now();
    const fresh: Fresh = {
      a: newId(),
      c: newId(),
      v: newId(),
      // Spread over 60 days of quarter hours, as real bookings are (the reception index).
      shift: Math.floor(Math.random() * 5760) * 15,
    };
    const values = inserts.map(({ st, rows }) => ({ st, rows: rows.map((r) => r.map((m) => m(fresh))) }));
    jsMs += performance.now() - t;
    for (const { st, rows } of values) for (const r of rows) st.run(r);
    n++;
  };
  const savepoint = db.prepare("SAVEPOINT booking");
  const release = db.prepare("RELEASE booking");
  /** One transaction of `k` bookings, each in its own savepoint, as the server's group commit writes them. */
  const commitOf = (k: number) =>
    db.transaction(() => {
      for (let i = 0; i < k; i++) {
        savepoint.run();
        book();
        release.run();
      }
    });
  const commitGroup = commitOf(group);
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  while (performance.now() < end) commitGroup.immediate();
  const secs = (performance.now() - t0 - jsMs) / 1000;
  const counted = n;
  const alone = commitOf(1);
  const grouped = walPerBooking(db, copyPath, 640, () => commitGroup.immediate(), group);
  const walKiBPerBooking = {
    grouped: grouped.kib,
    alone: walPerBooking(db, copyPath, 320, () => alone.immediate(), 1).kib,
  };
  db.close();
  return {
    bookingsPerSec: Math.round(counted / secs),
    jsUsPerBooking: Math.round((jsMs * 1000) / counted),
    rowsPerBooking: inserts.reduce((s, t) => s + t.rows.length, 0),
    group,
    walKiBPerBooking,
    walPagesByTree: grouped.pages,
  };
}

/**
 * KiB of WAL per booking over `bookings` bookings committed by `commit` (`perCommit` each):
 * the WAL emptied first (TRUNCATE checkpoint) and not checkpointed meanwhile, so its size
 * is every frame those commits wrote.
 */
function walPerBooking(
  db: Database.Database,
  path: string,
  bookings: number,
  commit: () => void,
  perCommit: number,
): { kib: number; pages: Record<string, number> } {
  const auto = db.pragma("wal_autocheckpoint", { simple: true }) as number;
  // The counts below assume an empty WAL: a reader elsewhere would leave it in place.
  const [done] = db.pragma("wal_checkpoint(TRUNCATE)") as Array<{ busy: number }>;
  if (done.busy !== 0) throw new Error("the WAL could not be emptied before counting (another connection reads)");
  db.pragma("wal_autocheckpoint = 0");
  const commits = Math.ceil(bookings / perCommit);
  for (let i = 0; i < commits; i++) commit();
  const bytes = statSync(`${path}-wal`).size;
  const pages = walPagesByTree(db, `${path}-wal`, commits * perCommit);
  db.pragma(`wal_autocheckpoint = ${auto}`);
  return { kib: Math.round((bytes / 1024 / (commits * perCommit)) * 10) / 10, pages };
}
