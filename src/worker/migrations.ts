import type { SqliteHandle } from "../db/sqlite-handle.js";
import journal from "../../db/migrations/meta/_journal.json";
import m0000 from "../../db/migrations/0000_init.sql";
import m0001 from "../../db/migrations/0001_manage_token_index.sql";
import m0002 from "../../db/migrations/0002_trust.sql";
import m0003 from "../../db/migrations/0003_journey.sql";
import m0004 from "../../db/migrations/0004_change_feed.sql";
import m0005 from "../../db/migrations/0005_trust_identity.sql";
import m0007 from "../../db/migrations/0007_holds.sql";
import m0008 from "../../db/migrations/0008_board_sessions.sql";
import m0009 from "../../db/migrations/0009_messaging.sql";
import m0011 from "../../db/migrations/0011_progress.sql";
import m0012 from "../../db/migrations/0012_priority_vins.sql";
import m0013 from "../../db/migrations/0013_contact_cap_via_customers.sql";
import m0014 from "../../db/migrations/0014_parts_orders.sql";
import m0015 from "../../db/migrations/0015_task_attempts.sql";
import m0016 from "../../db/migrations/0016_manage_token_by_id.sql";
import m0017 from "../../db/migrations/0017_derived_timers.sql";
import m0018 from "../../db/migrations/0018_outbox_by_appointment.sql";
import { migrate } from "./migrate.js";

// The SAME db/migrations that Node applies from disk, bundled into the Worker as text
// (wrangler's default module rules make *.sql a Text module). Trap: `npm run
// db:generate` adds a file to the journal but not here; test/worker/migrate.test.ts
// fails until it is listed.

export const MIGRATION_FILES = {
  "0000_init": m0000,
  "0001_manage_token_index": m0001,
  "0002_trust": m0002,
  "0003_journey": m0003,
  // Empty in a Durable Object (one writer per dealer), but the schema stays one.
  "0004_change_feed": m0004,
  "0005_trust_identity": m0005,
  "0007_holds": m0007,
  "0008_board_sessions": m0008,
  "0009_messaging": m0009,
  "0011_progress": m0011,
  "0012_priority_vins": m0012,
  "0013_contact_cap_via_customers": m0013,
  "0014_parts_orders": m0014,
  "0015_task_attempts": m0015,
  "0016_manage_token_by_id": m0016,
  "0017_derived_timers": m0017,
  "0018_outbox_by_appointment": m0018,
};

export function migrateDealerStore(sqlite: SqliteHandle): number {
  return migrate(sqlite, journal, MIGRATION_FILES);
}
