import { findAppointment } from "../db/repos/appointments.js";
import type { AppointmentView } from "./contracts.js";
import { notFound } from "./errors.js";
import { appointmentView } from "./present.js";
import type { Ctx } from "./context.js";
import { partsOrdersOf } from "../db/repos/parts-orders.js";
import { partsOrderView } from "./parts/present.js";
import { staffFields } from "./staff-view.js";

/** The staff view: the appointment plus its booked contact, any possibleMatch and its parts orders. */
export function getAppointment(ctx: Ctx, input: { dealerId: string; id: string }): AppointmentView {
  const { db } = ctx;
  const { dealerId, id } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const row = findAppointment(db, dealerId, id);
  if (!row) throw notFound(`appointment ${id}`);
  const parts = partsOrdersOf(ctx.sqlite, row.id).map((o) => partsOrderView(rt.dealer, o));
  return { ...appointmentView(rt.dealer, row), ...staffFields(db, row), parts };
}
