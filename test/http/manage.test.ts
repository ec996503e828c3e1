import { afterEach, describe, expect, it } from "vitest";
import {
  availability,
  book,
  booking,
  expectProblem,
  inProcess,
  putDealer,
  romeDealer,
  search,
  type InProcess,
} from "../support/http.js";

// The customer's own appointment by manage token, and what the database keeps of it.

let t: InProcess;
afterEach(() => t?.close());

async function booked(headers: Record<string, string> = {}) {
  t = inProcess();
  await putDealer(t.api, "roma", romeDealer());
  const { options } = await search(t.api, "roma", availability({ from: "2026-11-24" }));
  body = booking({ optionId: options[0].optionId });
  return book(t.api, "roma", body, headers);
}
let body: unknown;

describe("the customer's manage token", () => {
  it("shows the appointment to whoever holds the token, without the token itself", async () => {
    const b = await booked();
    const res = await t.api("GET", `/v1/manage/${b.manageToken}`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as Record<string, unknown>;
    expect(view).toMatchObject({ id: b.id, status: "requested", reception: b.reception });
    expect(view.manageToken).toBeUndefined();
  });

  it.each([
    ["a browser following an old message link", "text/html,application/xhtml+xml,*/*;q=0.8", "", 303, "/m/{token}"],
    ["the same, with the language it was sent in", "text/html,*/*;q=0.8", "?lang=en", 303, "/m/{token}?lang=en"],
    ["an unknown language, dropped", "text/html", "?lang=xx", 303, "/m/{token}"],
    ["an API client asking for JSON", "application/json", "", 200, null],
    ["a client naming both", "text/html, application/json", "", 200, null],
    ["a client accepting anything", "*/*", "", 200, null],
    ["a client sending no Accept", "", "", 200, null],
  ])("GET /v1/manage/{token}: %s (Accept %j) gets %s", async (_, accept, query, status, location) => {
    const b = await booked();
    const res = await t.api("GET", `/v1/manage/${b.manageToken}${query}`, undefined, accept ? { Accept: accept } : {});
    expect(res.status).toBe(status);
    expect(res.headers.get("location")).toBe(location?.replace("{token}", String(b.manageToken)) ?? null);
    expect(res.headers.get("vary")).toMatch(/\bAccept\b/);
    if (status === 200) expect(((await res.json()) as { id: string }).id).toBe(b.id);
  });

  it.each([
    ["a wrong token", "x".repeat(43)],
    ["a token of another shape", "not-a-token"],
  ])("answers 404 (or 400 for a malformed one) to %s, revealing nothing", async (_, token) => {
    await booked();
    const res = await t.api("GET", `/v1/manage/${token}`);
    expect([400, 404]).toContain(res.status);
  });

  it("lets the customer cancel, releasing the slot once", async () => {
    const b = await booked();
    const res = await t.api("POST", `/v1/manage/${b.manageToken}/cancel`, {});
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe("cancelled");
    await expectProblem(await t.api("POST", `/v1/manage/${b.manageToken}/cancel`, {}), 409, "invalid_transition");
    const again = await t.api(
      "POST",
      "/v1/dealers/roma/appointments",
      booking({ start: b.reception.start, advisorId: b.reception.advisorId }),
    );
    expect(again.status).toBe(201);
  });

  it("stores only a hash of the token, and no usable token in the idempotency record", async () => {
    const b = await booked({ "Idempotency-Key": "retry-me-1" });
    const rows = t.sqlite.prepare("SELECT * FROM appointments").all() as Array<Record<string, unknown>>;
    const idem = t.sqlite.prepare("SELECT * FROM idempotency_keys").all() as Array<Record<string, unknown>>;
    const everything = JSON.stringify([rows, idem]);
    expect(everything).not.toContain(b.manageToken);
    expect(everything).not.toContain("retry-me-1");
    // ...yet the retry with the same key and body gets the original token back.
    const replay = await t.api("POST", "/v1/dealers/roma/appointments", body, { "Idempotency-Key": "retry-me-1" });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await replay.json()).toMatchObject({ id: b.id, manageToken: b.manageToken });
  });
});
