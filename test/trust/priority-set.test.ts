import { afterEach, describe, expect, it } from "vitest";
import { ANONYMOUS, priorityFor } from "../../src/scheduler/trust.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { auth, romeDealer } from "../support/http.js";

// Each dealer's runtime keeps the VINs it holds as priority (src/scheduler/trust.ts); these
// are the ways that set could go stale, checked one by one. (test/acceptance/trust.ts flags
// and unflags a VIN between searches over HTTP, on Node's cluster and on the Worker.)

const VIN = "ZAMPRZZ0000000001";
let t: TestApp;
afterEach(() => t?.close());

async function world() {
  t = createTestApp();
  expect((await t.json("PUT", "/v1/dealers/roma", romeDealer(), auth)).status).toBe(201);
  const put = await t.json("PUT", `/v1/dealers/roma/vehicles/${VIN}`, { model: "Ghibli", priority: false }, auth);
  expect(put.status).toBe(201);
  const rt = t.runtimes.get("roma")!;
  const believed = () => priorityFor(t.sqlite, rt, ANONYMOUS, { model: "Ghibli", vin: VIN }).priority;
  return { rt, believed };
}

describe("the dealer's priority VINs in memory", () => {
  it("follow the registry: flagged and unflagged through the API, each seen by the next lookup", async () => {
    const { believed } = await world();
    expect(believed()).toBe(false);
    await t.json("PUT", `/v1/dealers/roma/vehicles/${VIN}`, { model: "Ghibli", priority: true }, auth);
    expect(believed()).toBe(true);
    await t.json("PUT", `/v1/dealers/roma/vehicles/${VIN}`, { model: "Ghibli", priority: false }, auth);
    expect(believed()).toBe(false);
  });

  it("never keep a flag read inside a transaction that then rolls back", async () => {
    const { rt, believed } = await world();
    expect(believed()).toBe(false);
    // A write of a group commit flags the VIN (as a raw write: the epoch does not move),
    // a lookup in the same transaction sees it, and the write rolls back.
    t.sqlite.exec("BEGIN IMMEDIATE");
    t.sqlite.prepare("UPDATE vehicles SET priority = 1 WHERE vin = ?").run(VIN);
    rt.priorityVins = null; // as after another process's change: the next lookup reads
    expect(believed()).toBe(true);
    t.sqlite.exec("ROLLBACK");
    expect(believed()).toBe(false);
  });

  it("read the set once, not once per lookup", async () => {
    const { rt, believed } = await world();
    believed();
    const kept = rt.priorityVins;
    expect(kept).not.toBeNull();
    for (let i = 0; i < 3; i++) believed();
    expect(rt.priorityVins).toBe(kept);
  });
});
