import { dayNumberFromIso } from "../core/civil.js";
import { heldCars } from "../core/mobility.js";
import { minutesBySkill } from "./labour-json.js";
import { isHolding } from "../core/status.js";
import { appointmentsBetween, courtesyCarsOut } from "../db/repos/appointments.js";
import { carWindow } from "../core/car-timeline.js";
import { mostAtOnce } from "../core/most-at-once.js";
import type { Dealer } from "../core/dealer.js";
import type { BoardVehicle, ContactView, PossibleMatch, Status } from "./contracts.js";
import { notFound } from "./errors.js";
import { bookedContact, bookedVehicle, staffFields } from "./staff-view.js";
import type { Ctx } from "./context.js";
import { TechnicianBoard, type TechnicianDay } from "./technician-board.js";
import { progressStates } from "../db/repos/progress.js";

// The advisors' day: each advisor's receptions and returns, the workshop's booked
// hours against capacity per skill, and courtesy cars out. Read from storage, so it
// shows past days and appointments the in-memory index no longer holds.

/**
 * customer: the contact it was booked with; possibleMatch: a stored customer it may be;
 * vehicle: the car, which names the slot when the customer has no name (staff-view.ts).
 */
type Slot = {
  appointmentId: string;
  kind: "reception" | "return";
  start: string;
  end: string;
  status: Status;
  version: number;
  express: boolean;
  forced: boolean;
  customer: ContactView;
  possibleMatch: PossibleMatch | null;
  vehicle: BoardVehicle;
};

/**
 * An appointment received on an earlier day whose work runs on this one (a multi-day
 * repair): the day has no slot of it, so without this its technicians' jobs named nobody.
 */
export interface CarriedOver {
  appointmentId: string;
  receptionStart: string;
  customer: ContactView;
  vehicle: BoardVehicle;
}

export interface DayBoard {
  date: string;
  timeZone: string;
  /**
   * The server's clock as it read the day (ISO instant): the advisors' page's "now" for
   * which steps are open yet (a no-show waits for the reception's start), so it agrees
   * with the verbs whatever the browser's clock says (and with a frozen test clock).
   */
  now: string;
  open: boolean;
  advisors: Array<{ id: string; name: string; slots: Array<Slot> }>;
  workshop: Record<string, { capacityHours: number; bookedHours: number }>;
  /** Per technician, the day's jobs in planned order. */
  technicians: TechnicianDay[];
  /** Who the technicians' jobs received on an earlier day are for. */
  carriedOver: CarriedOver[];
  mobility: {
    /** inUse: the most cars out at one moment of the day; appointments: every one with a car out that day. */
    courtesyCars: { total: number; inUse: number; held: number; appointments: string[] };
    pickupDelivery: {
      runsPerHalfDay: number;
      runs: Array<{ appointmentId: string; kind: "pickup" | "delivery"; at: string; half: "morning" | "afternoon" }>;
    };
  };
}

const hours = (m: number) => Math.round((m / 60) * 100) / 100;

/**
 * The day's courtesy cars. `inUse`: the most out at the same moment during the day (stays
 * from earlier days and into later ones included), what the stock must cover: never above
 * `total` unless the data really is overbooked. `appointments`: every appointment with a
 * car out at some point of the day (more than `inUse` when one car comes back and goes
 * out again). Counting those as `inUse` read 4 of 3 on a day with at most 3 out at once.
 */
function courtesyCarsOfDay(
  db: Ctx["db"],
  dealer: Dealer,
  from: number,
  to: number,
): DayBoard["mobility"]["courtesyCars"] {
  const rows = courtesyCarsOut(db, dealer.id, from, to);
  const windows = rows.map((r) =>
    carWindow({
      reception: { advisor: 0, start: r.receptionStart, minutes: r.receptionMinutes },
      ret:
        r.returnStart !== null && r.returnMinutes !== null
          ? { advisor: 0, start: r.returnStart, minutes: r.returnMinutes }
          : null,
      readyAt: r.readyAt,
    }),
  );
  return {
    total: dealer.config.mobility.courtesyCars,
    inUse: mostAtOnce(windows, from, to),
    held: heldCars(dealer.config),
    appointments: rows.map((r) => r.id),
  };
}

export function dayBoard(ctx: Ctx, input: { dealerId: string; date: string }): DayBoard {
  const { db } = ctx;
  const { dealerId, date } = input;
  const rt = ctx.runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const { dealer } = rt;
  const n = dayNumberFromIso(date);
  const day = dealer.day(n);
  const from = day.zone.start;
  const to = from + day.zone.length;
  const rows = appointmentsBetween(db, dealerId, from, to);
  const advisors: DayBoard["advisors"] = dealer.config.advisors.map((a) => ({ id: a.id, name: a.name, slots: [] }));
  const byId = new Map(advisors.map((a) => [a.id, a]));
  const booked = new Array<number>(dealer.skills.length).fill(0);
  const runs: DayBoard["mobility"]["pickupDelivery"]["runs"] = [];
  const carriedOver: CarriedOver[] = [];
  const techBoard = new TechnicianBoard(dealer, n);
  const reported = progressStates(
    db,
    rows.filter((r) => r.status === "checked_in").map((r) => r.id),
  );
  const halfName = (em: number) => (em - from < day.noon ? "morning" : "afternoon");
  for (const r of rows) {
    const status = r.status as Status;
    const visible = status !== "cancelled";
    const who = visible ? { ...staffFields(db, r), vehicle: bookedVehicle(r) } : null;
    if (visible && r.receptionStart >= from && r.receptionStart < to) {
      byId.get(r.advisorId)?.slots.push({
        appointmentId: r.id,
        kind: "reception",
        start: dealer.format(r.receptionStart),
        end: dealer.format(r.receptionStart + r.receptionMinutes),
        status,
        version: r.version,
        express: r.express,
        forced: r.forced,
        ...who!,
      });
    }
    if (
      visible &&
      r.returnStart !== null &&
      r.returnAdvisorId !== null &&
      r.returnStart >= from &&
      r.returnStart < to
    ) {
      byId.get(r.returnAdvisorId)?.slots.push({
        appointmentId: r.id,
        kind: "return",
        start: dealer.format(r.returnStart),
        end: dealer.format(r.returnStart + (r.returnMinutes ?? 0)),
        status,
        version: r.version,
        express: r.express,
        forced: r.forced,
        ...who!,
      });
    }
    const works = techBoard.add(r.id, status, r.labourJson, reported.get(r.id));
    if (works && r.receptionStart < from)
      carriedOver.push({
        appointmentId: r.id,
        receptionStart: dealer.format(r.receptionStart),
        customer: who?.customer ?? bookedContact(r),
        vehicle: who?.vehicle ?? bookedVehicle(r),
      });
    if (!isHolding(status)) continue;
    minutesBySkill(dealer, r.labourJson, n, booked);
    if (r.mobility === "pickup_delivery") {
      if (r.receptionStart >= from && r.receptionStart < to)
        runs.push({
          appointmentId: r.id,
          kind: "pickup",
          at: dealer.format(r.receptionStart),
          half: halfName(r.receptionStart),
        });
      const back = r.returnStart ?? r.readyAt;
      if (back >= from && back < to)
        runs.push({ appointmentId: r.id, kind: "delivery", at: dealer.format(back), half: halfName(back) });
    }
  }
  // By instant, not by string: on a fall-back day "02:30+01:00" comes after "02:45+02:00".
  for (const a of advisors) a.slots.sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
  const workshop: DayBoard["workshop"] = {};
  dealer.skills.forEach(
    (s, i) => (workshop[s] = { capacityHours: hours(day.capacity[i]), bookedHours: hours(booked[i]) }),
  );
  return {
    date,
    timeZone: dealer.tz,
    now: new Date(ctx.nowMs).toISOString(),
    open: day.open.length > 0,
    advisors,
    workshop,
    technicians: techBoard.result(),
    carriedOver,
    mobility: {
      courtesyCars: courtesyCarsOfDay(db, dealer, from, to),
      pickupDelivery: { runsPerHalfDay: dealer.config.mobility.pickupDelivery, runs },
    },
  };
}
