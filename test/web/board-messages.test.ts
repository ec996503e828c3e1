import { describe, expect, it } from "vitest";
import { messagesOfDay } from "../../src/web/board/messages-of-day.js";
import type { DayBoard, Message } from "../../src/web/board/types.js";

// Which messages the board's Messages panel lists for a day (messages-of-day.ts): those of the
// day's appointments, those written that day, and a group's notice to the supervisor
// (journey/supervisor-notice.ts: no appointmentId, its bookings listed) on the day of any
// of its bookings.

const day = {
  date: "2026-11-25",
  timeZone: "Europe/Rome",
  advisors: [{ id: "anna", name: "Anna", slots: [{ appointmentId: "on-the-day" }] }],
} as unknown as DayBoard;

const message = (id: string, over: Partial<Message>): Message =>
  ({
    id,
    kind: "supervisor_notice",
    audience: "staff",
    appointmentId: null,
    bookings: null,
    createdAt: "2026-11-23T09:00:00.000Z",
    ...over,
  }) as Message;

describe("the board's messages of a day", () => {
  it.each([
    ["a notice about one of the day's appointments", true, { appointmentId: "on-the-day" }],
    ["a notice about another day's appointment", false, { appointmentId: "elsewhere" }],
    ["a group's notice naming one of the day's appointments", true, { bookings: ["elsewhere", "on-the-day"] }],
    ["a group's notice naming none of them", false, { bookings: ["elsewhere", "also-elsewhere"] }],
    [
      "a group's notice written that day (local)",
      true,
      { bookings: ["elsewhere"], createdAt: "2026-11-24T23:30:00.000Z" },
    ],
  ] as Array<[string, boolean, Partial<Message>]>)("%s: listed %s", (_, listed, over) => {
    expect(messagesOfDay([message("m", over)], day).length).toBe(listed ? 1 : 0);
  });
});
