import type { Dealer } from "../core/dealer.js";
import { encodeOptionId } from "../core/option-id.js";
import type { AdvisorSlot, Option } from "../core/types.js";
import type { AppointmentRow } from "../db/repos/appointments.js";
import type { AppointmentView, OptionView, SlotView, Status, Vehicle } from "./contracts.js";
import { formatInstant as instant } from "./instants.js";
import { appointmentTitle, parseFile } from "./journey/title.js";

// Integers → the contract's JSON. Instants carry the dealer's UTC offset of that moment.

export function slotView(dealer: Dealer, s: AdvisorSlot): SlotView {
  return {
    start: instant(dealer, s.start),
    end: instant(dealer, s.start + s.minutes),
    advisorId: dealer.advisors[s.advisor].id,
    minutes: s.minutes,
  };
}

export function optionView(dealer: Dealer, o: Option): OptionView {
  const r = o.reception;
  return {
    optionId: encodeOptionId(dealer, { reception: r, ret: o.ret, express: o.express, overridesCaps: o.overridesCaps }),
    start: instant(dealer, r.start),
    end: instant(dealer, r.start + r.minutes),
    advisorId: dealer.advisors[r.advisor].id,
    advisorName: dealer.advisors[r.advisor].name,
    receptionMinutes: r.minutes,
    readyAt: instant(dealer, o.readyAt),
    return: o.ret ? slotView(dealer, o.ret) : null,
    quiet: o.quiet,
    express: o.express,
    overridesCaps: o.overridesCaps === true,
    mobility: o.mobility,
  };
}

const BRING = ["registration certificate", "maintenance booklet", "driving licence", "locking wheel-nut key"];

export function appointmentView(dealer: Dealer, row: AppointmentRow, manageToken?: string): AppointmentView {
  const vehicle = JSON.parse(row.vehicleJson) as Vehicle;
  const interventions = JSON.parse(row.interventionsJson) as string[];
  const advisorName = (id: string) => dealer.config.advisors.find((a) => a.id === id)?.name ?? id;
  const fmt = (em: number) => dealer.format(em);
  const start = fmt(row.receptionStart);
  const reason = interventions.map((c) => dealer.config.interventions[c]?.label ?? c).join(", ");
  const file = parseFile(row.fileJson);
  const view: AppointmentView = {
    id: row.id,
    dealerId: row.dealerId,
    status: row.status as Status,
    version: row.version,
    reception: {
      start,
      end: fmt(row.receptionStart + row.receptionMinutes),
      advisorId: row.advisorId,
      minutes: row.receptionMinutes,
    },
    return:
      row.returnStart !== null && row.returnMinutes !== null && row.returnAdvisorId !== null
        ? {
            start: fmt(row.returnStart),
            end: fmt(row.returnStart + row.returnMinutes),
            advisorId: row.returnAdvisorId,
            minutes: row.returnMinutes,
          }
        : null,
    readyAt: fmt(row.readyAt),
    express: row.express,
    forced: row.forced,
    mobility: row.mobility as AppointmentView["mobility"],
    interventions,
    vehicle,
    channel: row.channel,
    request: row.requestText,
    recap: {
      date: start.slice(0, 10),
      time: start.slice(11, 16),
      reason,
      greeter: advisorName(row.advisorId),
      parking: dealer.config.parking,
      address: dealer.config.address,
      bring: vehicle.electrified ? [...BRING, "charging cable"] : BRING,
      mobility: row.mobility as AppointmentView["mobility"],
    },
    title: appointmentTitle(reason, vehicle, file),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (file) view.file = file;
  if (row.priority !== null) view.priority = row.priority;
  // No links built from the token here: idempotency records store this body, and only
  // the manageToken field is sealed there (seal.ts). Clients know /v1/manage/{token}/calendar.ics.
  if (manageToken) view.manageToken = manageToken;
  return view;
}
