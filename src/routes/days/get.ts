import { createRoute, z } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { LocalDate } from "../../core/primitives.js";
import { BoardVehicle, ContactView, PossibleMatch } from "../../scheduler/contracts.js";
import { dayBoard } from "../../scheduler/day-board.js";
import { DealerParam } from "../shared.js";

/** The car as the board names it (no VIN); plate null when the booking gave none. */

const Slot = z.object({
  appointmentId: z.string(),
  kind: z.enum(["reception", "return"]),
  start: z.string(),
  end: z.string(),
  status: z.string(),
  /** The appointment's version: the If-Match of a move made from the board. */
  version: z.number().int(),
  express: z.boolean(),
  forced: z.boolean(),
  /** The contact the appointment was booked with. */
  customer: ContactView,
  /**
   * A stored customer an anonymous booking matched: staff may apply it. A union, not
   * .nullable(): that writes allOf [PossibleMatch, object|null], which no null satisfies.
   */
  possibleMatch: z.union([PossibleMatch, z.null()]),
  /** The car: what names the slot when the customer has no name. */
  vehicle: BoardVehicle,
});

export const DayBoardView = z
  .object({
    date: z.string(),
    timeZone: z.string(),
    /** The server's clock as it read the day: the page's "now" for which steps are open yet. */
    now: z.string(),
    open: z.boolean(),
    advisors: z.array(z.object({ id: z.string(), name: z.string(), slots: z.array(Slot) })),
    workshop: z.record(z.string(), z.object({ capacityHours: z.number(), bookedHours: z.number() })),
    technicians: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        skills: z.array(z.string()),
        jobs: z.array(
          z.object({
            appointmentId: z.string(),
            skill: z.string(),
            start: z.string(),
            end: z.string(),
            labourHours: z.number(),
            state: z.enum(["planned", "started", "paused", "done"]),
          }),
        ),
      }),
    ),
    /** Appointments received on an earlier day whose work runs on this one: who the technicians' jobs are for. */
    carriedOver: z.array(
      z.object({
        appointmentId: z.string(),
        /** When the car was received (an earlier day). */
        receptionStart: z.string(),
        customer: ContactView,
        vehicle: BoardVehicle,
      }),
    ),
    mobility: z.object({
      courtesyCars: z.object({
        total: z.number().int(),
        inUse: z
          .number()
          .int()
          .describe("the most courtesy cars out at the same moment of the day (stays from other days included)"),
        held: z.number().int(),
        appointments: z
          .array(z.string())
          .describe("every appointment with a courtesy car out at some point of the day"),
      }),
      pickupDelivery: z.object({
        runsPerHalfDay: z.number().int(),
        runs: z.array(
          z.object({
            appointmentId: z.string(),
            kind: z.enum(["pickup", "delivery"]),
            at: z.string(),
            half: z.enum(["morning", "afternoon"]),
          }),
        ),
      }),
    }),
  })
  .openapi("DayBoard");

export const dayBoardRoute = createRoute({
  operationId: "dayBoard",
  method: "get",
  path: "/v1/dealers/{dealerId}/days/{date}",
  tags: ["day board"],
  summary: "The advisors' day: receptions, returns, workshop load, courtesy cars (staff)",
  security: bearerSecurity,
  request: {
    params: DealerParam.extend({
      date: LocalDate.openapi({ param: { name: "date", in: "path" }, example: "2026-11-24" }),
    }),
  },
  responses: {
    200: { description: "The day board", content: { "application/json": { schema: DayBoardView } } },
    ...problemResponses("not_found"),
  },
});

export function registerDayBoard(app: ApiApp): void {
  app.openapi({ ...dayBoardRoute, middleware: [staffOnly] as const }, (c) => {
    return c.json(dayBoard(c.get("ctx"), c.req.valid("param")), 200);
  });
}
