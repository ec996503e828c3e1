import { isHolding } from "../../core/status.js";

// The dealer's statistics for one period, aggregated from plain rows (pure: no storage,
// no clock, no time zone; report-load.ts prepares the rows and the frame).
//
// Populations: "booked" = appointments CREATED in the period (bookings by channel, the
// 24-hour confirmation of online requests); "scheduled" = not-cancelled appointments
// whose RECEPTION is in the period (no-shows, express, quiet hours). Utilisation counts
// what holds capacity inside the period.

export interface ReportRow {
  id: string;
  channel: string | null;
  status: string;
  createdMs: number;
  /** First confirm (or check-in) of the appointment; null if never. */
  confirmedMs: number | null;
  /** A priority model (express guarantee applies). */
  priority: boolean;
  /** Epoch minutes. */
  receptionStart: number;
  receptionMinutes: number;
  returnStart: number | null;
  returnMinutes: number | null;
  /** Local day numbers of the request and of the reception. */
  createdDay: number;
  receptionDay: number;
  /** The reception overlaps the dealer's rush hours. */
  inRush: boolean;
  /** Labour minutes booked on days inside the period. */
  labourMinutes: number;
  /** Courtesy car out [start, end) in epoch minutes, or null. */
  car: [number, number] | null;
}

export interface ReportFrame {
  /** [from, to) in epoch ms and epoch minutes. */
  fromMs: number;
  toMs: number;
  advisorMinutes: number;
  workshopMinutes: number;
  courtesyCars: number;
  /** A reception is quiet when fewer than this many others overlap it (and not in rush). */
  quietLimit: number;
  /** When the report is made (epoch ms): a request whose 24 hours are not over yet is neither kept nor missed. */
  nowMs: number;
}

export interface Share {
  numerator: number;
  denominator: number;
  share: number | null;
}

export interface Figures {
  bookings: number;
  bookingsByChannel: Record<string, number>;
  confirmedWithin24h: Share;
  noShowRate: Share;
  expressWithinOneDay: Share;
  quietHourShare: Share;
  advisorUtilisation: Share;
  workshopUtilisation: Share;
  courtesyCarUtilisation: Share;
}

const ONLINE = new Set(["app", "web"]);
const DAY_MS = 86_400_000;

export const share = (numerator: number, denominator: number): Share => ({
  numerator,
  denominator,
  share: denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null,
});

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

export function aggregate(rows: ReportRow[], f: ReportFrame): Figures {
  const from = f.fromMs / 60_000;
  const to = f.toMs / 60_000;
  const booked = rows.filter((r) => r.createdMs >= f.fromMs && r.createdMs < f.toMs);
  const byChannel: Record<string, number> = {};
  for (const r of booked) byChannel[r.channel ?? "unknown"] = (byChannel[r.channel ?? "unknown"] ?? 0) + 1;
  const online = booked.filter((r) => r.channel !== null && ONLINE.has(r.channel));
  const confirmedInTime = online.filter((r) => r.confirmedMs !== null && r.confirmedMs - r.createdMs <= DAY_MS).length;
  // Still within its 24 hours and not confirmed yet: not a miss (yet). Trap: counted, a
  // request made minutes ago read as a missed confirmation in today's report.
  const pending = online.filter((r) => r.confirmedMs === null && r.createdMs + DAY_MS > f.nowMs).length;

  const scheduled = rows.filter((r) => r.status !== "cancelled" && r.receptionStart >= from && r.receptionStart < to);
  const priority = scheduled.filter((r) => r.priority);
  const quiet = scheduled.filter((r) => {
    if (r.inRush) return false;
    const e = r.receptionStart + r.receptionMinutes;
    const load = scheduled.filter(
      (o) => o !== r && overlap(o.receptionStart, o.receptionStart + o.receptionMinutes, r.receptionStart, e) > 0,
    ).length;
    return load < f.quietLimit;
  });

  const holding = rows.filter((r) => isHolding(r.status));
  let desk = 0;
  let labour = 0;
  let carMinutes = 0;
  for (const r of holding) {
    desk += overlap(r.receptionStart, r.receptionStart + r.receptionMinutes, from, to);
    if (r.returnStart !== null && r.returnMinutes !== null)
      desk += overlap(r.returnStart, r.returnStart + r.returnMinutes, from, to);
    labour += r.labourMinutes;
    if (r.car) carMinutes += overlap(r.car[0], r.car[1], from, to);
  }
  return {
    bookings: booked.length,
    bookingsByChannel: byChannel,
    confirmedWithin24h: share(confirmedInTime, online.length - pending),
    noShowRate: share(scheduled.filter((r) => r.status === "no_show").length, scheduled.length),
    expressWithinOneDay: share(priority.filter((r) => r.receptionDay - r.createdDay <= 1).length, priority.length),
    quietHourShare: share(quiet.length, scheduled.length),
    advisorUtilisation: share(desk, f.advisorMinutes),
    workshopUtilisation: share(labour, f.workshopMinutes),
    courtesyCarUtilisation: share(carMinutes, f.courtesyCars * (to - from)),
  };
}

/** One "metric,numerator,denominator,value" line per figure, then one per channel. */
export function reportCsv(fig: Figures): string {
  const lines = ["metric,numerator,denominator,value"];
  const row = (name: string, s: Share) => lines.push(`${name},${s.numerator},${s.denominator},${s.share ?? ""}`);
  lines.push(`bookings,${fig.bookings},,${fig.bookings}`);
  for (const [ch, n] of Object.entries(fig.bookingsByChannel).sort())
    lines.push(
      `bookings.${ch},${n},${fig.bookings},${fig.bookings ? Math.round((n / fig.bookings) * 10_000) / 10_000 : ""}`,
    );
  row("confirmed_within_24h", fig.confirmedWithin24h);
  row("no_show_rate", fig.noShowRate);
  row("express_within_one_day", fig.expressWithinOneDay);
  row("quiet_hour_share", fig.quietHourShare);
  row("advisor_utilisation", fig.advisorUtilisation);
  row("workshop_utilisation", fig.workshopUtilisation);
  row("courtesy_car_utilisation", fig.courtesyCarUtilisation);
  return lines.join("\r\n") + "\r\n";
}
