import { describe, expect, it } from "vitest";
import { findSlot, liveSlot } from "../../src/web/board/live-slot.js";
import type { DayBoard, Slot } from "../../src/web/board/types.js";

// An open dialog's slot on a redrawn day (web/board/live-slot.ts): what it shows changed,
// or only the version (a parts order, a payment), or the appointment left the day.

const slot = (over: Partial<Slot> = {}): Slot =>
  ({
    appointmentId: "a1",
    kind: "reception",
    start: "2026-11-24T11:00:00+01:00",
    end: "2026-11-24T11:15:00+01:00",
    status: "requested",
    version: 1,
    express: false,
    forced: false,
    vehicle: { model: "Ghibli", plate: null },
    ...over,
  }) as Slot;
const dayWith = (tracks: Record<string, Slot[]>): DayBoard =>
  ({ advisors: Object.entries(tracks).map(([id, slots]) => ({ id, name: id, slots })) }) as unknown as DayBoard;

describe("an open dialog's slot on a redrawn day", () => {
  const opened = slot();
  const first = findSlot(dayWith({ anna: [opened] }), opened);

  it.each([
    ["the same day", { anna: [opened] }, false],
    ["only the version moved (a parts order)", { anna: [slot({ version: 2 })] }, false],
    ["confirmed", { anna: [slot({ status: "confirmed", version: 2 })] }, true],
    ["moved in time", { anna: [slot({ start: "2026-11-24T11:30:00+01:00", version: 2 })] }, true],
    ["given to another advisor", { anna: [], bruno: [slot({ version: 2 })] }, true],
  ] as const)("%s: changed %s", (_, tracks, changed) => {
    const live = liveSlot(dayWith(tracks as unknown as Record<string, Slot[]>), opened, first);
    expect(live.changed).toBe(changed);
    expect(live.gone).toBe(false);
    expect(live.slot.version).toBe(Object.values(tracks).flat()[0].version);
  });

  it("gone when it was on the day and is no longer; never for a slot that was not on the timeline", () => {
    expect(liveSlot(dayWith({ anna: [] }), opened, first).gone).toBe(true);
    expect(liveSlot(dayWith({ anna: [] }), opened, undefined).gone).toBe(false);
  });
});
