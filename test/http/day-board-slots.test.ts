import { describe, expect, it } from "vitest";
import { type DayBoard, json } from "../support/contracts.js";
import { validate } from "../support/json-schema.js";
import { auth, book, booking, inProcess, putDealer, romeDealer } from "../support/http.js";

// The day board's slots as the advisors' page and any other client read them, and as the
// OpenAPI document says they are.

const DAY = "2026-11-25";

async function dayWithSlots() {
  const t = inProcess();
  await putDealer(t.api, "uno", romeDealer());
  const plated = await book(
    t.api,
    "uno",
    booking({ start: `${DAY}T09:00`, advisorId: "anna" }, { vehicle: { model: "Levante", plate: "GH123JK" } }),
    auth,
  );
  const bare = await book(t.api, "uno", booking({ start: `${DAY}T10:00`, advisorId: "bruno" }), auth); // a VIN, no plate
  const res = await t.api("GET", `/v1/dealers/uno/days/${DAY}`, undefined, auth);
  const body = await json<DayBoard>(res);
  expect(res.status).toBe(200);
  const doc: any = await (await t.request("/openapi.json")).json();
  return { body, doc, plated, bare, slots: body.advisors.flatMap((a) => a.slots) };
}

describe("the day board's slots", () => {
  it("validate against the document, possibleMatch null included (the slot's schema said an object or null AND a PossibleMatch)", async () => {
    const { body, doc, slots } = await dayWithSlots();
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.possibleMatch === null)).toBe(true);
    const schema =
      doc.paths["/v1/dealers/{dealerId}/days/{date}"].get.responses["200"].content["application/json"].schema;
    expect(validate(doc, schema, body)).toEqual([]);
  });

  it("carry the vehicle's model and plate (null when none was given), on the reception and the return alike, as the document says", async () => {
    // The page names a slot by its car when the customer has no name, and shows the car on
    // hover and focus without waiting for the appointment's own read.
    const { body, doc, plated, bare, slots } = await dayWithSlots();
    const of = (id: string) => slots.filter((s) => s.appointmentId === id);
    expect(of(plated.id).map((s) => [s.kind, s.vehicle])).toEqual([
      ["reception", { model: "Levante", plate: "GH123JK" }],
      ["return", { model: "Levante", plate: "GH123JK" }],
    ]);
    // The VIN stays in the appointment's own view: the board names a car, it does not file it.
    expect(of(bare.id).map((s) => s.vehicle)).toEqual([
      { model: "Grecale", plate: null },
      { model: "Grecale", plate: null },
    ]);
    // Said, not only allowed: a client may count on it.
    const slot = doc.components.schemas.DayBoard.properties.advisors.items.properties.slots.items;
    expect(slot.required).toContain("vehicle");
    expect(slot.properties.vehicle).toMatchObject({ required: ["model", "plate"] });
    expect(validate(doc, slot, { ...of(bare.id)[0], vehicle: { model: "Grecale" } })).not.toEqual([]);
    expect(body.carriedOver).toEqual([]);
  });
});

describe("the staff messages list", () => {
  it("names the appointment each message is about (reception, contact, car), and validates against the document", async () => {
    const { doc } = await dayWithSlots();
    const t = inProcess();
    await putDealer(t.api, "uno", romeDealer());
    const b = await book(
      t.api,
      "uno",
      booking({ start: `${DAY}T09:00`, advisorId: "anna" }, { vehicle: { model: "Levante", plate: "GH123JK" } }),
      auth,
    );
    const res = await t.api("GET", "/v1/dealers/uno/messages", undefined, auth);
    const body = await json<{ messages: Array<{ appointmentId: string | null; appointment: unknown }> }>(res);
    expect(res.status).toBe(200);
    const about = body.messages.filter((m) => m.appointmentId === b.id);
    expect(about.length).toBeGreaterThan(0);
    for (const m of about)
      expect(m.appointment).toEqual({
        receptionStart: `${DAY}T09:00:00+01:00`,
        customer: { name: "Marco Bianchi" }, // no contact details in a list of messages
        vehicle: { model: "Levante", plate: "GH123JK" },
        status: "requested", // a cancelled one is on no day's board: a task about it opens none
      });
    const schema = doc.paths["/v1/dealers/{dealerId}/messages"].get.responses["200"].content["application/json"].schema;
    expect(validate(doc, schema, body)).toEqual([]);
  });
});
