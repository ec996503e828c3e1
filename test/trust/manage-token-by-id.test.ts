import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "../../src/db/open.js";
import { findByManageToken } from "../../src/db/repos/appointments.js";
import { sha256Hex } from "../../src/lib/digest.js";
import { openDatabase } from "../../src/node.js";
import { appointmentIdOfManageToken, manageTokenKey, newManageToken } from "../../src/scheduler/tokens.js";
import { migrate, type Journal } from "../../src/worker/migrate.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { availability, booking, putDealer, romeDealer, type Api } from "../support/http.js";

// A booking's manage token names its appointment (scheduler/tokens.ts manageTokenFor): the
// row is found by id and opens only when the whole token's hash is the stored one, and the
// hash index keeps only the rows whose token names none (issue 17: a random index leaf
// fewer per booking). Older rows, minted before migration 0016, open by hash as before.

let t: TestApp;
afterEach(() => t?.close());

async function booked(count = 1) {
  t = createTestApp();
  const api: Api = async (method, path, body, headers) => t.json(method, path, body, headers);
  await putDealer(api, "rome", romeDealer());
  const search = await api("POST", "/v1/dealers/rome/availability", availability({ count: 2 * count }));
  const { options } = (await search.json()) as { options: Array<{ optionId: string }> };
  const out: Array<{ id: string; token: string }> = [];
  for (let i = 0; i < count; i++) {
    const vehicle = { model: "Grecale", vin: `ZN6XXXXXXXX00000${i}` };
    const res = await api(
      "POST",
      "/v1/dealers/rome/appointments",
      booking({ optionId: options[2 * i].optionId }, { vehicle }),
    );
    expect(res.status).toBe(201);
    const b = (await res.json()) as { id: string; manageToken: string };
    out.push({ id: b.id, token: b.manageToken });
  }
  const opens = async (token: string) => (await api("GET", `/v1/manage/${token}`)).status;
  return { api, bookings: out, opens };
}

/** The same length and alphabet, one character of the tail changed. */
const tampered = (token: string) => token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");

describe("a booking's manage token", () => {
  it("names its appointment, opens it, and leaves no entry in the index of hashes", async () => {
    const { bookings, opens } = await booked();
    const [{ id, token }] = bookings;
    expect(appointmentIdOfManageToken(token)).toBe(id);
    expect(await opens(token)).toBe(200);
    const row = t.sqlite.prepare("SELECT manage_token_by_id AS byId FROM appointments WHERE id = ?").get(id);
    expect(row).toEqual({ byId: 1 });
    const indexed = t.sqlite
      .prepare(
        "SELECT count(*) AS n FROM appointments INDEXED BY appointments_manage_token_idx WHERE manage_token_hash = ? AND manage_token_by_id = 0",
      )
      .get(sha256Hex(token));
    expect(indexed).toEqual({ n: 0 });
  });

  it.each([
    ["its last character changed", (a: string) => tampered(a)],
    ["its appointment's id with another booking's secret", (a: string, b: string) => a.slice(0, -21) + b.slice(-21)],
    ["another booking's id with its secret", (a: string, b: string) => b.slice(0, -21) + a.slice(-21)],
    ["a random token of the older form", () => newManageToken("rome")],
  ])("opens nothing when it is %s", async (_what, forge) => {
    const { bookings, opens } = await booked(2);
    const [a, b] = bookings;
    const forged = forge(a.token, b.token);
    expect(forged).not.toBe(a.token);
    expect(forged).not.toBe(b.token);
    expect(await opens(forged)).toBe(404);
    expect(await opens(a.token)).toBe(200);
  });

  it("still opens a row of the older form by its hash, and that row's id alone opens nothing", async () => {
    const { bookings, opens } = await booked();
    const [{ id, token }] = bookings;
    const older = newManageToken("rome");
    t.sqlite
      .prepare("UPDATE appointments SET manage_token_hash = ?, manage_token_by_id = 0 WHERE id = ?")
      .run(sha256Hex(older), id);
    expect(await opens(older)).toBe(200);
    expect(await opens(token)).toBe(404);
  });
});

describe("migration 0016 (manage tokens that name their appointment)", () => {
  it("keeps every older appointment reachable by its token's hash", () => {
    t = createTestApp(); // for its temporary directory
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;
    const before = { entries: journal.entries.filter((e) => e.idx < 16) };
    const files = Object.fromEntries(
      before.entries.map((e) => [e.tag, readFileSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), "utf8")]),
    );
    const path = join(t.dir, "before-0016.db");
    const old = new Database(path);
    migrate(old, before, files);
    old.prepare("INSERT INTO dealers (id, config_json, version, updated_at) VALUES ('d', '{}', 1, 'x')").run();
    // Every NOT NULL column without a default gets a value of its type.
    const cols = (
      old.prepare("PRAGMA table_info(appointments)").all() as Array<{
        name: string;
        type: string;
        notnull: number;
        dflt_value: unknown;
      }>
    ).filter((c) => c.notnull === 1 && c.dflt_value === null);
    const token = newManageToken("d");
    const value = (c: { name: string; type: string }) =>
      c.name === "id"
        ? "old-1"
        : c.name === "dealer_id"
          ? "d"
          : c.name === "manage_token_hash"
            ? sha256Hex(token)
            : c.type === "integer"
              ? 0
              : "x";
    old
      .prepare(
        `INSERT INTO appointments (${cols.map((c) => c.name).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`,
      )
      .run(...cols.map(value));
    old.close();
    const { sqlite, db } = openDatabase(path);
    expect(findByManageToken(db, manageTokenKey(token))?.id).toBe("old-1");
    const index = sqlite
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'appointments_manage_token_idx'")
      .get() as {
      sql: string;
    };
    expect(index.sql).toContain('"manage_token_by_id" = 0');
    sqlite.close();
  });
});
