import type { Context } from "hono";
import { answersOn } from "../api/answers.js";
import { actsFor, peekPrincipal } from "../api/auth.js";
import type { ApiApp, AppEnv } from "../api/deps.js";
import { honoPath } from "../api/enum-paths.js";
import { type LimitClass, rateLimit } from "../api/middleware/rate-limit.js";
import { type OriginsOf, widgetCors, widgetPreflight } from "../api/middleware/widget-cors.js";
import { bookAppointmentRoute } from "./appointments/post.js";
import { availabilityCalendarRoute } from "./availability/calendar.js";
import { availabilityDayRoute } from "./availability/day.js";
import { searchAvailabilityRoute } from "./availability/post.js";
import { getDealerRoute } from "./dealers/get.js";
import { createHoldRoute } from "./holds/create.js";
import { releaseHoldRoute } from "./holds/release.js";
import { ownAvailabilityCalendarRoute } from "./manage/availability-calendar.js";
import { ownAvailabilityDayRoute } from "./manage/availability-day.js";
import { cancelOwnAppointmentRoute } from "./manage/cancel.js";
import { ownCalendarRoute } from "./manage/calendar.js";
import { viewOwnAppointmentRoute } from "./manage/get.js";
import { rescheduleOwnAppointmentRoute } from "./manage/reschedule.js";
import { smsInboundRoute } from "./sms/inbound.js";
// After the routes (trap): zod 4 gives a schema .openapi() only if @hono/zod-openapi was
// loaded before the schema was made, and this import reaches core's schemas first.
import { dealerIdOfManageToken } from "../scheduler/page-dealer.js";

// The PUBLIC routes (no token needed) and the guards only they get: per-address and
// per-dealer rate limits, and CORS for the dealer's widget origins. Staff and admin
// routes are not in this table, so they never answer a preflight and never carry CORS
// headers. test/trust/roles.test.ts fails when a route without `security` is missing.
//
// Install BEFORE the routes themselves: hono runs handlers in registration order, so
// these run before auth, body parsing and validation (a flood costs us almost nothing).

interface PublicRoute {
  route: { method: string; path: string };
  limit: LimitClass;
  /** Staff or a client key of the dealer, authenticated, skip the limits (a phone desk books all day; an owner-app backend is one address for all its users). */
  staffExempt?: boolean;
}

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { route: getDealerRoute, limit: "search" },
  { route: searchAvailabilityRoute, limit: "search", staffExempt: true },
  { route: availabilityCalendarRoute, limit: "search", staffExempt: true },
  { route: availabilityDayRoute, limit: "search", staffExempt: true },
  { route: createHoldRoute, limit: "booking", staffExempt: true },
  { route: releaseHoldRoute, limit: "search" },
  { route: bookAppointmentRoute, limit: "booking", staffExempt: true },
  { route: viewOwnAppointmentRoute, limit: "search" },
  { route: cancelOwnAppointmentRoute, limit: "booking" },
  { route: ownCalendarRoute, limit: "search" },
  { route: rescheduleOwnAppointmentRoute, limit: "booking" },
  { route: ownAvailabilityCalendarRoute, limit: "search" },
  { route: ownAvailabilityDayRoute, limit: "search" },
  // The SMS provider's callbacks (signed): one provider address for every customer's reply.
  { route: smsInboundRoute, limit: "search" },
];

// The dealer's allowlist: from the path, or (customer manage links) from the token's
// appointment. Only called when the request has an Origin header.
const originsOf: OriginsOf = (c) => {
  const { runtimes } = c.get("services");
  let dealerId = c.req.param("dealerId");
  const token = c.req.param("token");
  if (dealerId === undefined && token !== undefined) dealerId = dealerIdOfManageToken(c.get("services"), { token });
  return dealerId === undefined ? null : (runtimes.get(dealerId)?.dealer.config.widgetOrigins ?? null);
};

// A request with an Authorization header is exempt only if it authenticates as staff
// of this very dealer; a bad or foreign token is limited like anyone (and then refused).
const staffOfDealer = (c: Context<AppEnv>) => {
  if (c.req.header("Authorization") === undefined) return false;
  const p = peekPrincipal(c, c.get("services"));
  return p !== null && actsFor(p, c.req.param("dealerId"));
};

export function installPublicGuards(app: ApiApp): void {
  const methodsByPath = new Map<string, string[]>();
  for (const { route, limit, staffExempt } of PUBLIC_ROUTES) {
    const path = honoPath(route.path);
    const method = route.method.toUpperCase();
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method]);
    // The document's 429 for this operation comes from here (api/declared-responses.ts).
    answersOn(app, method, route.path, "rate_limited");
    app.on(method, path, widgetCors(originsOf));
    app.on(method, path, rateLimit("api", limit, { exempt: staffExempt ? staffOfDealer : undefined }));
  }
  for (const [path, methods] of methodsByPath) {
    app.options(path, rateLimit("api", "search"));
    app.options(path, widgetPreflight(methods, originsOf));
  }
}
