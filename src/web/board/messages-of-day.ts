import type { DayBoard, Message } from "./types.js";

// Which messages the Messages panel (messages-panel.tsx) lists for the shown day. Pure:
// no page state, so a test can hold it without a browser.

/** The day's messages: those of its appointments (a group's notice: of any of its bookings), and any written on that (local) day. */
export function messagesOfDay(messages: Message[], day: DayBoard | null): Message[] {
  if (!day) return [];
  const ids = new Set(day.advisors.flatMap((a) => a.slots.map((s) => s.appointmentId)));
  const local = new Intl.DateTimeFormat("en-CA", {
    timeZone: day.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return messages.filter(
    (m) =>
      (m.appointmentId !== null && ids.has(m.appointmentId)) ||
      (m.bookings ?? []).some((id) => ids.has(id)) ||
      local.format(new Date(m.createdAt)) === day.date,
  );
}
