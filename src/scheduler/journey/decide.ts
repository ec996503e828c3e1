import type { JobKind } from "../../db/repos/jobs.js";
import { isUpcoming } from "../../core/status.js";

// What a due timer does, decided from the facts at the moment it fires (pure). A timer
// that fires late (after a restart) re-checks everything: a reminder is never sent once
// the appointment has started, a car-ready notice never after the car is ready.

export interface Facts {
  status: string;
  nowMs: number;
  receptionStartMs: number;
  readyAtMs: number;
  /** Customer agreed to reminders, and there is a way to reach them. */
  reachable: boolean;
  /** For the service reminder: the vehicle already has an appointment ahead. */
  upcoming?: boolean;
}

export type Decision = { act: "customer" | "staff" | "no_show" | "alert" } | { act: "skip"; why: string };

const skip = (why: string): Decision => ({ act: "skip", why });

export function decide(kind: JobKind, f: Facts): Decision {
  switch (kind) {
    case "supervisor_notice":
      return f.status === "cancelled" ? skip("status:cancelled") : { act: "staff" };
    case "confirm_overdue":
      return f.status === "requested" ? { act: "alert" } : skip(`status:${f.status}`);
    case "reminder":
      if (!isUpcoming(f.status)) return skip(`status:${f.status}`);
      if (f.nowMs >= f.receptionStartMs) return skip("late");
      return f.reachable ? { act: "customer" } : skip("no_consent");
    case "no_show_check":
      if (!isUpcoming(f.status)) return skip(`status:${f.status}`);
      // A timer left behind by a move it missed must not no-show a customer still to come.
      if (f.nowMs < f.receptionStartMs) return skip("early");
      return { act: "no_show" };
    case "car_ready":
      if (f.status !== "checked_in") return skip(`status:${f.status}`);
      if (f.nowMs >= f.readyAtMs) return skip("late");
      // Without consent the advisor calls: the promise is kept, by a human.
      return { act: f.reachable ? "customer" : "staff" };
    case "follow_up":
      if (f.status !== "completed") return skip(`status:${f.status}`);
      return { act: f.reachable ? "customer" : "staff" };
    case "progress_check":
      // Only while the car is in the workshop: the advisor asks the technician.
      return f.status === "checked_in" ? { act: "staff" } : skip(`status:${f.status}`);
    case "parts_notice":
      // Decided by parts-notice.ts from the order and its messages, not the appointment's status.
      return { act: "staff" };
    case "service_reminder":
      if (f.upcoming) return skip("already_booked");
      return f.reachable ? { act: "customer" } : skip("no_consent");
  }
}
