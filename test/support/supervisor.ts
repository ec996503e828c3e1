import type Database from "better-sqlite3";

// The supervisor's notices of a dealer (journey/supervisor-notice.ts): one per booking,
// or one per group commit naming its bookings in data.bookings.

export interface Notice {
  appointmentId: string | null;
  subject: string;
  text: string;
  /** The appointments it tells of, in order. */
  told: string[];
}

export function supervisorNotices(sqlite: Database.Database, dealerId: string): Notice[] {
  const rows = sqlite
    .prepare(
      "SELECT appointment_id AS appointmentId, body_json AS body FROM outbox WHERE dealer_id = ? AND kind = 'supervisor_notice' ORDER BY rowid",
    )
    .all(dealerId) as Array<{ appointmentId: string | null; body: string }>;
  return rows.map((r) => {
    const body = JSON.parse(r.body) as {
      subject: string;
      text: string;
      data?: { bookings?: Array<{ appointmentId: string }> };
    };
    const told = r.appointmentId ? [r.appointmentId] : (body.data?.bookings ?? []).map((b) => b.appointmentId);
    return { appointmentId: r.appointmentId, subject: body.subject, text: body.text, told };
  });
}

/** Every appointment the supervisor was told of, once per time told, sorted. */
export const toldSupervisor = (sqlite: Database.Database, dealerId: string): string[] =>
  supervisorNotices(sqlite, dealerId)
    .flatMap((n) => n.told)
    .sort();
