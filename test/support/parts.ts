import { auth, DEALER, type JourneyApp } from "./journey.js";

// Parts orders through the API for the HTTP tests over the journey app: an appointment's
// parts URL, and an order sent with the appointment's version as it now is (If-Match is
// required on an order, as on a deposit payment). A test of If-Match itself sends its own.

/** The parts URL of appointment `id` of `dealer`. */
export const partsOf = (id: string, dealer = DEALER) => `/v1/dealers/${dealer}/appointments/${id}/parts`;

/** The appointment's stored version: what a board that just read it would send as If-Match. */
export const versionOf = (t: JourneyApp, id: string): number =>
  t.rows<{ version: number }>("SELECT version FROM appointments WHERE id = ?", id)[0]?.version ?? 0;

/** POST …/parts with If-Match: the appointment's current version (`headers` may replace it, or auth). */
export const orderPart = (t: JourneyApp, id: string, body: unknown, headers: Record<string, string> = auth) =>
  t.api("POST", partsOf(id), body, { "If-Match": `"${versionOf(t, id)}"`, ...headers });
