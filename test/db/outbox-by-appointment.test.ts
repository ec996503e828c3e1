import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aboutAppointmentSql, enqueue, listMessages, type NewMessage } from "../../src/db/repos/outbox.js";
import { openDatabase } from "../../src/node.js";
import { removeOwned, tempDir } from "../support/temp-dirs.js";

// GET /v1/dealers/{id}/messages?appointmentId=: the messages about one appointment, its own
// and the group notices naming it, read through two partial indexes (migration 0018), never
// by reading the dealer's whole outbox. The HTTP behaviour with real booking groups is in
// test/trust/group-follow-ups.test.ts; here the query plan and the edge cases.

let db: ReturnType<typeof openDatabase>;
let n = 0; // each test's messages are m1, m2, … in the order it writes them
beforeEach(() => {
  n = 0;
  db = openDatabase(join(tempDir("pitlane-outbox-"), "scheduler.db"));
  db.sqlite
    .prepare("INSERT INTO dealers (id, config_json, updated_at) VALUES ('d', '{}', 'x'), ('e', '{}', 'x')")
    .run();
});
afterEach(() => {
  db.sqlite.close();
  removeOwned();
});

function message(dealerId: string, appointmentId: string | null, kind: string, bookings?: string[]): NewMessage {
  n += 1;
  return {
    dealerId,
    appointmentId,
    kind,
    audience: "staff",
    channel: "staff",
    locale: "en",
    recipientRef: "supervisor",
    body: {
      subject: `m${n}`,
      text: "t",
      ...(bookings ? { data: { bookings: bookings.map((id) => ({ appointmentId: id, text: "t" })) } } : {}),
    },
    dedupeId: `m${n}`,
  };
}
const at = (minute: number) => Date.UTC(2026, 11, 1, 9, minute);
const subjects = (rows: Array<{ body: { subject: string } }>) => rows.map((r) => r.body.subject);

describe("the messages about one appointment", () => {
  it.each([false, true])("are read through the partial indexes, not a scan of the outbox (status filter: %s)", (s) => {
    const sql = aboutAppointmentSql(s);
    const params = Array.from(sql.matchAll(/\?/g), () => "x");
    const plan = (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join("; ");
    expect(plan).toMatch(/SEARCH outbox USING INDEX outbox_appointment_idx \(appointment_id=\?/);
    expect(plan).toMatch(/SEARCH outbox USING INDEX outbox_group_notices_idx \(dealer_id=\?/);
    expect(plan).not.toMatch(/SCAN outbox/);
  });

  it("are its own and the group notices with a line for it, newest first, of its dealer only", () => {
    const rows: Array<[NewMessage, number]> = [
      [message("d", "a1", "confirmation"), 1], // m1
      [message("d", null, "supervisor_notice", ["a0", "a1", "a2"]), 2], // m2: names a1
      [message("d", null, "supervisor_notice", ["a2", "a3"]), 3], // m3: not a1
      [message("d", null, "reminder_digest", ["a1"]), 4], // m4: not a group notice
      [message("d", "a2", "confirmation", ["a1"]), 5], // m5: another's own
      [message("e", null, "supervisor_notice", ["a1"]), 6], // m6: another dealer
      [message("d", "a1", "reminder"), 7], // m7
      [message("d", null, "supervisor_notice", ["a11"]), 8], // m8: a1 only as a prefix
    ];
    for (const [m, minute] of rows) enqueue(db.sqlite, m, at(minute));
    expect(subjects(listMessages(db.sqlite, "d", { appointmentId: "a1", limit: 50 }))).toEqual(["m7", "m2", "m1"]);
    expect(subjects(listMessages(db.sqlite, "d", { appointmentId: "a1", limit: 2 }))).toEqual(["m7", "m2"]);
    expect(subjects(listMessages(db.sqlite, "e", { appointmentId: "a1", limit: 50 }))).toEqual(["m6"]);
    expect(subjects(listMessages(db.sqlite, "d", { appointmentId: "zz", limit: 50 }))).toEqual([]);
  });

  it("keep the status filter on both halves", () => {
    enqueue(db.sqlite, message("d", "a1", "confirmation"), at(1)); // m: pending
    enqueue(db.sqlite, { ...message("d", null, "supervisor_notice", ["a1"]), suppressed: "stop" }, at(2));
    enqueue(db.sqlite, { ...message("d", "a1", "reminder"), suppressed: "consent" }, at(3));
    const of = (status: "pending" | "suppressed") =>
      listMessages(db.sqlite, "d", { appointmentId: "a1", status, limit: 50 }).map((m) => [m.kind, m.status]);
    expect(of("pending")).toEqual([["confirmation", "pending"]]);
    expect(of("suppressed")).toEqual([
      ["reminder", "suppressed"],
      ["supervisor_notice", "suppressed"],
    ]);
  });
});
