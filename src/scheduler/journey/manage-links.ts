import { insertManageLink } from "../../db/repos/appointments.js";
import type { SqliteHandle } from "../../db/sqlite-handle.js";
import { sha256Hex } from "../../lib/digest.js";
import { newManageToken } from "../tokens.js";

// Manage links for messages. The booking's own token exists only in the booking
// response, so a message written later (a confirmation, a reminder, a re-plan) mints
// another token for the same appointment, stored hashed like the first; the token itself
// travels in the outbox row until delivery (the message text must carry it). Trap: that
// makes the outbox a holder of live links: never log a message body.

export function mintManageLink(sqlite: SqliteHandle, dealerId: string, appointmentId: string, nowIso: string): string {
  const token = newManageToken(dealerId);
  insertManageLink(sqlite, sha256Hex(token), dealerId, appointmentId, nowIso);
  return token;
}
