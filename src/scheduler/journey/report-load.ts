import {
  dayNumberFromIso,
  dayNumberFromYmd,
  isoFromDayNumber,
  weekdayOf,
  ymdFromDayNumber,
  epochMinute,
} from "../../core/civil.js";
import { carWindow } from "../../core/capacity-index.js";
import type { Dealer } from "../../core/dealer.js";
import type { LabourSlice } from "../../core/types.js";
import { appointmentsForReport, type AppointmentRow, firstConfirmations } from "../../db/repos/appointments.js";
import { notFound } from "../errors.js";
import { rowPriority } from "../priority.js";
import type { ReportQuery, ReportView } from "./contracts.js";
import { aggregate, type ReportFrame, type ReportRow } from "./reports.js";
import type { Ctx } from "../context.js";

// Loads one report period: its bounds in the dealer's zone (a DST day is 23 or 25 hours
// long, and counts as such), the capacities of those days, and the appointments
// touching it, turned into plain ReportRows for the pure aggregation.

export function periodDays(period: ReportQuery["period"], day: number): [number, number] {
  if (period === "day") return [day, day + 1];
  if (period === "week") {
    const monday = day - weekdayOf(day);
    return [monday, monday + 7];
  }
  const [y, m] = ymdFromDayNumber(day);
  return [dayNumberFromYmd(y, m, 1), m === 12 ? dayNumberFromYmd(y + 1, 1, 1) : dayNumberFromYmd(y, m + 1, 1)];
}

const sum = (flat: number[]) => flat.reduce((a, x, i) => a + (i % 2 ? x : -x), 0);

function overlapFlat(a: number[], b: number[]): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 2)
    for (let j = 0; j < b.length; j += 2) n += Math.max(0, Math.min(a[i + 1], b[j + 1]) - Math.max(a[i], b[j]));
  return n;
}

function frame(dealer: Dealer, fromDay: number, toDay: number, nowMs: number): ReportFrame {
  let advisorMinutes = 0;
  let workshopMinutes = 0;
  for (let n = fromDay; n < toDay; n++) {
    const d = dealer.day(n);
    d.duty.forEach((duty, a) => (advisorMinutes += sum(duty) - overlapFlat(duty, d.absent[a] ?? [])));
    for (const c of d.capacity) workshopMinutes += c;
  }
  const quietLimit = Math.max(1, Math.ceil(dealer.config.receptionRules.quietMaxDeskShare * dealer.advisors.length));
  return {
    fromMs: dealer.day(fromDay).zone.start * 60_000,
    toMs: dealer.day(toDay).zone.start * 60_000,
    advisorMinutes,
    workshopMinutes,
    courtesyCars: dealer.config.mobility.courtesyCars,
    quietLimit,
    nowMs,
  };
}

function toReportRow(
  dealer: Dealer,
  r: AppointmentRow,
  confirmedMs: number | null,
  fromDay: number,
  toDay: number,
): ReportRow {
  const createdMs = Date.parse(r.createdAt);
  const day = dealer.day(dealer.dayOf(r.receptionStart));
  const s = r.receptionStart - day.zone.start;
  const ret =
    r.returnStart !== null && r.returnMinutes !== null
      ? { start: r.returnStart, minutes: r.returnMinutes, advisor: 0 }
      : null;
  const labour = (JSON.parse(r.labourJson) as LabourSlice[])
    .filter((l) => l.day >= fromDay && l.day < toDay)
    .reduce((a, l) => a + l.minutes, 0);
  return {
    id: r.id,
    channel: r.channel,
    status: r.status,
    createdMs,
    confirmedMs,
    priority: rowPriority(dealer, r),
    receptionStart: r.receptionStart,
    receptionMinutes: r.receptionMinutes,
    returnStart: r.returnStart,
    returnMinutes: r.returnMinutes,
    createdDay: dealer.dayOf(epochMinute(createdMs)),
    receptionDay: day.n,
    inRush: overlapFlat(day.rush, [s, s + r.receptionMinutes]) > 0,
    labourMinutes: labour,
    car:
      r.mobility === "courtesy_car"
        ? carWindow({
            reception: { advisor: 0, start: r.receptionStart, minutes: r.receptionMinutes },
            ret,
            readyAt: r.readyAt,
          })
        : null,
  };
}

export function dealerReport(ctx: Ctx, input: { dealerId: string; query: ReportQuery }): ReportView {
  const { db, sqlite, runtimes, nowMs } = ctx;
  const { dealerId, query: q } = input;
  const rt = runtimes.get(dealerId);
  if (!rt) throw notFound(`dealer ${dealerId}`);
  const dealer = rt.dealer;
  const day = q.date ? dayNumberFromIso(q.date) : dealer.dayOf(epochMinute(nowMs));
  const [fromDay, toDay] = periodDays(q.period, day);
  const f = frame(dealer, fromDay, toDay, nowMs);
  const from = f.fromMs / 60_000;
  const to = f.toMs / 60_000;
  const rows = appointmentsForReport(db, dealerId, {
    fromIso: new Date(f.fromMs).toISOString(),
    toIso: new Date(f.toMs).toISOString(),
    from,
    to,
  });
  const confirmed = new Map(
    firstConfirmations(
      sqlite,
      rows.map((r) => r.id),
    ).map((c) => [c.id, Date.parse(c.at)]),
  );
  const reportRows = rows.map((r) => toReportRow(dealer, r, confirmed.get(r.id) ?? null, fromDay, toDay));
  return {
    dealerId,
    period: q.period,
    from: isoFromDayNumber(fromDay),
    to: isoFromDayNumber(toDay - 1),
    ...aggregate(reportRows, f),
  };
}
