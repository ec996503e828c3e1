import { expect } from "vitest";
import { admin, type BoardWorld, DAY } from "./board.js";
import type { PartsOrderChange } from "./contracts.js";
import { booking } from "./http.js";
import { ok } from "./journey.js";
import { orderPart, partsOf } from "./parts.js";

// Parts through the API for the parts dialog's browser tests: a deposit paid on an order
// (ordered with parts.ts's orderPart), and a dealer priced in another currency with a
// booking whose part is part-paid.

/** A dealer whose parts are priced in `currency`; returns its advisor key. */
export async function dealerPricedIn(world: BoardWorld, id: string, currency: string): Promise<string> {
  const url = `/v1/dealers/${id}`;
  const config = { name: `Pitlane ${id}`, timeZone: "Europe/Rome", parts: { currency } };
  expect((await world.api("PUT", url, config, admin)).status).toBe(201);
  const res = await world.api("POST", `${url}/api-keys`, { role: "advisor", label: "desk" }, admin);
  expect(res.status).toBe(201);
  return ((await res.json()) as { secret: string }).secret;
}

/** Records one deposit payment on the order `placed` (the answer to its order) of `parts`. */
export async function payDeposit(world: BoardWorld, parts: string, placed: PartsOrderChange, amountCents: number) {
  const paid = await world.api(
    "POST",
    `${parts}/${placed.order.id}/deposit`,
    { amountCents },
    { ...admin, "If-Match": `"${placed.version}"` },
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
  const parts = partsOf(b.id, dealer);
  const discs = { description: "Brake discs", priceCents: 120_000, specialOrder: true };
  const placed = await ok<PartsOrderChange>(await orderPart(world.api, parts, discs), 201);
  await payDeposit(world, parts, placed, 20_000);
  return { id: b.id, parts };
}
