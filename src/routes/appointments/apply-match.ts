import { createRoute, z } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { ifMatchVersion } from "../../api/if-match.js";
import { applyPossibleMatch } from "../../scheduler/apply-match.js";
import { AppointmentView } from "../../scheduler/contracts.js";
import { sendOutcome } from "../outcome.js";
import { AppointmentParams, VersionedWriteHeaders } from "../shared.js";

export const ApplyMatchRequest = z
  .object({
    /** The possibleMatch.customerId staff saw: applying another one is refused. */
    customerId: z.string().min(1).max(64),
    reason: z.string().min(1).max(500).optional(),
  })
  .strict()
  .openapi("ApplyMatchRequest");

export const applyMatchRoute = createRoute({
  operationId: "applyPossibleMatch",
  method: "post",
  path: "/v1/dealers/{dealerId}/appointments/{id}/possible-match/apply",
  tags: ["appointments"],
  summary: "Link an anonymous booking to the stored customer it possibly matches (staff)",
  description:
    "The appointment becomes that customer's (and that vehicle's); the stored records are not changed. Audited. If-Match is optional.",
  security: bearerSecurity,
  request: {
    params: AppointmentParams,
    headers: VersionedWriteHeaders,
    body: { required: true, content: { "application/json": { schema: ApplyMatchRequest } } },
  },
  responses: {
    200: { description: "Linked; new version", content: { "application/json": { schema: AppointmentView } } },
    ...problemResponses("not_found", "invalid_transition", "version_conflict"),
  },
});

export function registerApplyMatch(app: ApiApp): void {
  app.openapi({ ...applyMatchRoute, middleware: [staffOnly] as const }, (c) => {
    const { dealerId, id } = c.req.valid("param");
    const body = c.req.valid("json");
    const ifMatch = ifMatchVersion(c, false);
    const out = applyPossibleMatch(c.get("ctx"), { dealerId, id, ifMatch, body });
    return sendOutcome(c, out, 200, out.body.version);
  });
}
