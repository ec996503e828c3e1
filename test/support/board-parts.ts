import { expect } from "vitest";
import { admin, type BoardWorld, DAY } from "./board.js";
import { booking } from "./http.js";

// Parts through the API for the parts dialog's browser tests: an order, a deposit paid on
// it, and a dealer priced in another currency with a booking whose part is part-paid.

/** A dealer whose parts are priced in `currency`; returns its advisor key. */
export async function dealerPricedIn(world: BoardWorld, id: string, currency: string): Promise<string> {
  const url = `/v1/dealers/${id}`;
  const config = { name: `Pitlane ${id}`, timeZone: "Europe/Rome", parts: { currency } };
  expect((await world.api("PUT", url, config, admin)).status).toBe(201);
  const res = await world.api("POST", `${url}/api-keys`, { role: "advisor", label: "desk" }, admin);
  expect(res.status).toBe(201);
  return ((await res.json()) as { secret: string }).secret;
}

/** An order as the API answers it: its id, and the version a next change names in If-Match. */
export interface PlacedOrder {
  id: string;
  version: number;
}

/** The version a board reading the appointment's parts at `parts` now would send as If-Match. */
export async function partsVersion(world: BoardWorld, parts: string): Promise<number> {
  const res = await world.api("GET", parts, undefined, admin);
  expect(res.status).toBe(200);
  return ((await res.json()) as { version: number }).version;
}

/** Orders a part through the API at `parts` (an appointment's parts URL), with its version as If-Match. */
export async function orderPart(world: BoardWorld, parts: string, body: object): Promise<PlacedOrder> {
  const version = await partsVersion(world, parts);
  const res = await world.api("POST", parts, body, { ...admin, "If-Match": `"${version}"` });
  const made = (await res.json()) as { version: number; order: { id: string } };
  expect(res.status, JSON.stringify(made)).toBe(201);
  return { id: made.order.id, version: made.version };
}

/** Records one deposit payment on an order of `parts`. */
export async function payDeposit(world: BoardWorld, parts: string, order: PlacedOrder, amountCents: number) {
  const paid = await world.api(
    "POST",
    `${parts}/${order.id}/deposit`,
    { amountCents },
    { ...admin, "If-Match": `"${order.version}"` },
  );
  expect(paid.status).toBe(200);
}

/**
 * A booking of `dealer` at `time` of DAY with a special-order part of 120,000 minor units,
 * 20,000 of its deposit paid: its id, and its parts' URL.
 */
export async function bookedWithPaidPart(
  world: BoardWorld,
  dealer: string,
  at: { time: string; name: string; phone: string },
): Promise<{ id: string; parts: string }> {
  const url = `/v1/dealers/${dealer}`;
  const customer = { known: true, name: at.name, phone: at.phone };
  const res = await world.api(
    "POST",
    `${url}/appointments`,
    booking({ start: `${DAY}T${at.time}`, advisorId: "desk" }, { customer }),
    admin,
  );
  const b = (await res.json()) as { id: string };
  expect(res.status, JSON.stringify(b)).toBe(201);
  const parts = `${url}/appointments/${b.id}/parts`;
  const order = await orderPart(world, parts, { description: "Brake discs", priceCents: 120_000, specialOrder: true });
  await payDeposit(world, parts, order, 20_000);
  return { id: b.id, parts };
}
