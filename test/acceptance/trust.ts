import { describe, expect, it } from "vitest";
import { type Api, auth, expectProblem, putDealer, romeDealer, snapshot } from "../support/http.js";
import type { Target } from "./target.js";
import { type AppointmentView, type AvailabilityResponse, type CreatedApiKey, json } from "../support/contracts.js";

// What each credential may assert (README "Trust"), as a role × fact matrix over HTTP:
// priority (by model, by a VIN on file), channel, the `known` default and VIN ownership,
// for an anonymous caller, a client key, an advisor key and an admin key. Runs in-process
// (test/trust/assertions.test.ts), on the Node server and on the Worker (acceptance/).
//
// Clock: Monday 2026-11-23 10:00 in Rome. Tuesday is within the express window.

type Who = "anonymous" | "client" | "advisor" | "admin";
const WHO: Who[] = ["anonymous", "client", "advisor", "admin"];

export function describeTrust(runtime: () => Target): void {
  const api: Api = (...args) => runtime().api(...args);
  let seq = 0;

  interface World {
    id: string;
    as: Record<Who, Record<string, string>>;
  }

  /** A fresh dealer with a client key (channel "app"), an advisor key and an admin key. */
  async function world(): Promise<World> {
    const id = `trust-${++seq}`;
    await putDealer(api, id, romeDealer());
    const key = async (role: string, extra: Record<string, unknown> = {}) => {
      const res = await api("POST", `/v1/dealers/${id}/api-keys`, { role, label: role, ...extra }, auth);
      expect(res.status).toBe(201);
      return { Authorization: `Bearer ${(await json<CreatedApiKey>(res)).secret}` };
    };
    return {
      id,
      as: {
        anonymous: {},
        client: await key("client", { channel: "app" }),
        advisor: await key("advisor"),
        admin: await key("admin"),
      },
    };
  }

  let contact = 0;
  const person = (extra: Record<string, unknown> = {}): { name: string; email: string; phone?: string } => ({
    name: `Customer ${++contact}`,
    email: `c${contact}@example.com`,
    ...extra,
  });
  const vin = (n: number) => `ZAMTRUST${String(seq).padStart(3, "0")}${String(n).padStart(6, "0")}`;

  async function searchAs(w: World, who: Who, body: Record<string, unknown>) {
    const res = await api(
      "POST",
      `/v1/dealers/${w.id}/availability`,
      { interventions: ["maintenance"], count: 2, ...body },
      w.as[who],
    );
    expect(res.status).toBe(200);
    return json<AvailabilityResponse>(res);
  }
  const bookBody = (optionId: string, extra: Record<string, unknown> = {}) => ({
    optionId,
    vehicle: { model: "Grecale" },
    interventions: ["maintenance"],
    customer: person(),
    mobility: "none",
    ...extra,
  });
  const bookAs = (w: World, who: Who, body: unknown) =>
    api("POST", `/v1/dealers/${w.id}/appointments`, body, w.as[who]);
  async function booked(w: World, who: Who, body: unknown) {
    const res = await bookAs(w, who, body);
    const appt = await json<AppointmentView>(res);
    expect(res.status, JSON.stringify(appt).slice(0, 300)).toBe(201);
    return appt;
  }
  /** A booking refused with 400 naming `path`, which stored nothing. */
  async function refusedAt(w: World, who: Who, body: unknown, path: string) {
    const before = snapshot(runtime().store);
    const problem = await expectProblem(await bookAs(w, who, body), 400, "validation_failed");
    expect(problem.errors).toContainEqual(expect.objectContaining({ path }));
    expect(snapshot(runtime().store)).toEqual(before);
  }
  const putVehicle = (w: World, who: Who, v: string, body: unknown) =>
    api("PUT", `/v1/dealers/${w.id}/vehicles/${v}`, body, w.as[who]);

  describe("priority: believed from a credential, or from a VIN the dealer holds as priority", () => {
    it.each(WHO)("a priority model (MC20) named by %s, its VIN not on file", async (who) => {
      const w = await world();
      const vehicle = { model: "MC20", vin: vin(1) };
      const res = await searchAs(w, who, { vehicle, customer: { known: true } });
      const appt = await booked(
        w,
        who,
        bookBody(res.options[0].optionId, { vehicle, customer: person({ known: true }) }),
      );
      if (who === "anonymous") {
        // Ordinary options (no reserve, no caps override, the mobility asked for), and a note.
        expect(res.options.map((o) => [o.express, o.overridesCaps, o.mobility])).toEqual([
          [false, false, "none"],
          [false, false, "none"],
        ]);
        expect(res.priorityNote).toMatch(/dealer will contact you to confirm priority/);
        expect(res.mobilityNote).toBeUndefined();
        expect(appt).toMatchObject({ express: false, priority: false, mobility: "none" });
        expect(appt.priorityNote).toMatch(/confirm priority/);
      } else {
        expect(res.options[0]).toMatchObject({ express: true, mobility: "courtesy_car" });
        expect(res.priorityNote).toBeUndefined();
        expect(appt).toMatchObject({ express: true, priority: true, mobility: "courtesy_car" });
      }
    });

    it.each(WHO)("a VIN the dealer holds as priority, booked by %s as an ordinary model: priority", async (who) => {
      const w = await world();
      expect((await putVehicle(w, "client", vin(2), { model: "MC20", priority: true })).status).toBe(201);
      const vehicle = { model: "Grecale", vin: vin(2) };
      const res = await searchAs(w, who, { vehicle, customer: { known: true } });
      expect(res.options[0]).toMatchObject({ express: true, mobility: "courtesy_car" });
      const appt = await booked(
        w,
        who,
        bookBody(res.options[0].optionId, { vehicle, customer: person({ known: true }) }),
      );
      expect(appt).toMatchObject({ express: true, priority: true });
    });

    it("a VIN flagged priority after the dealer's searches began is believed at once, and unflagged, at once no more", async () => {
      // The dealer's runtime keeps its priority VINs in memory (scheduler/trust.ts): the
      // first search reads them, and every change of a flag must reach the next search.
      const w = await world();
      const vehicle = { model: "Ghibli", vin: vin(7) };
      const express = async () =>
        (await searchAs(w, "anonymous", { vehicle, customer: { known: true } })).options.map((o) => o.express);
      expect(await express()).toEqual([false, false]);
      expect((await putVehicle(w, "advisor", vin(7), { model: "Ghibli", priority: false })).status).toBe(201);
      expect(await express()).toEqual([false, false]);
      expect((await putVehicle(w, "advisor", vin(7), { model: "Ghibli", priority: true })).status).toBe(200);
      expect((await express())[0]).toBe(true);
      expect((await putVehicle(w, "advisor", vin(7), { model: "Ghibli", priority: false })).status).toBe(200);
      expect(await express()).toEqual([false, false]);
      // A new VIN registered as priority straight away.
      expect((await putVehicle(w, "client", vin(8), { model: "Levante", priority: true })).status).toBe(201);
      const fresh = await searchAs(w, "anonymous", {
        vehicle: { model: "Levante", vin: vin(8) },
        customer: { known: true },
      });
      expect(fresh.options[0].express).toBe(true);
    });

    it("a VIN on file WITHOUT the priority flag buys an anonymous MC20 nothing", async () => {
      const w = await world();
      expect((await putVehicle(w, "advisor", vin(3), { model: "MC20", priority: false })).status).toBe(201);
      const res = await searchAs(w, "anonymous", { vehicle: { model: "MC20", vin: vin(3) } });
      expect(res.options.map((o) => o.express)).toEqual([false, false]);
    });
  });

  describe("channel: follows the credential", () => {
    const CASES: Array<[Who, string | undefined, string | 400]> = [
      ["anonymous", undefined, "web"],
      ["anonymous", "web", "web"],
      ["anonymous", "app", "app"],
      ["anonymous", "staff", 400],
      ["anonymous", "phone", 400],
      ["anonymous", "walk_in", 400],
      ["client", undefined, "app"],
      ["client", "app", "app"],
      ["client", "web", 400],
      ["client", "staff", 400],
      ["advisor", undefined, "staff"],
      ["advisor", "phone", "phone"],
      ["advisor", "walk_in", "walk_in"],
      ["advisor", "web", "web"],
      ["admin", undefined, "staff"],
      ["admin", "staff", "staff"],
      ["admin", "app", "app"],
    ];
    it.each(CASES)("%s declaring %s → %s", async (who, channel, expected) => {
      const w = await world();
      const option = (await searchAs(w, who, {})).options[0];
      const body = bookBody(option.optionId, channel === undefined ? {} : { channel });
      if (expected === 400) {
        await refusedAt(w, who, body, "channel");
      } else {
        expect((await booked(w, who, body)).channel).toBe(expected);
      }
    });
  });

  describe("attendance: who attends reception is the desk's call", () => {
    const CASES: Array<[Who, "supervisor" | "technician", number]> = [
      ["anonymous", "supervisor", 400],
      ["anonymous", "technician", 400],
      ["client", "supervisor", 201],
      ["advisor", "technician", 201],
      ["admin", "supervisor", 201],
    ];
    it.each(CASES)("%s asking for the %s → %s", async (who, attendance, expected) => {
      const w = await world();
      const option = (await searchAs(w, who, {})).options[0];
      const body = bookBody(option.optionId, { attendance });
      if (expected === 400) {
        await refusedAt(w, who, body, "attendance");
      } else {
        expect((await booked(w, who, body)).file?.attendance).toBe(attendance);
      }
    });
  });

  describe("customer.known: unsaid is a new customer (30 min); said buys only the shorter reception", () => {
    it.each(WHO)("%s", async (who) => {
      const w = await world();
      const unsaid = await searchAs(w, who, {});
      const known = await searchAs(w, who, { customer: { known: true } });
      const isNew = await searchAs(w, who, { customer: { known: false } });
      expect(unsaid.options[0].receptionMinutes).toBe(30);
      expect(isNew.options[0].receptionMinutes).toBe(30);
      expect(known.options[0].receptionMinutes).toBe(15);
      const appt = await booked(w, who, bookBody(unsaid.options[0].optionId));
      expect(appt.reception.minutes).toBe(30);
    });
  });

  describe("identity and VIN ownership: only a client key or staff may say who this is", () => {
    it.each(WHO)("%s books with a stored customer's email and VIN, and a new phone", async (who) => {
      const w = await world();
      const first = (await searchAs(w, "anonymous", {})).options;
      const owner = person({ phone: "+39 333 0000001", reminders: { consent: true, channel: "sms" } });
      const a = await booked(
        w,
        "anonymous",
        bookBody(first[0].optionId, { vehicle: { model: "Grecale", vin: vin(4) }, customer: owner }),
      );
      const before = runtime()
        .store.prepare(
          "SELECT c.name, c.phone, v.owner_customer_id AS owner FROM customers c JOIN vehicles v ON v.owner_customer_id = c.id WHERE v.vin = ?",
        )
        .get(vin(4)) as { name: string; phone: string; owner: string };
      expect(before).toMatchObject({ name: owner.name, phone: "+39 333 0000001" });
      const stranger = { name: "Someone Else", email: owner.email, phone: "+39 333 9999999" };
      const b = await booked(
        w,
        who,
        bookBody(first[1].optionId, { vehicle: { model: "Grecale", vin: vin(4) }, customer: stranger }),
      );
      const after = runtime()
        .store.prepare(
          "SELECT c.name, c.phone, v.owner_customer_id AS owner FROM customers c JOIN vehicles v ON v.owner_customer_id = c.id WHERE v.vin = ?",
        )
        .get(vin(4)) as { name: string; phone: string; owner: string };
      const view = async (id: string) =>
        json<AppointmentView>(await api("GET", `/v1/dealers/${w.id}/appointments/${id}`, undefined, auth));
      // The first appointment keeps the contact it was booked with, whoever booked next.
      expect((await view(a.id)).customer).toEqual({ name: owner.name, email: owner.email, phone: owner.phone });
      if (who === "anonymous") {
        expect(after).toEqual(before);
        const seen = await view(b.id);
        expect(seen.customer).toEqual({ name: stranger.name, email: stranger.email, phone: stranger.phone });
        expect(seen.possibleMatch).toMatchObject({
          customerId: before.owner,
          customer: { name: owner.name, phone: owner.phone },
          by: ["email", "vin"],
        });
      } else {
        // The credential's word: the stored customer is updated (the ownership procedure is theirs).
        expect(after).toMatchObject({ name: "Someone Else", phone: "+39 333 9999999", owner: before.owner });
        expect((await view(b.id)).possibleMatch).toBeNull();
      }
    });
  });

  describe("possibleMatch: staff apply it, nobody else", () => {
    it("links the appointment to the stored customer once staff apply the suggestion they saw (audited)", async () => {
      const w = await world();
      const options = (await searchAs(w, "anonymous", {})).options;
      const owner = person({ phone: "+39 333 0000002" });
      await booked(w, "anonymous", bookBody(options[0].optionId, { customer: owner }));
      const b = await booked(
        w,
        "anonymous",
        bookBody(options[1].optionId, { customer: { name: "Maybe Same", phone: owner.phone } }),
      );
      const seen = await json<AppointmentView>(
        await api("GET", `/v1/dealers/${w.id}/appointments/${b.id}`, undefined, w.as.advisor),
      );
      expect(seen.possibleMatch).toMatchObject({ by: ["phone"], customer: { name: owner.name, email: owner.email } });
      const apply = (who: Who, customerId: string) =>
        api("POST", `/v1/dealers/${w.id}/appointments/${b.id}/possible-match/apply`, { customerId }, w.as[who]);
      expect((await apply("client", seen.possibleMatch!.customerId)).status).toBe(403);
      expect((await apply("anonymous", seen.possibleMatch!.customerId)).status).toBe(401);
      await expectProblem(await apply("advisor", "someone-else"), 400, "validation_failed");
      const res = await apply("advisor", seen.possibleMatch!.customerId);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        version: 2,
        possibleMatch: null,
        customer: { name: "Maybe Same", phone: owner.phone },
      });
      const row = runtime()
        .store.prepare("SELECT customer_id, possible_match_json FROM appointments WHERE id = ?")
        .get(b.id);
      expect(row).toEqual({ customer_id: seen.possibleMatch!.customerId, possible_match_json: null });
      // all(): on the Worker each dealer's object is its own file.
      expect(
        runtime()
          .store.prepare("SELECT id FROM audit_log WHERE appointment_id = ? AND action = 'customer.match_applied'")
          .all(b.id),
      ).toHaveLength(1);
      await expectProblem(await apply("advisor", seen.possibleMatch!.customerId), 409, "invalid_transition");
    });
  });

  describe("a public booking needs a way to reach the customer", () => {
    it.each(["anonymous", "client"] as Who[])(
      "%s without email or phone: 400 on customer, nothing stored",
      async (who) => {
        const w = await world();
        const option = (await searchAs(w, who, {})).options[0];
        const before = snapshot(runtime().store);
        const problem = await expectProblem(
          await bookAs(w, who, bookBody(option.optionId, { customer: { name: "No Contact" } })),
          400,
          "validation_failed",
        );
        expect(problem.errors).toContainEqual(expect.objectContaining({ path: "customer" }));
        expect(snapshot(runtime().store)).toEqual(before);
      },
    );

    it("staff may book a walk-in without a contact", async () => {
      const w = await world();
      const option = (await searchAs(w, "advisor", {})).options[0];
      expect(
        (await booked(w, "advisor", bookBody(option.optionId, { customer: { name: "Walk In" }, channel: "walk_in" })))
          .channel,
      ).toBe("walk_in");
    });
  });

  describe("what a client key may reach", () => {
    it("searches, books and keeps the vehicle registry, but never the staff routes (403)", async () => {
      const w = await world();
      const option = (await searchAs(w, "client", {})).options[0];
      const appt = await booked(w, "client", bookBody(option.optionId));
      const v = vin(5);
      const put = await putVehicle(w, "client", v, {
        model: "MC20",
        priority: true,
        plate: "AB123CD",
        electrified: true,
        nextServiceDue: "2027-05-01",
      });
      expect(put.status).toBe(201);
      expect(
        (
          await putVehicle(w, "client", v, {
            model: "MC20",
            priority: true,
            plate: "AB123CD",
            electrified: true,
            nextServiceDue: "2027-05-01",
          })
        ).status,
      ).toBe(200);
      const got = await api("GET", `/v1/dealers/${w.id}/vehicles/${v}`, undefined, w.as.client);
      expect(await got.json()).toMatchObject({
        vin: v,
        model: "MC20",
        priority: true,
        plate: "AB123CD",
        electrified: true,
        nextServiceDue: "2027-05-01",
      });
      for (const [method, path] of [
        ["GET", `/v1/dealers/${w.id}/appointments/${appt.id}`],
        ["GET", `/v1/dealers/${w.id}/days/2026-11-24`],
        ["POST", `/v1/dealers/${w.id}/appointments/${appt.id}/confirm`],
        ["GET", `/v1/dealers/${w.id}/api-keys`],
      ]) {
        expect(
          (await api(method, path, method === "POST" ? {} : undefined, w.as.client)).status,
          `${method} ${path}`,
        ).toBe(403);
      }
    });

    it("the vehicle registry refuses anonymous callers (401), unknown fields and a bad date (400), storing nothing", async () => {
      const w = await world();
      const before = snapshot(runtime().store);
      await expectProblem(
        await putVehicle(w, "anonymous", vin(6), { model: "MC20", priority: true }),
        401,
        "unauthorized",
      );
      await expectProblem(
        await putVehicle(w, "admin", vin(6), { model: "MC20", priority: true, owner: "x" }),
        400,
        "validation_failed",
      );
      await expectProblem(
        await putVehicle(w, "admin", vin(6), { model: "MC20", priority: true, nextServiceDue: "2027-02-30" }),
        400,
        "validation_failed",
      );
      await expectProblem(
        await putVehicle(w, "admin", "NOTAVIN", { model: "MC20", priority: true }),
        400,
        "validation_failed",
      );
      expect(snapshot(runtime().store)).toEqual(before);
      await expectProblem(
        await api("GET", `/v1/dealers/${w.id}/vehicles/${vin(6)}`, undefined, w.as.advisor),
        404,
        "not_found",
      );
    });
  });
}
