import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/scheduler/contracts.js";
import {
  type Api,
  auth,
  book,
  booking,
  expectProblem,
  inProcess,
  type InProcess,
  putDealer,
  romeDealer,
} from "../support/http.js";

// Every request is routed by hono's RegExpRouter (one regular expression for the app), not
// its TrieRouter: a documented enum path parameter, the lifecycle's {action}, is served as
// one static path per value (src/api/enum-paths.ts), and /openapi.json still documents it
// as the one operation the contract names (issue 17: the trie walk was a few per cent of
// every search's CPU).

let t: InProcess;
let api: Api;
/** One staff booking the status and log tables below address (they change nothing of it but a confirm). */
let shared: string;
beforeAll(async () => {
  t = inProcess();
  api = t.api;
  await putDealer(api, "roma", romeDealer());
  shared = (await book(api, "roma", booking({ start: "2026-11-27T11:00", advisorId: "anna" }), auth)).id;
});
afterAll(() => t.close());

describe("routing", () => {
  it("routes every request with RegExpRouter", async () => {
    await api("GET", "/health");
    const router = (t.app as unknown as { router: { activeRouter: { name: string } } }).router;
    expect(router.activeRouter.name).toBe("RegExpRouter");
  });

  it("documents the lifecycle as ONE operation with an {action} enum", async () => {
    const doc = (await (await api("GET", "/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<string, { operationId: string; parameters: Array<{ name: string; schema: { enum?: string[] } }> }>
      >;
    };
    const op = doc.paths["/v1/dealers/{dealerId}/appointments/{id}/{action}"]?.post;
    expect(op?.operationId).toBe("appointmentAction");
    expect(op?.parameters.find((p) => p.name === "action")?.schema.enum).toEqual([...ACTIONS]);
    expect(
      Object.keys(doc.paths).filter((p) => /appointments\/\{id\}\/(confirm|cancel|check-in|no-show|complete)$/.test(p)),
    ).toEqual([]);
  });

  it.each([
    ["confirm", 200, "confirmed"],
    ["check-in", 200, "checked_in"],
  ])("answers the %s action at its own path", async (action, status, after) => {
    const appt = await book(
      api,
      "roma",
      booking({ start: action === "confirm" ? "2026-11-25T11:00" : "2026-11-23T11:00", advisorId: "anna" }),
    );
    const res = await api("POST", `/v1/dealers/roma/appointments/${appt.id}/${action}`, undefined, auth);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { status: string }).status).toBe(after);
  });

  it("answers an action outside the enum with the parameter's 400, and the routes beside it still answer", async () => {
    const appt = await book(api, "roma", booking({ start: "2026-11-26T11:00", advisorId: "anna" }));
    const A = `/v1/dealers/roma/appointments/${appt.id}`;
    const refused = await expectProblem(await api("POST", `${A}/archive`, {}, auth), 400, "validation_failed");
    expect(refused.errors).toContainEqual(expect.objectContaining({ path: "action", in: "path" }));
    // Staff only, as the actions: an anonymous caller learns nothing about the path.
    await expectProblem(await api("POST", `${A}/archive`, {}), 401, "unauthorized");
    // Without If-Match, progress answers its own precondition, not the action's 400.
    await expectProblem(await api("POST", `${A}/progress`, { state: "started" }, auth), 428, "precondition_required");
    // Deeper than the fallback's one segment: the apply-match route, not a 400 about "action".
    const res = await api("POST", `${A}/possible-match/apply`, {}, { ...auth, "If-Match": '"1"' });
    expect(res.status).not.toBe(404);
    expect(JSON.stringify(await res.json())).not.toContain('"action"');
  });

  it.each([
    ["a malformed escape as the action", "/%E0%A4%A", auth, 400, "validation_failed"],
    ["a lone percent sign as the action", "/%", auth, 400, "validation_failed"],
    // The appointment itself takes GET and PATCH: a POST there is a 405 with Allow.
    ["no action (the appointment itself)", "", auth, 405, "method_not_allowed"],
    ["an empty action (trailing slash)", "/", auth, 404, "not_found"],
    ["a path deeper than any route, from staff", "/x/y", auth, 404, "not_found"],
    ["a path deeper than any route, anonymously", "/x/y", {}, 404, "not_found"],
    ["apply-match anonymously: its own auth answers", "/possible-match/apply", {}, 401, "unauthorized"],
  ] as const)("answers %s with the right 4xx, never a 500", async (_, tail, headers, status, code) => {
    await expectProblem(await api("POST", `/v1/dealers/roma/appointments/${shared}${tail}`, {}, headers), status, code);
  });
});

describe("the access log names the route that answered", () => {
  const lastRoute = () => t.logs.filter((l) => l.msg === "request").at(-1)?.route;
  it.each([
    ["an action", "/confirm", auth, "/v1/dealers/:dealerId/appointments/:id/confirm"],
    ["an action outside the enum", "/archive", auth, "/v1/dealers/:dealerId/appointments/:id/*"],
    [
      "a deeper route behind the fallback",
      "/possible-match/apply",
      {},
      "/v1/dealers/:dealerId/appointments/:id/possible-match/apply",
    ],
    ["a path no route serves", "/x/y", auth, null],
  ] as const)("%s", async (_, tail, headers, route) => {
    await api("POST", `/v1/dealers/roma/appointments/${shared}${tail}`, {}, headers);
    expect(lastRoute()).toBe(route);
  });

  it("a body too large for an action: the action's route, though the edge answered", async () => {
    const big = JSON.stringify({ reason: "x".repeat(2_000_000) });
    await expectProblem(
      await api("POST", `/v1/dealers/roma/appointments/${shared}/cancel`, big, auth),
      413,
      "payload_too_large",
    );
    expect(lastRoute()).toBe("/v1/dealers/:dealerId/appointments/:id/cancel");
  });
});
