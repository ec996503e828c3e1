import { expect } from "vitest";
import { admin, type BoardWorld, DAY } from "./board.js";
import { booking } from "./http.js";

// Dealers priced in another currency, and a booking with a part on order, for the parts
// dialog's browser tests (board-currency, board-currency-digits).

/** A dealer whose parts are priced in `currency`; returns its advisor key. */
export async function dealerPricedIn(world: BoardWorld, id: string, currency: string): Promise<string> {
  const url = `/v1/dealers/${id}`;
  const config = { name: `Pitlane ${id}`, timeZone: "Europe/Rome", parts: { currency } };
  expect((await world.api("PUT", url, config, admin)).status).toBe(201);
  const res = await world.api("POST", `${url}/api-keys`, { role: "advisor", label: "desk" }, admin);
  expect(res.status).toBe(201);
  return ((await res.json()) as { secret: string }).secret;
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
  const made = await world.api(
    "POST",
    parts,
    { description: "Brake discs", priceCents: 120_000, specialOrder: true },
    admin,
  );
  const order = (await made.json()) as { version: number; order: { id: string } };
  expect(made.status).toBe(201);
  const paid = await world.api(
    "POST",
    `${parts}/${order.order.id}/deposit`,
    { amountCents: 20_000 },
    { ...admin, "If-Match": `"${order.version}"` },
  );
  expect(paid.status).toBe(200);
  return { id: b.id, parts };
}
