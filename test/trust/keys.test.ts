import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../../src/api/auth.js";
import { sha256Hex } from "../../src/lib/digest.js";
import { type ApiKeyList, type ApiKeyView, type CreatedApiKey, json } from "../support/contracts.js";
import { ADMIN_TOKEN, auth, expectProblem } from "../support/http.js";
import { bearer, bookAs, createKey, OTHER, OWN, type Tenants, twoTenants } from "../support/tenants.js";

// Staff API keys: created by an admin, shown once, stored hashed, revocable at once.

let t: Tenants;
beforeAll(async () => {
  t = await twoTenants();
});
afterAll(() => t?.close());

const A = `/v1/dealers/${OWN}`;
const rows = () =>
  t.sqlite.prepare("SELECT * FROM api_keys ORDER BY created_at, id").all() as Array<Record<string, unknown>>;

describe("creating a key", () => {
  it("answers 201 with a pk_ secret of 256 random bits, once, never cached, and stores only its sha256", async () => {
    const res = await t.api("POST", `${A}/api-keys`, { role: "advisor", label: "Front desk" }, auth);
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const key = await json<CreatedApiKey>(res);
    expect(key).toMatchObject({ dealerId: OWN, role: "advisor", label: "Front desk", revokedAt: null });
    expect(key.secret).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    expect(res.headers.get("location")).toBe(`${A}/api-keys/${key.id}`);

    const stored = rows().find((r) => r.id === key.id)!;
    expect(stored.secret_hash).toBe(sha256Hex(key.secret));
    // The secret is nowhere in the database: not in api_keys, not in the audit log.
    const everything = JSON.stringify([rows(), t.sqlite.prepare("SELECT * FROM audit_log").all()]);
    expect(everything).not.toContain(key.secret);
    expect(everything).not.toContain(key.secret.slice(3));

    // Lists never show secrets or hashes again.
    const list = await json<ApiKeyList>(await t.api("GET", `${A}/api-keys`, undefined, auth));
    const listed = list.keys.find((k) => k.id === key.id);
    expect(Object.keys(listed!).sort()).toEqual([
      "channel",
      "createdAt",
      "dealerId",
      "id",
      "label",
      "revokedAt",
      "role",
    ]);
    expect(JSON.stringify(list)).not.toContain(String(stored.secret_hash));
  });

  it("gives distinct secrets and ids every time", async () => {
    const keys = await Promise.all(Array.from({ length: 20 }, () => createKey(t.api, OWN, "advisor")));
    expect(new Set(keys.map((k) => k.secret)).size).toBe(20);
    expect(new Set(keys.map((k) => k.id)).size).toBe(20);
  });

  it("refuses an unknown role, an empty label and unknown fields with 400, storing nothing", async () => {
    const before = rows().length;
    for (const body of [
      { role: "owner", label: "x" },
      { role: "advisor", label: "  " },
      { role: "advisor", label: "x", secret: "pk_mine" },
      {},
    ]) {
      await expectProblem(await t.api("POST", `${A}/api-keys`, body, auth), 400, "validation_failed");
    }
    expect(rows().length).toBe(before);
  });

  it("answers 404 for a dealer that does not exist", async () => {
    await expectProblem(
      await t.api("POST", "/v1/dealers/ghost/api-keys", { role: "advisor", label: "x" }, auth),
      404,
      "not_found",
    );
  });

  it("audits creation and revocation with the acting key, never the secret", async () => {
    const admin = t.keys.adminOwn;
    const made = await createKey(t.api, OWN, "advisor", bearer(admin.secret));
    await t.api("DELETE", `${A}/api-keys/${made.id}`, undefined, bearer(admin.secret));
    const audit = t.sqlite
      .prepare(
        "SELECT actor, action, before_json, after_json FROM audit_log WHERE action LIKE 'api_key.%' AND (after_json LIKE ? OR before_json LIKE ?)",
      )
      .all(`%${made.id}%`, `%${made.id}%`) as Array<{
      actor: string;
      action: string;
      before_json: string | null;
      after_json: string | null;
    }>;
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      [`key:${admin.id}`, "api_key.created"],
      [`key:${admin.id}`, "api_key.revoked"],
    ]);
  });
});

describe("using a key", () => {
  it("authenticates as its dealer with its role; one changed character, or the bare secret, does not", () => {
    const { secret, id } = t.keys.advisorOwn;
    expect(authenticate(t.deps, `Bearer ${secret}`)).toEqual({
      kind: "key",
      dealerId: OWN,
      role: "advisor",
      keyId: id,
    });
    const flipped = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    expect(authenticate(t.deps, `Bearer ${flipped}`)).toBeNull();
    expect(authenticate(t.deps, secret)).toBeNull();
    expect(authenticate(t.deps, `Bearer ${secret.slice(3)}`)).toBeNull();
    expect(authenticate(t.deps, `Bearer ${ADMIN_TOKEN}`)).toEqual({ kind: "root" });
  });

  it("records who booked: the key id in the audit log", async () => {
    const appt = await bookAs(t.api, OWN, bearer(t.keys.advisorOwn.secret));
    const row = t.sqlite.prepare("SELECT actor FROM audit_log WHERE appointment_id = ?").get(appt.id) as {
      actor: string;
    };
    expect(row.actor).toBe(`key:${t.keys.advisorOwn.id}`);
  });
});

describe("revoking a key", () => {
  it("takes effect on the very next request, is idempotent, and keeps the row for the audit trail", async () => {
    const key = await createKey(t.api, OWN, "advisor");
    expect((await t.api("GET", `${A}/days/2026-11-24`, undefined, bearer(key.secret))).status).toBe(200);
    const res = await t.api("DELETE", `${A}/api-keys/${key.id}`, undefined, auth);
    expect(res.status).toBe(200);
    const revoked = await json<ApiKeyView>(res);
    expect(revoked.revokedAt).toBe(new Date(t.deps.now()).toISOString());
    await expectProblem(await t.api("GET", `${A}/days/2026-11-24`, undefined, bearer(key.secret)), 401, "unauthorized");
    const again = await json<ApiKeyView>(await t.api("DELETE", `${A}/api-keys/${key.id}`, undefined, auth));
    expect(again.revokedAt).toBe(revoked.revokedAt);
    expect(rows().find((r) => r.id === key.id)).toMatchObject({ revoked_at: revoked.revokedAt });
  });

  it("lets a dealer admin key revoke its dealer's keys but not another dealer's (404)", async () => {
    const mine = await createKey(t.api, OWN, "advisor");
    const theirs = await createKey(t.api, OTHER, "advisor");
    const admin = bearer(t.keys.adminOwn.secret);
    expect((await t.api("DELETE", `${A}/api-keys/${mine.id}`, undefined, admin)).status).toBe(200);
    expect((await t.api("DELETE", `/v1/dealers/${OTHER}/api-keys/${theirs.id}`, undefined, admin)).status).toBe(404);
    expect((await t.api("DELETE", `${A}/api-keys/${theirs.id}`, undefined, admin)).status).toBe(404);
    expect((await t.api("GET", `/v1/dealers/${OTHER}/days/2026-11-24`, undefined, bearer(theirs.secret))).status).toBe(
      200,
    );
  });
});
