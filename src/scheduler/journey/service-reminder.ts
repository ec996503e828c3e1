import { hasUpcomingVisit } from "../../db/repos/appointments.js";
import type { WriteContext } from "../context.js";
import { decide } from "./decide.js";
import type { JobRow } from "../../db/repos/jobs.js";
import { serviceOptions } from "./options.js";
import { dueDateWords, optionWords, todayOf } from "./when-words.js";
import { sendToCustomer } from "./channels.js";
import { customerById, vehicleById } from "../../db/repos/people.js";
import { recipientOfCustomer } from "./recipients.js";
import { bringIn, mobilityIn } from "../../core/visit-words.js";
import { epochMinute } from "../../core/civil.js";

// The service reminder, 3-4 weeks before a vehicle's maintenance is due: to the current
// owner, only with consent, with two proposed options before the due date. Skipped when
// the vehicle already has an appointment ahead.

export function runServiceReminder(ctx: WriteContext, job: JobRow): string {
  const rt = ctx.runtimes.get(job.dealerId);
  const vehicle = vehicleById(ctx.db, String(job.payload.vehicleId ?? ""));
  const owner = vehicle?.ownerCustomerId ? customerById(ctx.db, vehicle.ownerCustomerId) : undefined;
  if (!rt || !vehicle || !owner) return "skipped:gone";
  if (vehicle.nextServiceDue !== job.payload.dueDate) return "skipped:due_date_changed";
  const nowMin = epochMinute(ctx.nowMs);
  const upcoming = hasUpcomingVisit(ctx.sqlite, vehicle.id, nowMin);
  const who = recipientOfCustomer(owner);
  const d = decide("service_reminder", {
    status: "n/a",
    nowMs: ctx.nowMs,
    receptionStartMs: 0,
    readyAtMs: 0,
    reachable: who.channel !== null,
    upcoming,
  });
  if (d.act === "skip") return `skipped:${d.why}`;
  const dealer = rt.dealer;
  const today = dealer.dayOf(nowMin);
  const options = serviceOptions(rt, vehicle.model, today + 1, ctx.nowMs, 21);
  const locale = who.locale ?? dealer.config.locale;
  const vars = {
    dealer: dealer.config.name,
    dealerPhone: dealer.config.phone,
    date: "",
    time: "",
    when: "",
    reason: "",
    service: "",
    greeter: "",
    parking: dealer.config.parking,
    address: dealer.config.address,
    vehicle: [vehicle.model, vehicle.plate].filter(Boolean).join(" "),
    mobility: mobilityIn(locale, "none"),
    bring: bringIn(locale, []),
    customer: who.name,
    // In words for the owner; the data below keeps the machine forms (webhook, outbox).
    dueDate: dueDateWords(locale, vehicle.nextServiceDue),
    options: optionWords(locale, options, todayOf(dealer, ctx.nowMs)),
  };
  return sendToCustomer(ctx, dealer, who, {
    kind: "service_reminder",
    dedupeId: `job:${job.dedupeKey}`,
    appointmentId: null,
    vars,
    data: { vehicleId: vehicle.id, dueDate: vehicle.nextServiceDue, options },
  });
}
