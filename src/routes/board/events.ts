import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import { currentSession } from "../../api/board-session.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { DealerPulse } from "../../db/dealer-pulse.js";
import { DealerParam } from "../shared.js";
import { sessionSecurity } from "./session.js";

// The advisors' page's live feed: Server-Sent Events, one `change` event whenever the
// dealer's appointments, configuration or staff tasks changed (db/dealer-pulse.ts: within
// about half a second, whichever process wrote). The event carries no data beyond the
// dealer: the page re-reads what it shows through the ordinary staff routes, so the
// stream leaks nothing a session could not read anyway. A comment line every 15 s keeps
// proxies from closing an idle stream; a session that expires ends its stream.

const HEARTBEAT_MS = 15_000;

export const dealerEventsRoute = createRoute({
  operationId: "dealerEvents",
  method: "get",
  path: "/v1/dealers/{dealerId}/events",
  tags: ["advisors' page"],
  summary: "Live changes of the dealer's day (text/event-stream; staff session or bearer)",
  description:
    "Events: `ready` once, then `change` with {dealerId} after every committed change of the dealer's appointments, configuration or staff tasks.",
  security: [...bearerSecurity, ...sessionSecurity],
  request: { params: DealerParam },
  responses: {
    200: { description: "An event stream", content: { "text/event-stream": { schema: z.string() } } },
    ...problemResponses("not_found"),
  },
});

export function registerDealerEvents(app: ApiApp): void {
  let pulse: DealerPulse | undefined;
  app.openapi({ ...dealerEventsRoute, middleware: [staffOnly] as const }, (c) => {
    const deps = c.get("services");
    const { dealerId } = c.req.valid("param");
    pulse ??= new DealerPulse(deps.sqlite);
    const bySession = c.req.header("Authorization") === undefined;
    c.header("Cache-Control", "no-store");
    c.header("X-Accel-Buffering", "no");
    const response = streamSSE(c, async (stream) => {
      let wake: (() => void) | undefined;
      let pending = false;
      const unsubscribe = pulse!.subscribe(dealerId, () => {
        pending = true;
        wake?.();
      });
      stream.onAbort(() => wake?.());
      try {
        await stream.writeSSE({ event: "ready", data: JSON.stringify({ dealerId }), retry: 1000 });
        while (!stream.aborted && !stream.closed) {
          if (!pending) {
            await new Promise<void>((resolve) => {
              const t = setTimeout(resolve, HEARTBEAT_MS);
              wake = () => (clearTimeout(t), resolve());
            });
          }
          if (stream.aborted || stream.closed) break;
          if (bySession && !currentSession(c, deps)) break;
          if (pending) {
            pending = false;
            await stream.writeSSE({ event: "change", data: JSON.stringify({ dealerId }) });
          } else await stream.write(": keep-alive\n\n");
        }
      } finally {
        unsubscribe();
      }
    });
    return response as never;
  });
}
