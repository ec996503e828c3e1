import { stmt } from "../prepared.js";
import type { SqliteHandle } from "../sqlite-handle.js";

// STOP requests (schema.ts `sms_stops`), keyed by the hash of the E.164 number: a STOP
// stops every later text to that number at that dealer, whichever customer row has it.

export function recordStop(
  sqlite: SqliteHandle,
  dealerId: string,
  phoneHash: string,
  source: "staff" | "inbound",
  nowIso: string,
): boolean {
  return (
    stmt(
      sqlite,
      "INSERT INTO sms_stops (dealer_id, phone_hash, source, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
    ).run(dealerId, phoneHash, source, nowIso).changes === 1
  );
}

export function isStopped(sqlite: SqliteHandle, dealerId: string, phoneHash: string): boolean {
  return (
    stmt(sqlite, "SELECT 1 FROM sms_stops WHERE dealer_id = ? AND phone_hash = ?").get(dealerId, phoneHash) !==
    undefined
  );
}

/** START (or staff) lifts a STOP. */
export function clearStop(sqlite: SqliteHandle, dealerId: string, phoneHash: string): boolean {
  return (
    stmt(sqlite, "DELETE FROM sms_stops WHERE dealer_id = ? AND phone_hash = ?").run(dealerId, phoneHash).changes === 1
  );
}
