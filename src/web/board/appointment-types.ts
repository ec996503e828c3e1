// An appointment as the page reads it (GET …/appointments/{id}; a subset of the API's,
// /openapi.json has them all), with its parts orders, and the reshuffle plans that move
// appointments (POST …/reshuffle/{kind}), which name their times the same way (SlotView).

export interface SlotView {
  start: string;
  end: string;
  advisorId: string;
  advisorName?: string;
}

export interface Appointment {
  id: string;
  status: string;
  version: number;
  reception: SlotView;
  return: SlotView | null;
  readyAt: string;
  express: boolean;
  forced: boolean;
  mobility: string;
  interventions: string[];
  vehicle: { model?: string; plate?: string | null; vin?: string | null };
  request: string | null;
  customer?: { name?: string | null; phone?: string | null; email?: string | null };
  /** The services by the dealer's labels, joined ("Maintenance, Tyre change"). */
  recap: { reason: string };
  /** The parts ordered for it (staff view). */
  parts?: PartsOrder[];
}

/** A parts order as GET …/appointments/{id} lists it (scheduler/parts/contracts.ts). */
export interface PartsOrder {
  id: string;
  description: string;
  status: "ordered" | "arrived" | "cancelled";
  currency: string;
  priceCents: number;
  /** The deposit the order asks (0: none). */
  depositRequiredCents: number;
  depositDueCents: number;
  /** What the customer has paid towards it (kept on a cancelled order: refunds are the till's). */
  depositPaidCents: number;
}

export interface Move {
  appointmentId: string;
  version: number;
  from: { reception: SlotView; return: SlotView | null };
  to: { reception: SlotView; return: SlotView | null };
  timeChanged: boolean;
  advisorChanged: boolean;
  notifyCustomer: boolean;
  forced: boolean;
  shiftMinutes: number;
}

export interface Plan {
  kind: string;
  mode: "plan" | "applied";
  moves: Move[];
  contact: Array<{ appointmentId: string; reason: string; options: Array<{ reception?: SlotView; start?: string }> }>;
  notify: string[];
  summary: { moves: number; timeChanges: number; advisorChanges: number; contact: number };
  planToken: string;
  walkIn?: { reception: SlotView };
  /** A walk-in, applied: the new appointment. */
  created?: { id: string };
}
