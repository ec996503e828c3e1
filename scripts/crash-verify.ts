import Database from "better-sqlite3";
import {
  checkReception,
  compileDealer,
  CapacityIndex,
  DealerConfig,
  deriveJob,
  isJobError,
} from "../src/core/index.js";
import { epochMinute } from "../src/core/civil.js";
import { DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT } from "../src/api/deps.js";
import type { AppointmentRow } from "../src/db/repos/appointments.js";
import { rowToBooking } from "../src/scheduler/runtime.js";

// What must hold in the database file after any crash (scripts/crash-loop.ts): the file
// is sound, every acknowledged booking is there exactly once, no request key produced two
// bookings, and the stored calendar breaks no rule: checked by the scheduling core's own
// checkReception (each holding appointment against all the others) plus plain SQL for
// double-booked advisors and the per-contact cap. Returns a list of problems (empty = ok).

export interface Acknowledged {
  key: string;
  id: string;
}

const HOLDING = "('requested','confirmed','checked_in','completed')";

/** Raw rows in the drizzle shape rowToBooking expects (snake_case → camelCase). */
function toRow(r: Record<string, unknown>): AppointmentRow {
  const camel = Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );
  return { ...camel, express: !!r.express, forced: !!r.forced } as unknown as AppointmentRow;
}

export function verifyStore(
  dbPath: string,
  dealerId: string,
  acknowledged: Acknowledged[],
  sentKeys: string[],
  nowMs: number,
): string[] {
  const problems: string[] = [];
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(db.pragma("integrity_check", { simple: true }));
    if (integrity !== "ok") problems.push(`integrity_check: ${integrity}`);

    // Requests are told apart by the customer's name, which carries the Idempotency-Key.
    const byKey = new Map<string, string[]>();
    for (const r of db
      .prepare("SELECT id, json_extract(customer_json, '$.name') AS k FROM appointments WHERE dealer_id = ?")
      .all(dealerId) as Array<{ id: string; k: string }>) {
      byKey.set(r.k, [...(byKey.get(r.k) ?? []), r.id]);
    }
    for (const a of acknowledged) {
      const ids = byKey.get(a.key) ?? [];
      if (ids.length !== 1 || ids[0] !== a.id)
        problems.push(`acknowledged ${a.key} (${a.id}) stored as [${ids.join(", ")}]`);
    }
    for (const k of sentKeys)
      if ((byKey.get(k) ?? []).length > 1) problems.push(`key ${k} booked ${byKey.get(k)!.length} times`);

    const doubles = db
      .prepare(
        `SELECT a.id AS a, b.id AS b FROM appointments a JOIN appointments b
           ON a.id < b.id AND a.dealer_id = b.dealer_id AND a.advisor_id = b.advisor_id
          AND a.status IN ${HOLDING} AND b.status IN ${HOLDING}
          AND a.reception_start < b.reception_start + b.reception_minutes AND b.reception_start < a.reception_start + a.reception_minutes
        WHERE a.dealer_id = ?`,
      )
      .all(dealerId) as Array<{ a: string; b: string }>;
    for (const d of doubles) problems.push(`advisor double-booked: ${d.a} and ${d.b}`);

    const nowMinute = epochMinute(nowMs);
    const overCap = db
      .prepare(
        `SELECT contact_email_hash AS h, count(*) AS n FROM appointments WHERE dealer_id = ? AND contact_email_hash IS NOT NULL
          AND status IN ('requested','confirmed') AND reception_start > ? GROUP BY 1 HAVING count(*) > ?`,
      )
      .all(dealerId, nowMinute, DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT) as Array<{ n: number }>;
    for (const o of overCap)
      problems.push(`a contact holds ${o.n} active bookings (cap ${DEFAULT_MAX_ACTIVE_BOOKINGS_PER_CONTACT})`);

    // Every holding appointment passes every reception rule against all the others.
    const cfg = db.prepare("SELECT config_json FROM dealers WHERE id = ?").get(dealerId) as
      | { config_json: string }
      | undefined;
    if (!cfg) return [...problems, `dealer ${dealerId} missing`];
    const dealer = compileDealer(dealerId, DealerConfig.parse(JSON.parse(cfg.config_json)));
    const rows = (
      db.prepare(`SELECT * FROM appointments WHERE dealer_id = ? AND status IN ${HOLDING}`).all(dealerId) as Array<
        Record<string, unknown>
      >
    ).map(toRow);
    const pairs = rows.map((row) => ({ row, b: rowToBooking(dealer, row) }));
    for (const p of pairs) if (!p.b) problems.push(`${p.row.id}: advisor ${p.row.advisorId} unknown`);
    const held = pairs.filter((p) => p.b !== null) as Array<{
      row: AppointmentRow;
      b: NonNullable<ReturnType<typeof rowToBooking>>;
    }>;
    const index = CapacityIndex.build(
      dealer,
      held.map((p) => p.b),
    );
    held.forEach(({ row, b }) => {
      const job = deriveJob(dealer, {
        interventions: JSON.parse(row.interventionsJson),
        known: JSON.parse(row.customerJson).known !== false,
        mobility: b.mobility,
      });
      if (isJobError(job)) return void problems.push(`${row.id}: ${job.detail}`);
      index.remove(b.id);
      const v = checkReception(index, {
        advisor: b.reception.advisor,
        start: b.reception.start,
        minutes: b.reception.minutes,
        job,
        now: nowMinute,
        notice: 0,
      }).violations;
      if (v.length) problems.push(`${row.id} breaks ${v.map((x) => x.code).join(", ")}`);
      index.add(b);
    });
  } finally {
    db.close();
  }
  return problems;
}
