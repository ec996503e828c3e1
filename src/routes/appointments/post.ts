import { createRoute, z } from "@hono/zod-openapi";
import { bearerSecurity, optionalCaller } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses, ProblemSchema } from "../../api/openapi.js";
import { runWrite } from "../../api/remote-verbs.js";
import { AppointmentView, BookingRequest } from "../../scheduler/contracts.js";
import { sendOutcome } from "../outcome.js";
import { DealerParam, IdempotencyHeader } from "../shared.js";

export const bookAppointmentRoute = createRoute({
  operationId: "bookAppointment",
  method: "post",
  path: "/v1/dealers/{dealerId}/appointments",
  tags: ["appointments"],
  summary: "Book a reception (public, or a client or staff key)",
  description:
    "Name the slot with an optionId from availability, or with start (+ advisorId). Re-checked atomically; 409 slot_unavailable carries fresh alternatives. A public booking (anonymous or client key) needs an email or a phone and is capped per contact; what a caller may assert (priority, channel, identity) follows its credential (README, Trust).",
  // Optional: anonymous customers, a client key, or staff of this dealer (who skip the per-contact cap).
  security: [{}, ...bearerSecurity],
  request: {
    params: DealerParam,
    headers: IdempotencyHeader,
    body: { required: true, content: { "application/json": { schema: BookingRequest } } },
  },
  responses: {
    201: { description: "Booked", content: { "application/json": { schema: AppointmentView } } },
    409: {
      description:
        "slot_unavailable: with violations and alternatives; too_many_bookings: the contact's cap of upcoming public bookings",
      content: {
        "application/problem+json": { schema: ProblemSchema.extend({ alternatives: z.array(z.unknown()).optional() }) },
      },
    },
    ...problemResponses("not_found"),
  },
});

export function registerBookAppointment(app: ApiApp): void {
  app.openapi({ ...bookAppointmentRoute, middleware: [optionalCaller] as const }, async (c) => {
    const { dealerId } = c.req.valid("param");
    // Here, or in the writer process when this one is not it (api/remote-verbs.ts).
    const out = await runWrite(c, "book", { dealerId, body: c.req.valid("json") });
    c.header("Location", `/v1/dealers/${dealerId}/appointments/${out.body.id}`);
    return sendOutcome(c, out, 201, out.body.version);
  });
}
