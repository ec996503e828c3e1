import type { DealerConfig } from "../../src/core/dealer-config.js";
import type { Booking, LabourSlice } from "../../src/core/types.js";
import { referencePlaceBlock, referenceReadyFrom } from "./brute-force.js";

// The progress re-plan (issue 13 item 3) as the README states it, on plain arrays: the
// reported job's technician is that of its first slice still running or ahead; every
// job with a block on that technician ahead of `now` keeps what was worked and is placed
// again, first fit (minute by minute, brute-force.ts), on the same technicians: the
// reported job first when started, last when paused, not at all when done; the others
// in planned order. Nothing starts before `now` or before the car reaches the workshop.

export interface RefProgress {
  id: string;
  state: "started" | "paused" | "done";
  remainingMinutes?: number;
  extraMinutes?: number;
}

type Timed = LabourSlice & { tech: number; start: number; end: number };
const timed = (l: LabourSlice): l is Timed => l.tech !== undefined && l.start !== undefined && l.end !== undefined;

export function referenceReplan(
  config: DealerConfig,
  bookings: Booking[],
  ev: RefProgress,
  now: number,
): Map<string, { labour: LabourSlice[]; readyAt: number }> | null {
  const out = new Map<string, { labour: LabourSlice[]; readyAt: number }>();
  const target = bookings.find((b) => b.id === ev.id)!;
  const all = target.labour.filter(timed);
  if (all.length === 0) return out;
  const ahead = all.filter((l) => l.end > now).sort((a, b) => a.start - b.start);
  // Ahead: its first block's technician; overrun (nothing ahead): its last slice's.
  const k = ahead.length ? ahead[0].tech : [...all].sort((a, b) => b.end - a.end)[0].tech;
  const plans = bookings
    .filter((b) => !b.hold && (b.id === ev.id || b.labour.some((l) => timed(l) && l.tech === k && l.end > now)))
    .map((b) => {
      const slices = b.labour.filter(timed).sort((x, y) => x.start - y.start);
      const i0 = slices.findIndex((l) => l.tech === k && l.end > now);
      const blocks: Array<{ tech: number; skill: number; minutes: number }> = [];
      if (i0 < 0) {
        const lastOnK = slices.filter((l) => l.tech === k).sort((x, y) => y.end - x.end)[0];
        blocks.push({ tech: k, skill: lastOnK.skill, minutes: 0 });
        return adjust(b, [...b.labour], blocks, now);
      }
      const kept: LabourSlice[] = [...b.labour.filter((l) => !timed(l)), ...slices.slice(0, i0)];
      for (const l of slices.slice(i0)) {
        const last = blocks[blocks.length - 1];
        if (last && last.tech === l.tech && last.skill === l.skill) last.minutes += l.minutes;
        else blocks.push({ tech: l.tech, skill: l.skill, minutes: l.minutes });
      }
      const first = slices[i0];
      if (first.start < now) {
        const worked = Math.floor((first.minutes * (now - first.start)) / (first.end - first.start));
        if (worked > 0) kept.push({ ...first, minutes: worked, end: now });
        blocks[0].minutes -= worked;
      }
      return adjust(b, kept, blocks, first.start);
    });
  function adjust(
    b: Booking,
    kept: LabourSlice[],
    blocks: Array<{ tech: number; skill: number; minutes: number }>,
    firstStart: number,
  ) {
    let key = firstStart;
    if (b.id === ev.id) {
      if (ev.state === "done") blocks.length = 0;
      else {
        if (ev.remainingMinutes !== undefined) blocks[0].minutes = ev.remainingMinutes;
        blocks[0].minutes += ev.extraMinutes ?? 0;
      }
      key = ev.state === "paused" ? Infinity : -Infinity;
    }
    return { b, key, kept, blocks };
  }
  plans.sort((x, y) => x.key - y.key || x.b.reception.start - y.b.reception.start || (x.b.id < y.b.id ? -1 : 1));
  const world = new Map(bookings.map((b) => [b.id, b]));
  for (const p of plans) world.set(p.b.id, { ...p.b, labour: p.kept });
  for (const p of plans) {
    const keptEnds = p.kept.filter(timed).map((l) => l.end);
    let t = Math.max(
      now,
      p.b.reception.start + p.b.reception.minutes + config.workshopRules.handoverMinutes,
      ...keptEnds,
    );
    const placed: LabourSlice[] = [];
    for (const blk of p.blocks) {
      if (blk.minutes <= 0) continue;
      const r = referencePlaceBlock(config, [...world.values()], blk.tech, blk.skill, blk.minutes, t);
      if (!r) return null;
      placed.push(...r.labour);
      t = r.end;
    }
    const all = [...p.kept, ...placed].sort((x, y) => (x.start ?? -Infinity) - (y.start ?? -Infinity));
    const labour: LabourSlice[] = [];
    for (const l of all) {
      const last = labour[labour.length - 1];
      if (
        last &&
        timed(last) &&
        timed(l) &&
        last.tech === l.tech &&
        last.skill === l.skill &&
        last.day === l.day &&
        last.end === l.start
      )
        labour[labour.length - 1] = { ...last, minutes: last.minutes + l.minutes, end: l.end };
      else labour.push({ ...l });
    }
    const ends = labour.filter(timed).map((l) => l.end);
    let end = ends.length ? Math.max(...ends) : -Infinity;
    if (p.b.id === ev.id && ev.state === "done") end = Math.max(end, now);
    const readyAt = end === -Infinity ? p.b.readyAt : referenceReadyFrom(config, end);
    world.set(p.b.id, { ...p.b, labour, readyAt });
    out.set(p.b.id, { labour, readyAt });
  }
  return out;
}
