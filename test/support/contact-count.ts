import type Database from "better-sqlite3";
import type { SqliteHandle } from "../../src/db/sqlite-handle.js";

// The per-contact cap's count as it was before migration 0013: active future bookings
// whose OWN contact hashes match, no index, no customer. What the cap must still answer
// however a booking is linked (test/trust/booking-cap.property.test.ts) and across the
// upgrade (test/db/contact-cap-upgrade.test.ts).
const OWN_HASHES_SQL =
  "SELECT count(*) AS n FROM (SELECT id FROM appointments WHERE dealer_id = ? AND contact_email_hash = ? AND reception_start > ? AND status IN ('requested', 'confirmed')" +
  " UNION SELECT id FROM appointments WHERE dealer_id = ? AND contact_phone_hash = ? AND reception_start > ? AND status IN ('requested', 'confirmed'))";

export function countByOwnHashes(
  db: SqliteHandle | Database.Database,
  dealerId: string,
  h: { email: string | null; phone: string | null },
  nowMinute: number,
): number {
  return (db.prepare(OWN_HASHES_SQL).get(dealerId, h.email, nowMinute, dealerId, h.phone, nowMinute) as { n: number })
    .n;
}
