import { dealerOfManageToken, isDealerId } from "../scheduler/tokens.js";

// Where a request is answered on Workers. Pure (no bindings), so Node tests cover it.
//   dealer  → that dealer's Durable Object: everything under /v1/dealers/{id} (its config,
//             availability, bookings, staff routes, its API keys), its hosted booking page
//             /book/{id}, and the customer's /v1/manage/{token} and page /m/{token}, whose
//             token starts with the dealer id (scheduler/tokens.ts). The pages read the
//             dealer's storage: at the edge, which has none, they could only say "not found".
//   tick    → POST /v1/admin/tick: the edge fans it out to every dealer (admin/tick.ts)
//   edge    → the rest (/health, /openapi.json, /docs, unknown paths, ids that are not
//             ids): the same app over no storage, at the edge (edge-store.ts)

/**
 * Set by the edge on every request it forwards: the dealer the object was addressed by
 * (idFromName). The object checks it against its own id; a client's copy is replaced.
 */
export const DEALER_HEADER = "x-pitlane-dealer";

export type Route = { to: "dealer"; dealerId: string } | { to: "tick" } | { to: "edge" };

const DEALER_PATH = /^\/(?:v1\/dealers|book)\/([^/]+)(?:\/|$)/;
const MANAGE_PATH = /^\/(?:v1\/manage|m)\/([^/]+)(?:\/|$)/;

/** The path segment as the app's router will see it (hono decodes %XX in params). */
function segment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export function routeOf(method: string, pathname: string): Route {
  const dealer = DEALER_PATH.exec(pathname);
  if (dealer) {
    const id = segment(dealer[1]);
    return id !== null && isDealerId(id) ? { to: "dealer", dealerId: id } : { to: "edge" };
  }
  const manage = MANAGE_PATH.exec(pathname);
  if (manage) {
    const token = segment(manage[1]);
    const dealerId = token === null ? null : dealerOfManageToken(token);
    return dealerId === null ? { to: "edge" } : { to: "dealer", dealerId };
  }
  if (pathname === "/v1/admin/tick" && method === "POST") return { to: "tick" };
  return { to: "edge" };
}
