import { SESSION_MAX_MS } from "../api/board-session.js";
import { isDealerId } from "../scheduler/tokens.js";

// The advisors' page's session route (/v1/board/session) names no dealer in its path,
// but the session table lives in the dealer's Durable Object. Sign-in (POST) names the
// dealer in its body; afterwards the edge needs the dealer for GET/DELETE, which the
// session cookie (a random secret) cannot tell it. So on a successful sign-in the edge
// adds a companion cookie with the dealer id only — not a credential: the object still
// checks the session secret, and a forged companion just addresses an object that has
// no such session (401).

export const BOARD_SESSION_PATH = "/v1/board/session";
export const DEALER_COOKIE = "pitlane_board_dealer";

/** The dealer a board-session request is for, or null (then the edge answers it). */
export async function boardSessionDealer(request: Request): Promise<string | null> {
  if (request.method === "POST") {
    try {
      const body = (await request.clone().json()) as { dealerId?: unknown };
      return typeof body?.dealerId === "string" && isDealerId(body.dealerId) ? body.dealerId : null;
    } catch {
      return null; // not JSON: the edge app answers with its usual 400
    }
  }
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === DEALER_COOKIE) {
      const id = part.slice(eq + 1).trim();
      return isDealerId(id) ? id : null;
    }
  }
  return null;
}

/** The object's answer, plus the companion cookie set or cleared with the session. */
export function withDealerCookie(request: Request, response: Response, dealerId: string): Response {
  const signedIn = request.method === "POST" && response.status === 200;
  // A refused sign-in (POST 401) ends no session: the companion of one still open stays.
  // The page's probe (GET ?probe=true) says "no session" with a 204, not a 401.
  const noSession =
    (request.method !== "POST" && response.status === 401) || (request.method === "GET" && response.status === 204);
  const signedOut = request.method === "DELETE" || noSession;
  if (!signedIn && !signedOut) return response;
  const url = new URL(request.url);
  const loopback = url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  const value = signedIn ? dealerId : "";
  const maxAge = signedIn ? SESSION_MAX_MS / 1000 : 0;
  const out = new Response(response.body, response);
  out.headers.append(
    "Set-Cookie",
    `${DEALER_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${loopback ? "" : "; Secure"}`,
  );
  return out;
}
