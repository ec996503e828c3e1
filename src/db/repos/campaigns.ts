import { stmt } from "../prepared.js";
import type { SqliteHandle } from "../sqlite-handle.js";

// Recall and service campaigns (schema.ts `campaigns`, `campaign_vins`). VINs are stored
// upper-case; the list is replaced as a whole inside the caller's immediate() transaction.

export interface CampaignRows {
  code: string;
  title: string;
  kind: string;
  vins: readonly string[];
}

/** Replaces the dealer's campaigns with `list` (a VIN listed twice under one code counts once). */
export function replaceCampaignRows(
  sqlite: SqliteHandle,
  dealerId: string,
  list: readonly CampaignRows[],
  at: string,
): void {
  stmt(sqlite, "DELETE FROM campaign_vins WHERE dealer_id = ?").run(dealerId);
  stmt(sqlite, "DELETE FROM campaigns WHERE dealer_id = ?").run(dealerId);
  const head = stmt(sqlite, "INSERT INTO campaigns (dealer_id, code, title, kind, updated_at) VALUES (?, ?, ?, ?, ?)");
  const vin = stmt(sqlite, "INSERT OR IGNORE INTO campaign_vins (dealer_id, vin, code) VALUES (?, ?, ?)");
  for (const c of list) {
    head.run(dealerId, c.code, c.title, c.kind, at);
    for (const v of c.vins) vin.run(dealerId, v.toUpperCase(), c.code);
  }
}

export function openCampaignsFor(
  sqlite: SqliteHandle,
  dealerId: string,
  vin: string,
): Array<{ code: string; title: string; kind: string }> {
  return stmt(
    sqlite,
    "SELECT c.code, c.title, c.kind FROM campaign_vins v JOIN campaigns c ON c.dealer_id = v.dealer_id AND c.code = v.code WHERE v.dealer_id = ? AND v.vin = ? ORDER BY c.code",
  ).all(dealerId, vin.toUpperCase()) as Array<{ code: string; title: string; kind: string }>;
}
