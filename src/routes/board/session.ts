import { createRoute, z } from "@hono/zod-openapi";
import { authenticate } from "../../api/auth.js";
import {
  closeSession,
  currentSession,
  openSession,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  sameOrigin,
} from "../../api/board-session.js";
import type { ApiApp, Services } from "../../api/deps.js";
import { ApiError } from "../../api/errors.js";
import { problemResponses } from "../../api/openapi.js";
import { Id } from "../../core/primitives.js";
import { sha256Hex } from "../../lib/digest.js";
import { findDealer } from "../../scheduler/page-dealer.js";

// The advisors' page signs in here: an API key (advisor or admin) of the dealer, or the
// bootstrap token, buys an HttpOnly session cookie (api/board-session.ts); the key is not
// kept anywhere in the page. Sign-in and sign-out must come from the page's own origin
// (no login CSRF: another site cannot sign a browser in to ITS key).

export const SignInRequest = z
  .object({ dealerId: Id, key: z.string().min(1).max(200) })
  .strict()
  .openapi("BoardSignInRequest");
export type SignInRequest = z.infer<typeof SignInRequest>;

export const BoardSessionView = z
  .object({
    dealerId: z.string(),
    dealerName: z.string(),
    role: z.enum(["advisor", "admin"]),
    idleMinutes: z.number().int(),
    maxMinutes: z.number().int(),
    /** The page says parts prices in it (the order form's words, before any part is listed). */
    currency: z.string().openapi({ description: "The dealer's currency for parts prices (ISO 4217, e.g. EUR)" }),
  })
  .openapi("BoardSession");

const tags = ["advisors' page"];
/** The session cookie as an OpenAPI security scheme (registered by registerBoardSession). */
export const SESSION_SCHEME = "boardSession";
export const sessionSecurity = [{ [SESSION_SCHEME]: [] }];
const view = { "application/json": { schema: BoardSessionView } };

export const signInRoute = createRoute({
  operationId: "signInToBoard",
  method: "post",
  path: "/v1/board/session",
  tags,
  summary: "Sign in to the advisors' page: an API key for an HttpOnly session cookie",
  request: { body: { required: true, content: { "application/json": { schema: SignInRequest } } } },
  responses: {
    200: { description: "Signed in (Set-Cookie)", content: view },
    ...problemResponses("validation_failed", "unauthorized", "forbidden"),
  },
});

// The page asks on every load whether it is signed in; a 401 for "no" is logged by the
// browser as a failed request on every load, so the page asks with ?probe=true and hears
// "no" as a 204. Without it the route answers as before: 401 unauthorized.
export const WhoAmIQuery = z.object({
  // "false" is the same as leaving it out (a client that always sends the flag); anything
  // else is a 400, not a guess.
  probe: z.enum(["true", "false"]).optional().openapi({
    description:
      "true: not signed in is an answer, not a refusal: 204 instead of 401 (the page's check on load); false or absent: 401",
  }),
});

export const whoAmIRoute = createRoute({
  operationId: "getBoardSession",
  method: "get",
  path: "/v1/board/session",
  tags,
  summary: "The page's current session",
  security: sessionSecurity,
  request: { query: WhoAmIQuery },
  responses: {
    200: { description: "Signed in", content: view },
    204: { description: "Not signed in, asked with ?probe=true" },
    ...problemResponses("unauthorized"),
  },
});

export const signOutRoute = createRoute({
  operationId: "signOutOfBoard",
  method: "delete",
  path: "/v1/board/session",
  tags,
  summary: "Sign out: the session ends on the server and the cookie is cleared",
  security: sessionSecurity,
  responses: { 204: { description: "Signed out" }, ...problemResponses("forbidden") },
});

function describe(deps: Pick<Services, "db">, dealerId: string, role: string) {
  const stored = findDealer(deps, { dealerId });
  return {
    dealerId,
    dealerName: stored?.config.name ?? dealerId,
    role: role === "admin" ? ("admin" as const) : ("advisor" as const),
    idleMinutes: SESSION_IDLE_MS / 60_000,
    maxMinutes: SESSION_MAX_MS / 60_000,
    currency: stored?.config.parts.currency ?? "EUR",
  };
}

export function registerBoardSession(app: ApiApp): void {
  app.openAPIRegistry.registerComponent("securitySchemes", SESSION_SCHEME, {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description:
      "The advisors' page session (POST /v1/board/session); accepted on staff routes from the page's own origin only",
  });
  app.openapi(signInRoute, (c) => {
    const deps = c.get("services");
    if (!sameOrigin(c)) throw new ApiError("forbidden", "Sign in from the advisors' page itself");
    const { dealerId, key } = c.req.valid("json");
    const p = authenticate(deps, `Bearer ${key}`);
    // One answer for a wrong key, a key of another dealer and an unknown dealer.
    const refused = new ApiError("unauthorized", "This key does not open this dealer's board");
    // Staff only: an app's client key (role client) does not open the advisors' page.
    if (!p || (p.kind === "key" && (p.dealerId !== dealerId || p.role === "client")) || !findDealer(deps, { dealerId }))
      throw refused;
    const grant =
      p.kind === "root"
        ? { dealerId, kind: "root" as const, keyId: null, role: "admin", credentialHash: sha256Hex(key) }
        : { dealerId, kind: "key" as const, keyId: p.keyId, role: p.role, credentialHash: sha256Hex(key) };
    openSession(c, deps.sqlite, grant);
    c.header("Cache-Control", "no-store");
    return c.json(describe(deps, dealerId, grant.role), 200);
  });

  app.openapi(whoAmIRoute, (c) => {
    const deps = c.get("services");
    const row = currentSession(c, deps);
    c.header("Cache-Control", "no-store");
    if (!row && c.req.valid("query").probe === "true") return c.body(null, 204);
    if (!row) throw new ApiError("unauthorized", "Not signed in");
    return c.json(describe(deps, row.dealerId, row.role), 200);
  });

  app.openapi(signOutRoute, (c) => {
    const deps = c.get("services");
    if (!sameOrigin(c)) throw new ApiError("forbidden", "Sign out from the advisors' page itself");
    closeSession(c, deps.sqlite);
    return c.body(null, 204);
  });
}
