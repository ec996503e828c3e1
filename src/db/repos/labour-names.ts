import { stmt } from "../prepared.js";
import type { Db } from "../sqlite-handle.js";
import { sqliteOf } from "./rows.js";

// Appointments whose stored labour names its skills by position only (stored before
// slices carried `skillId`: scheduler/labour-json.ts), for the one write that must name
// them, a PUT that changes the dealer's skills (scheduler/config-change/replace.ts).

/** The dealer's appointments with labour of which some slice has no skill name. */
export function unnamedLabour(db: Db, dealerId: string): Array<{ id: string; labourJson: string }> {
  return stmt(
    sqliteOf(db),
    "SELECT id, labour_json AS labourJson FROM appointments WHERE dealer_id = ? AND labour_json <> '[]' " +
      "AND EXISTS (SELECT 1 FROM json_each(labour_json) WHERE json_extract(value, '$.skillId') IS NULL)",
  ).all(dealerId) as Array<{ id: string; labourJson: string }>;
}

export function setLabourJson(db: Db, id: string, labourJson: string): void {
  stmt(sqliteOf(db), "UPDATE appointments SET labour_json = ? WHERE id = ?").run(labourJson, id);
}
