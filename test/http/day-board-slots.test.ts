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
  const doc = await (await t.request("/openapi.json")).json();
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
});
