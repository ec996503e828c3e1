import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, prepareDatabase } from "../../src/db/open.js";
import { activeBookingsOf } from "../../src/db/repos/appointments.js";
import { migrate, type Journal } from "../../src/worker/migrate.js";
import { countByOwnHashes } from "../support/contact-count.js";

// Migration 0013 lets a booking whose customer has exactly its hashes be counted through
// the customer (db/repos/appointments.ts). A file written before it must count the same
// bookings after it, whoever they are linked to and whatever their customer's contact is
// now: every old row keeps its own index entries.

const dir = mkdtempSync(join(tmpdir(), "pitlane-cap-upgrade-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;
const before = { entries: journal.entries.filter((e) => e.idx < 13) };
const files = Object.fromEntries(
  before.entries.map((e) => [e.tag, readFileSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), "utf8")]),
);

const NOW = 1_000_000; // epoch minutes
const EMAIL = "e".repeat(64);
const PHONE = "p".repeat(64);

function appointment(db: Database.Database, id: string, row: Record<string, unknown>) {
  const r = {
    id,
    dealer_id: "d",
    status: "requested",
    version: 1,
    manage_token_hash: `t-${id}`,
    advisor_id: "a",
    reception_start: NOW + 60,
    reception_minutes: 15,
    ready_at: NOW + 120,
    labour_json: "[]",
    interventions_json: "[]",
    vehicle_json: "{}",
    customer_json: "{}",
    mobility: "none",
    contact_email_hash: null,
    contact_phone_hash: null,
    customer_id: null,
    created_at: "2026-01-01T00:00:00.000Z",
    updated_at: "2026-01-01T00:00:00.000Z",
    ...row,
  };
  const cols = Object.keys(r);
  db.prepare(`INSERT INTO appointments (${cols.join(", ")}) VALUES (${cols.map((c) => `@${c}`).join(", ")})`).run(r);
}

const OTHER = "x".repeat(64);
const contacts: Array<[string, { email: string | null; phone: string | null }]> = [
  ["the email", { email: EMAIL, phone: null }],
  ["the phone", { email: null, phone: PHONE }],
  ["both", { email: EMAIL, phone: PHONE }],
  ["the customer's new email", { email: OTHER, phone: null }],
];

describe("migration 0013 on a file written before it", () => {
  it("counts exactly the bookings each contact held before, and keeps every old row on its own hashes", () => {
    const path = join(dir, "old.db");
    const old = new Database(path);
    migrate(old, before, files);
    old.prepare("INSERT INTO dealers (id, config_json, updated_at) VALUES ('d', '{}', 'x')").run();
    // A customer whose email has changed since some of its bookings were made.
    old
      .prepare(
        "INSERT INTO customers (id, dealer_id, name, email_hash, phone_hash, created_at, updated_at) VALUES ('c', 'd', 'N', ?, ?, 'x', 'x')",
      )
      .run(OTHER, PHONE);
    appointment(old, "linked-same", { customer_id: "c", contact_email_hash: OTHER, contact_phone_hash: PHONE });
    appointment(old, "linked-old-email", { customer_id: "c", contact_email_hash: EMAIL, contact_phone_hash: PHONE });
    appointment(old, "unlinked", { contact_email_hash: EMAIL });
    appointment(old, "by-phone", { contact_phone_hash: PHONE });
    appointment(old, "past", { customer_id: "c", contact_email_hash: EMAIL, reception_start: NOW - 60 });
    appointment(old, "cancelled", { customer_id: "c", contact_email_hash: EMAIL, status: "cancelled" });
    const beforeCounts = contacts.map(([, c]) => countByOwnHashes(old, "d", c, NOW));
    old.close();

    const db = new Database(path);
    prepareDatabase(db); // applies 0013
    expect(db.prepare("SELECT count(*) AS n FROM appointments WHERE own_contact_indexed = 1").get()).toEqual({ n: 6 });
    expect(contacts.map(([, c]) => activeBookingsOf(db, "d", c, NOW))).toEqual(beforeCounts);
    expect(beforeCounts).toEqual([2, 3, 4, 1]); // the fixture means what it says
    expect(activeBookingsOf(db, "other", { email: EMAIL, phone: PHONE }, NOW)).toBe(0);
    db.close();
  });
});
