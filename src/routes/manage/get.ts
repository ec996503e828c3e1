import { createRoute, z } from "@hono/zod-openapi";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { AppointmentView } from "../../scheduler/contracts.js";
import { viewByToken } from "../../scheduler/manage.js";
import { queryLang } from "../web/html.js";

export const ManageTokenParam = z.object({
  // Up to a 63-character dealer id, "_" and the 43-character secret (scheduler/tokens.ts).
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,120}$/, "not a manage token")
    .openapi({ param: { name: "token", in: "path" } }),
});

export const viewOwnAppointmentRoute = createRoute({
  operationId: "viewOwnAppointment",
  method: "get",
  path: "/v1/manage/{token}",
  tags: ["customer"],
  summary: "The customer's own appointment, by the manage token from the booking (public)",
  request: { params: ManageTokenParam },
  responses: {
    200: { description: "The appointment", content: { "application/json": { schema: AppointmentView } } },
    303: {
      description:
        "A browser (Accept names text/html, not JSON) goes to the customer's page /m/{token}: links in messages sent before that page existed point here",
      headers: { Location: { schema: { type: "string" }, description: "/m/{token}, with the lang query kept" } },
    },
    ...problemResponses("not_found"),
  },
});

export function registerViewOwnAppointment(app: ApiApp): void {
  app.openapi(viewOwnAppointmentRoute, (c) => {
    const { token } = c.req.valid("param");
    c.header("Vary", "Accept"); // the same URL answers a page's redirect or JSON: caches must tell them apart
    if (wantsPage(c.req.header("accept"))) {
      const lang = queryLang(c);
      return c.redirect(`/m/${token}${lang ? `?lang=${lang}` : ""}`, 303);
    }
    return c.json(viewByToken(c.get("ctx"), { token }), 200);
  });
}

/**
 * A browser following a link: it asks for text/html and does not name JSON. API clients
 * send application/json, * / *, or nothing, and keep getting the JSON view.
 */
function wantsPage(accept: string | undefined): boolean {
  return !!accept && /\btext\/html\b/i.test(accept) && !/\bjson\b/i.test(accept);
}
