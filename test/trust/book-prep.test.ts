import { afterEach, describe, expect, it } from "vitest";
import { createAppWithJourney } from "../../src/app.js";
import { serverSecretsOf } from "../../src/api/deps.js";
import { type BookingPrep, prepareBooking } from "../../src/scheduler/book-prep.js";
import type { WriteContext } from "../../src/scheduler/context.js";
import type { BookingRequest } from "../../src/scheduler/contracts.js";
import { ANONYMOUS, type Caller } from "../../src/scheduler/trust.js";
import { createTestApp, type TestApp } from "../support/app.js";
import type { AppointmentView } from "../support/contracts.js";
import { auth, availability, booking, putDealer, romeDealer, type Api } from "../support/http.js";

// With WORKERS > 1 the worker that took a booking computes its manage token, the hashes
// and the sealed token before the verb call, and the writer uses them (scheduler/
// book-prep.ts, api/remote-verbs.ts). Here the writer's side is called as a verb call
// frame with a prep made elsewhere: the booking must carry THAT token (its manage link
// opens, the answer names it), and with an Idempotency-Key its record must replay it
// through the ordinary HTTP path, whose own hash of the request must match the prep's.

let t: TestApp;
afterEach(() => t.close());

async function setup() {
  t = createTestApp();
  const { app, serveCall } = createAppWithJourney(t.deps);
  const api: Api = async (method, path, body, headers = {}) =>
    app.request(path, {
      method,
      headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  await putDealer(api, "rome", romeDealer());
  const search = await api("POST", "/v1/dealers/rome/availability", availability({ count: 2 }));
  const { options } = (await search.json()) as { options: Array<{ start: string; advisorId: string }> };
  const body = booking({ start: options[0].start, advisorId: options[0].advisorId });
  // What the worker computed: its own Ctx, with the same secrets as every process of the cluster.
  const prepare = (idempotencyKey?: string): BookingPrep =>
    prepareBooking(
      { idempotencyKey, secrets: serverSecretsOf(t.deps), nowMs: t.deps.now(), caller: ANONYMOUS } as WriteContext & {
        caller: Caller;
      },
      "rome",
      body as BookingRequest,
      true, // sealed, as a worker does for the writer
    );
  const call = (prepared: BookingPrep, idempotencyKey?: string) =>
    serveCall({
      op: "verb",
      verb: "book",
      facts: { nowMs: t.deps.now(), actor: "customer", caller: ANONYMOUS, clientAddress: "127.0.0.1", idempotencyKey },
      input: { dealerId: "rome", body, prepared },
    }) as Promise<{ ok: boolean; outcome: { status: number; body: AppointmentView & { manageToken: string } } }>;
  return { api, body, prepare, call };
}

describe("a booking prepared by the worker that took it", () => {
  it("stores the prepared token: the answer names it and its manage link opens", async () => {
    const s = await setup();
    const prep = s.prepare();
    const reply = await s.call(prep);
    expect(reply.ok).toBe(true);
    expect(reply.outcome.body.manageToken).toBe(prep.manageToken);
    const page = await s.api("GET", `/v1/manage/${prep.manageToken}`);
    expect(page.status).toBe(200);
  });

  it("books from a worker of an older build (no appointment id in its prep): the token opens by its hash", async () => {
    const s = await setup();
    const { appointmentId: _unused, ...older } = s.prepare();
    const reply = await s.call(older);
    expect(reply.outcome.status).toBe(201);
    const row = t.sqlite
      .prepare("SELECT manage_token_by_id AS byId FROM appointments WHERE id = ?")
      .get(reply.outcome.body.id);
    expect(row).toEqual({ byId: 0 });
    expect((await s.api("GET", `/v1/manage/${older.manageToken}`)).status).toBe(200);
  });

  it("with an Idempotency-Key, replays the prepared token over plain HTTP (the request's hash agrees)", async () => {
    const s = await setup();
    const prep = s.prepare("prep-key-1");
    const reply = await s.call(prep, "prep-key-1");
    expect(reply.outcome.status).toBe(201);
    // The record holds the worker's sealed form itself (its random nonce makes it unique):
    // the writer did not seal again.
    const stored = t.sqlite.prepare("SELECT response_json FROM idempotency_keys").get() as { response_json: string };
    expect(JSON.parse(stored.response_json).manageTokenSealed).toBe(prep.idempotency?.sealed?.sealed);
    const again = await s.api("POST", "/v1/dealers/rome/appointments", s.body, { "Idempotency-Key": "prep-key-1" });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const replayed = (await again.json()) as AppointmentView & { manageToken: string };
    expect(replayed.id).toBe(reply.outcome.body.id);
    expect(replayed.manageToken).toBe(prep.manageToken);
  });
});
