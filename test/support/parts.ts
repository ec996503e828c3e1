import type { PartsOrderList } from "./contracts.js";
import { type Api, auth } from "./http.js";
import { DEALER, ok } from "./journey.js";

// Parts orders through the API, for every tier (the journey app's t.api, the board's and
// the real server's fetch): an appointment's parts URL, and an order sent with the
// appointment's version as it now is (If-Match is required on an order, as on a deposit
// payment). A test of If-Match itself sends its own. The answer comes back as it is: a
// test of a refusal reads it, a test that needs the order says `ok<PartsOrderChange>(…, 201)`.

/** The parts URL of appointment `id` of `dealer`. */
export const partsOf = (id: string, dealer = DEALER) => `/v1/dealers/${dealer}/appointments/${id}/parts`;

/** The appointment's version as its parts list at `parts` says now: what a board that just read it sends as If-Match. */
export async function partsVersion(api: Api, parts: string): Promise<number> {
  return (await ok<PartsOrderList>(await api("GET", parts, undefined, auth))).version;
}

/** POST `body` to `parts` (an appointment's parts URL) with If-Match: its version now (`headers` may replace it, or auth). */
export async function orderPart(api: Api, parts: string, body: unknown, headers: Record<string, string> = auth) {
  return api("POST", parts, body, { "If-Match": `"${await partsVersion(api, parts)}"`, ...headers });
}
