import type { Dealer } from "../core/dealer.js";
import type { Stay } from "../core/stay.js";
import type { AdvisorSlot, Mobility } from "../core/types.js";
import type { AuditEntry, NewAppointmentRow } from "../db/repos/appointments.js";
import type { ContactHashes } from "./contact-cap.js";
import type { BookingRequest, Channel } from "./contracts.js";
import { labourToJson } from "./labour-json.js";
import { knownOf } from "./trust.js";

// The stored appointment of a booking the re-check accepted (book.ts), and its "book" audit
// entry: what is decided by then (the reception, the stay the check chose, who asked and
// how) written as the row, with no further decision in here.

export interface Booked {
  id: string;
  dealerId: string;
  /** The instant of the booking, ISO (createdAt and updatedAt, the audit entry's at). */
  at: string;
  reception: AdvisorSlot;
  stay: Stay;
  req: BookingRequest;
  manageTokenHash: string;
  /** The manage token names the row (tokens.ts manageTokenFor): it is found by id, not by an index of hashes. */
  manageTokenById: boolean;
  /** The contact's hashes, as the contact cap counts them. */
  contact: ContactHashes;
  mobility: Mobility;
  channel: Channel;
  priority: boolean;
  express: boolean;
  forced: boolean;
}

/** The appointment row of a booking, before its people links (journey/hooks.ts linkBooking). */
export function bookedRow(dealer: Dealer, b: Booked) {
  const { plan, ret } = b.stay;
  return {
    id: b.id,
    dealerId: b.dealerId,
    status: "requested",
    version: 1,
    manageTokenHash: b.manageTokenHash,
    manageTokenById: b.manageTokenById,
    advisorId: dealer.advisors[b.reception.advisor].id,
    receptionStart: b.reception.start,
    receptionMinutes: b.reception.minutes,
    returnAdvisorId: ret ? dealer.advisors[ret.advisor].id : null,
    returnStart: ret?.start ?? null,
    returnMinutes: ret?.minutes ?? null,
    readyAt: plan.readyAt,
    labourJson: labourToJson(dealer, plan.labour),
    interventionsJson: JSON.stringify(b.req.interventions),
    vehicleJson: JSON.stringify(b.req.vehicle),
    // The effective "known" (unsaid = new), so a later re-derivation (moves) agrees.
    customerJson: JSON.stringify({ ...b.req.customer, known: knownOf(b.req.customer) }),
    contactEmailHash: b.contact.email,
    contactPhoneHash: b.contact.phone,
    mobility: b.mobility,
    requestText: b.req.request ?? null,
    channel: b.channel,
    priority: b.priority,
    express: b.express,
    forced: b.forced,
    createdAt: b.at,
    updatedAt: b.at,
  } satisfies NewAppointmentRow;
}

/** The booking's audit entry (the first of its history): forced when it went past the caps. */
export function bookedAudit(row: ReturnType<typeof bookedRow>, actor: string): AuditEntry {
  return {
    dealerId: row.dealerId,
    appointmentId: row.id,
    at: row.createdAt,
    actor,
    action: row.forced ? "book_forced" : "book",
    after: {
      express: row.express,
      forced: row.forced,
      mobility: row.mobility,
      status: "requested",
      reception: row.receptionStart,
      advisor: row.advisorId,
      return: row.returnStart,
    },
  };
}
