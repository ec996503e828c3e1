import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DealerAdminView, type DealerPublic, json } from "../support/contracts.js";
import { auth, createTestApp, type TestApp } from "../support/app.js";

const ROMA_EST = {
  name: "Roma Est",
  timeZone: "Europe/Rome",
  address: "Via Example 1",
  parking: "Customer bays 1-6, front entrance",
  closures: ["2026-12-25"],
  advisors: [{ id: "anna", name: "Anna Rossi", absences: [{ start: "2026-11-24T08:00", end: "2026-11-24T13:00" }] }],
  mobility: { courtesyCars: 3, pickupDelivery: 0, taxi: true, rental: false, shuttle: true },
  express: { models: ["MC20"] },
};

describe("dealer configuration", () => {
  let t: TestApp;
  let changed: Array<[string, unknown]>;
  beforeEach(() => {
    changed = [];
    t = createTestApp({ deps: { onDealerChanged: (id, config) => void changed.push([id, config]) } });
  });
  afterEach(() => t.close());

  it("creates a dealer with 201, filling every default, and notifies the scheduler", async () => {
    const res = await t.json("PUT", "/v1/dealers/roma-est", { name: "Roma Est", timeZone: "Europe/Rome" }, auth);
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/v1/dealers/roma-est");
    const body = await json<DealerAdminView>(res);
    expect(body).toMatchObject({ id: "roma-est", version: 1, name: "Roma Est", timeZone: "Europe/Rome", address: "" });
    expect(body.openingHours.mon).toEqual([["08:00", "18:00"]]);
    expect(body.receptionRules).toMatchObject({ maxPerHour: 3, maxMinutesPer2h: 90 });
    expect(Object.keys(body.interventions)).toContain("maintenance");
    expect(changed.map(([id]) => id)).toEqual(["roma-est"]);
  });

  it("replaces a dealer with 200 and a new version; an identical PUT changes nothing", async () => {
    await t.json("PUT", "/v1/dealers/roma-est", ROMA_EST, auth);
    const same = await t.json("PUT", "/v1/dealers/roma-est", ROMA_EST, auth);
    expect(same.status).toBe(200);
    expect(((await same.json()) as { version: unknown }).version).toBe(1);

    const edited = await t.json("PUT", "/v1/dealers/roma-est", { ...ROMA_EST, name: "Roma Est 2" }, auth);
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ version: 2, name: "Roma Est 2" });
    expect(changed).toHaveLength(2);

    const audit = t.sqlite
      .prepare("SELECT action, actor FROM audit_log WHERE dealer_id = ? ORDER BY id")
      .all("roma-est");
    expect(audit).toEqual([
      { action: "dealer.created", actor: "admin" },
      { action: "dealer.updated", actor: "admin" },
    ]);
  });

  it("serves the customer-facing view publicly, without advisors or capacity", async () => {
    await t.json("PUT", "/v1/dealers/roma-est", ROMA_EST, auth);
    const res = await t.request("/v1/dealers/roma-est");
    expect(res.status).toBe(200);
    const body = await json<DealerPublic>(res);
    expect(body).toMatchObject({
      id: "roma-est",
      name: "Roma Est",
      address: "Via Example 1",
      parking: "Customer bays 1-6, front entrance",
      timeZone: "Europe/Rome",
      closures: ["2026-12-25"],
      mobility: ["none", "courtesy_car", "taxi", "shuttle"],
      express: { models: ["MC20"] },
    });
    expect(body.openingHours.sat).toEqual([["09:00", "12:30"]]);
    expect(body.interventions).toContainEqual({
      code: "maintenance",
      label: "Maintenance",
      receptionMinutes: 15,
      returnMinutes: 10,
    });
    expect(body).not.toHaveProperty("advisors");
    expect(body).not.toHaveProperty("workshop");
  });

  it("gives the built-in diagnosis questions in Italian and English; a dealer's own as written", async () => {
    await t.json("PUT", "/v1/dealers/roma-est", ROMA_EST, auth);
    const builtIn = await json<DealerPublic>(await t.request("/v1/dealers/roma-est"));
    expect(builtIn.questionnaire[0]).toEqual({
      id: "since",
      text: "Since when does the problem occur?", // as before: clients reading `text` see no change
      texts: { en: "Since when does the problem occur?", it: "Da quando si presenta il problema?" },
      interventions: ["diagnosis"],
    });
    expect(builtIn.questionnaire.every((q) => q.texts?.it && q.texts.en === q.text)).toBe(true);

    const questionnaire = [
      { id: "since", text: "Da quanti chilometri?", interventions: ["diagnosis"] }, // a built-in id, reworded
      { id: "tyres_worn", text: "Are the tyres worn unevenly?", interventions: ["tyres"] },
    ];
    await t.json("PUT", "/v1/dealers/roma-est", { ...ROMA_EST, questionnaire }, auth);
    const own = await json<DealerPublic>(await t.request("/v1/dealers/roma-est"));
    expect(own.questionnaire).toEqual(questionnaire);
  });

  it("accepts case-mixed dealer ids as the Id schema allows", async () => {
    const res = await t.json("PUT", "/v1/dealers/Roma_Est-2", ROMA_EST, auth);
    expect(res.status).toBe(201);
    expect((await t.request("/v1/dealers/Roma_Est-2")).status).toBe(200);
  });

  it("persists across a reopen of the same database file", async () => {
    await t.json("PUT", "/v1/dealers/roma-est", ROMA_EST, auth);
    const row = t.sqlite.prepare("SELECT version, updated_at FROM dealers WHERE id = ?").get("roma-est");
    expect(row).toEqual({ version: 1, updated_at: "2026-11-23T09:00:00.000Z" });
  });
});
