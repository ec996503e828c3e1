import { describe, expect, it } from "vitest";
import { type AppointmentView, type DayBoard, json } from "../support/contracts.js";
import { type Api, auth, book, booking, expectProblem, freshDealers, inProcessPerFile } from "../support/http.js";

// Idempotency-Key: a client that lost the answer may send the same request again with
// the same key and get the first answer back, with nothing done twice. A different
// request under a used key is refused; a refusal never sticks to the key.

const t = inProcessPerFile();
const api: Api = (...args) => t.api(...args);
const dealer = freshDealers(api, "idem");
const appointments = (dealerId: string) => `/v1/dealers/${dealerId}/appointments`;
const key = (k: string) => ({ "Idempotency-Key": k });
const count = (dealerId: string) =>
  (t.sqlite.prepare("SELECT count(*) AS n FROM appointments WHERE dealer_id = ?").get(dealerId) as { n: number }).n;
const auditRows = (id: string) =>
  (t.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE appointment_id = ?").get(id) as { n: number }).n;
const WED_10 = { start: "2026-11-25T10:00", advisorId: "anna" };

describe("POST appointments with an Idempotency-Key", () => {
  it("replays the first 201 for the same key and body, marked Idempotent-Replayed, and books nothing new", async () => {
    const d = await dealer();
    const body = booking({ start: "2026-11-25T10:00" });
    const first = await api("POST", appointments(d), body, key("k-1"));
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const original = await json<AppointmentView>(first);

    for (let i = 0; i < 3; i++) {
      const again = await api("POST", appointments(d), body, key("k-1"));
      expect(again.status).toBe(201);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(again.headers.get("location")).toBe(`/v1/dealers/${d}/appointments/${original.id}`);
      expect(await again.json()).toEqual(original);
    }
    expect(count(d)).toBe(1);
    expect(auditRows(original.id)).toBe(1);
  });

  it.each([
    ["an anonymous caller's key and body, sent again by staff", {}, auth],
    ["staff's key and body, sent again by an anonymous caller", auth, {}],
  ])("refuses %s: 422 idempotency_mismatch, without the first answer or its manage token", async (_, first, second) => {
    const d = await dealer();
    const body = booking(WED_10);
    const made = await book(api, d, body, { ...first, ...key("k-who") });
    const before = t.snapshot();
    const other = await api("POST", appointments(d), body, { ...second, ...key("k-who") });
    expect(await other.clone().text()).not.toContain(made.id);
    await expectProblem(other, 422, "idempotency_mismatch");
    expect(t.snapshot()).toEqual(before);
    // The caller who made it still gets its answer back.
    const again = await api("POST", appointments(d), body, { ...first, ...key("k-who") });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(made);
  });

  it("treats the same JSON with keys in another order as the same request", async () => {
    const d = await dealer();
    const body = booking(WED_10);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const a = await book(api, d, body, key("k-order"));
    const res = await api("POST", appointments(d), reordered, key("k-order"));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { id: unknown }).id).toBe(a.id);
    expect(count(d)).toBe(1);
  });

  it.each([
    ["another slot", booking({ start: "2026-11-25T11:00", advisorId: "anna" })],
    ["another customer", booking(WED_10, { customer: { name: "Someone Else", email: "someone@example.com" } })],
    ["another intervention", booking(WED_10, { interventions: ["tyres"] })],
  ])("refuses the used key with %s: 422 idempotency_mismatch, nothing stored", async (_, other) => {
    const d = await dealer();
    await book(api, d, booking(WED_10), key("k-mismatch"));
    const before = t.snapshot();
    await expectProblem(await api("POST", appointments(d), other, key("k-mismatch")), 422, "idempotency_mismatch");
    expect(t.snapshot()).toEqual(before);
  });

  it("keeps keys apart per dealer and per endpoint", async () => {
    const d1 = await dealer();
    const d2 = await dealer();
    const a = await book(api, d1, booking(WED_10), key("shared"));
    const b = await book(api, d2, booking(WED_10), key("shared"));
    expect(b.id).not.toBe(a.id);
    // The same key on a lifecycle action is a new request, not a mismatch.
    const confirm = await api("POST", `${appointments(d1)}/${a.id}/confirm`, undefined, { ...auth, ...key("shared") });
    expect(confirm.status).toBe(200);
    expect(confirm.headers.get("idempotent-replayed")).toBeNull();
  });

  it("does not store a 409: the key books once the slot is free again", async () => {
    const d = await dealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] });
    const holder = await book(api, d, booking(WED_10));
    const wanted = booking(WED_10, { customer: { name: "Late Customer", email: "late@example.com" } });

    await expectProblem(await api("POST", appointments(d), wanted, key("k-409")), 409, "slot_unavailable");
    // Retrying while the slot is still taken is a fresh attempt (409 again), not a replay.
    const retry = await api("POST", appointments(d), wanted, key("k-409"));
    await expectProblem(retry, 409, "slot_unavailable");
    expect(retry.headers.get("idempotent-replayed")).toBeNull();

    expect((await api("POST", `${appointments(d)}/${holder.id}/cancel`, undefined, auth)).status).toBe(200);
    const booked = await api("POST", appointments(d), wanted, key("k-409"));
    expect(booked.status).toBe(201);
    expect(booked.headers.get("idempotent-replayed")).toBeNull();
    // From now on the key replays that booking.
    const replay = await api("POST", appointments(d), wanted, key("k-409"));
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(((await replay.json()) as { id: unknown }).id).toBe(((await booked.json()) as { id: unknown }).id);
  });

  it("does not store a 400: the key still works for a corrected request", async () => {
    const d = await dealer();
    const bad = booking(WED_10, { customer: { name: "M", email: "not-an-email" } });
    const unknownAdvisor = booking({ ...WED_10, advisorId: "zoe" });
    await expectProblem(await api("POST", appointments(d), bad, key("k-400")), 400, "validation_failed");
    await expectProblem(await api("POST", appointments(d), unknownAdvisor, key("k-400")), 400, "validation_failed");
    const ok = await api("POST", appointments(d), booking(WED_10), key("k-400"));
    expect(ok.status).toBe(201);
    expect(count(d)).toBe(1);
  });

  it.each([
    ["an empty key", ""],
    ["a key with spaces", "my key"],
    ["a key over 200 characters", "k".repeat(201)],
  ])("refuses %s with 400 on the Idempotency-Key header, and books nothing", async (_, k) => {
    const d = await dealer();
    const before = t.snapshot();
    const problem = await expectProblem(
      await api("POST", appointments(d), booking(WED_10), key(k)),
      400,
      "validation_failed",
    );
    expect(problem.errors).toContainEqual(expect.objectContaining({ path: "Idempotency-Key", in: "header" }));
    expect(t.snapshot()).toEqual(before);
  });
});

describe("lifecycle actions with an Idempotency-Key", () => {
  it("replays a confirm: same 200 body, one version step, one audit row", async () => {
    const d = await dealer();
    const appt = await book(api, d, booking(WED_10));
    const url = `${appointments(d)}/${appt.id}/confirm`;
    const first = await api("POST", url, undefined, { ...auth, ...key("c-1") });
    expect(first.status).toBe(200);
    const body = await json<AppointmentView>(first);
    expect(body).toMatchObject({ status: "confirmed", version: 2 });
    const again = await api("POST", url, undefined, { ...auth, ...key("c-1") });
    expect(again.status).toBe(200); // not 409: a confirmed appointment cannot be confirmed, but this is a replay
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(body);
    expect(auditRows(appt.id)).toBe(2); // book + one confirm
  });

  it("replays a cancel without releasing anything twice", async () => {
    const d = await dealer({ advisors: [{ id: "anna", name: "Anna Rossi" }] });
    const appt = await book(api, d, booking(WED_10));
    const cancel = () =>
      api("POST", `${appointments(d)}/${appt.id}/cancel`, { reason: "Car sold" }, { ...auth, ...key("x-1") });
    expect((await cancel()).status).toBe(200);
    const successor = await book(api, d, booking(WED_10)); // the freed slot is taken again
    const replay = await cancel();
    expect(replay.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    // The replay released nothing: the successor still holds 10:00.
    await expectProblem(await api("POST", appointments(d), booking(WED_10)), 409, "slot_unavailable");
    const day = await json<DayBoard>(await api("GET", `/v1/dealers/${d}/days/2026-11-25`, undefined, auth));
    expect(day.advisors[0].slots.filter((s) => s.kind === "reception")).toEqual([
      expect.objectContaining({ appointmentId: successor.id }),
    ]);
  });

  it("refuses the used key with another reason: 422, nothing stored", async () => {
    const d = await dealer();
    const appt = await book(api, d, booking(WED_10));
    const url = `${appointments(d)}/${appt.id}/cancel`;
    expect((await api("POST", url, { reason: "Car sold" }, { ...auth, ...key("x-2") })).status).toBe(200);
    const before = t.snapshot();
    await expectProblem(
      await api("POST", url, { reason: "Moved abroad" }, { ...auth, ...key("x-2") }),
      422,
      "idempotency_mismatch",
    );
    expect(t.snapshot()).toEqual(before);
  });
});

describe("PATCH with an Idempotency-Key", () => {
  it("replays a move instead of answering 412 for the now-stale If-Match", async () => {
    const d = await dealer();
    const appt = await book(api, d, booking(WED_10));
    const move = () =>
      api(
        "PATCH",
        `${appointments(d)}/${appt.id}`,
        { reception: { start: "2026-11-25T15:00" } },
        { ...auth, "If-Match": "1", ...key("m-1") },
      );
    const first = await move();
    expect(first.status).toBe(200);
    const body = await json<AppointmentView>(first);
    expect(body).toMatchObject({ version: 2, reception: { start: "2026-11-25T15:00:00+01:00" } });
    const again = await move();
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("etag")).toBe('"2"');
    expect(await again.json()).toEqual(body);
    expect(
      ((await (await api("GET", `${appointments(d)}/${appt.id}`, undefined, auth)).json()) as { version: unknown })
        .version,
    ).toBe(2);
  });

  it("refuses the used key for another move: 422, nothing stored", async () => {
    const d = await dealer();
    const appt = await book(api, d, booking(WED_10));
    const url = `${appointments(d)}/${appt.id}`;
    expect(
      (
        await api(
          "PATCH",
          url,
          { reception: { start: "2026-11-25T15:00" } },
          { ...auth, "If-Match": "1", ...key("m-2") },
        )
      ).status,
    ).toBe(200);
    const before = t.snapshot();
    await expectProblem(
      await api(
        "PATCH",
        url,
        { reception: { start: "2026-11-25T16:00" } },
        { ...auth, "If-Match": "1", ...key("m-2") },
      ),
      422,
      "idempotency_mismatch",
    );
    expect(t.snapshot()).toEqual(before);
  });

  it("does not store a refused move: the key works for the next attempt", async () => {
    const d = await dealer();
    const appt = await book(api, d, booking(WED_10));
    const url = `${appointments(d)}/${appt.id}`;
    const body = { reception: { start: "2026-11-25T15:00" } };
    await expectProblem(
      await api("PATCH", url, body, { ...auth, "If-Match": "7", ...key("m-3") }),
      412,
      "version_conflict",
    );
    const ok = await api("PATCH", url, body, { ...auth, "If-Match": "1", ...key("m-3") });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("idempotent-replayed")).toBeNull();
  });
});
