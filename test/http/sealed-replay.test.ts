import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import type { ServerSecrets } from "../../src/lib/sealing.js";
import { openDatabase } from "../../src/node.js";
import { ADMIN_TOKEN } from "../support/app.js";
import { type AppointmentView, json } from "../support/contracts.js";
import { booking, inProcess, type InProcess, putDealer, romeDealer } from "../support/http.js";

// An idempotent booking's stored response holds the manage token sealed (AEAD under an
// HKDF key from PITLANE_SECRET and the Idempotency-Key), never in clear. A replay gives
// it back under the same secret, and under a rotated one while the old is listed in
// PITLANE_SECRET_PREVIOUS; once the old secret is dropped the replay still answers 201
// with the booking, without the token.

const OLD: ServerSecrets = { current: "old-secret-0123456789-0123456789-01", previous: [] };
const NEW = "new-secret-0123456789-0123456789-01";
const PATH = "/v1/dealers/rome/appointments";
const KEY = { "Idempotency-Key": "replay-me-1" };
const body = booking({ start: "2026-11-25T10:00", advisorId: "anna" });

let t: InProcess;
const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
  t.close();
});

/** Another process over the same file, with other secrets (a restart after a rotation). */
function restartWith(serverSecrets: ServerSecrets) {
  const { sqlite, db } = openDatabase(t.dbPath);
  opened.push(sqlite);
  const app = createApp({
    db,
    sqlite,
    now: t.deps.now,
    adminToken: ADMIN_TOKEN,
    serverSecrets,
    rateLimits: false,
    log: () => {},
  });
  return () =>
    app.request(PATH, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...KEY },
      body: JSON.stringify(body),
    });
}

async function bookOnce() {
  t = inProcess({ deps: { serverSecrets: OLD } });
  await putDealer(t.api, "rome", romeDealer());
  const first = await t.api("POST", PATH, body, KEY);
  expect(first.status).toBe(201);
  return (await first.json()) as { id: string; manageToken: string };
}

describe("the sealed manage token of an idempotent replay", () => {
  it("is stored sealed, never in clear, and a replay under the same secret returns it", async () => {
    const first = await bookOnce();
    const stored = t.sqlite.prepare("SELECT response_json FROM idempotency_keys").get() as { response_json: string };
    expect(stored.response_json).not.toContain(first.manageToken);
    expect(JSON.parse(stored.response_json).manageTokenSealed).toMatch(/^v1\.[0-9a-f]{100,}$/);
    const again = await t.api("POST", PATH, body, KEY);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { manageToken: unknown }).manageToken).toBe(first.manageToken);
  });

  it("opens after a rotation while the old secret is listed as previous, and not once it is dropped", async () => {
    const first = await bookOnce();
    const rotated = await restartWith({ current: NEW, previous: [OLD.current] })();
    expect(rotated.status).toBe(201);
    expect(((await rotated.json()) as { manageToken: unknown }).manageToken).toBe(first.manageToken);
    const dropped = await restartWith({ current: NEW, previous: [] })();
    expect(dropped.status).toBe(201);
    const view = await json<AppointmentView>(dropped);
    expect(view.id).toBe(first.id);
    expect(view).not.toHaveProperty("manageToken");
    expect(view).not.toHaveProperty("manageTokenSealed");
  });
});
