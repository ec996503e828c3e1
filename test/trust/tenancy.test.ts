import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiKeyList, type AppointmentView, json, type Problem } from "../support/contracts.js";
import { auth } from "../support/http.js";
import { bearer, bookAs, nextSlot, OTHER, OWN, roomyDealer, type Tenants, twoTenants } from "../support/tenants.js";

// The tenancy sweep: dealer alpha's callers reaching for dealer beta's data, through
// alpha's paths or beta's, get 404 and change nothing; a foreign key's 404 is the same as
// a missing dealer's. (The full route × caller matrix is roles.test.ts.)

let t: Tenants;
beforeAll(async () => {
  t = await twoTenants();
});
afterAll(() => t?.close());

const A = `/v1/dealers/${OWN}`;
const headersOf = (who: "advisorOwn" | "adminOwn" | "advisorOther" | "adminOther" | "root"): Record<string, string> =>
  who === "root" ? auth : bearer(t.keys[who].secret);

describe("tenancy sweep", () => {
  it("answers another dealer's appointment ids with 404 on every appointment route, whoever asks", async () => {
    const theirs = await bookAs(t.api, OTHER);
    const paths: Array<[string, string, unknown, Record<string, string>]> = [
      ["GET", `${A}/appointments/${theirs.id}`, undefined, {}],
      ["PATCH", `${A}/appointments/${theirs.id}`, { reception: { start: nextSlot() } }, { "If-Match": "1" }],
      ...["confirm", "cancel", "check-in", "no-show", "complete"].map(
        (a): [string, string, unknown, Record<string, string>] => [
          "POST",
          `${A}/appointments/${theirs.id}/${a}`,
          {},
          {},
        ],
      ),
    ];
    for (const who of ["advisorOwn", "adminOwn", "root"] as const) {
      for (const [method, path, body, headers] of paths) {
        const res = await t.api(method, path, body, { ...headers, ...headersOf(who) });
        expect(res.status, `${method} ${path} as ${who}`).toBe(404);
      }
    }
    // And the appointment is untouched.
    const after = await t.api("GET", `/v1/dealers/${OTHER}/appointments/${theirs.id}`, undefined, auth);
    expect(await json<AppointmentView>(after)).toMatchObject({ status: "requested", version: 1 });
  });

  it("gives a foreign key the same 404 as a dealer that does not exist (existence is not confirmed)", async () => {
    const foreign = await json<Problem>(await t.api("GET", `${A}/days/2026-11-24`, undefined, headersOf("adminOther")));
    const ghost = await json<Problem>(await t.api("GET", `/v1/dealers/ghost/days/2026-11-24`, undefined, auth));
    const shape = (b: Problem) => ({
      status: b.status,
      code: b.code,
      title: b.title,
      detail: b.detail.replace(/dealer \S+/, "dealer X"),
      keys: Object.keys(b).sort(),
    });
    expect(shape(foreign)).toEqual(shape(ghost));
  });

  it("lists only the dealer's own keys, and a key id of another dealer is not found through this dealer", async () => {
    const list = await json<ApiKeyList>(await t.api("GET", `${A}/api-keys`, undefined, headersOf("adminOwn")));
    expect(list.keys.length).toBeGreaterThan(0);
    for (const k of list.keys) expect(k.dealerId).toBe(OWN);
    const res = await t.api("DELETE", `${A}/api-keys/${t.keys.advisorOther.id}`, undefined, headersOf("adminOwn"));
    expect(res.status).toBe(404);
    // Still alive: beta's advisor can read beta's day board.
    expect(
      (await t.api("GET", `/v1/dealers/${OTHER}/days/2026-11-24`, undefined, headersOf("advisorOther"))).status,
    ).toBe(200);
  });

  it("lets only the bootstrap token create a dealer; a dealer admin key cannot create or replace another", async () => {
    expect((await t.api("PUT", "/v1/dealers/gamma", roomyDealer("gamma"), headersOf("adminOwn"))).status).toBe(404);
    expect((await t.api("PUT", `/v1/dealers/${OTHER}`, roomyDealer(OTHER), headersOf("adminOwn"))).status).toBe(404);
    expect((await t.api("PUT", "/v1/dealers/gamma", roomyDealer("gamma"), auth)).status).toBe(201);
  });
});
