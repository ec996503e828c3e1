import { describe, expect, it } from "vitest";
import { boardSessionDealer, withDealerCookie } from "../../src/worker/board-route.js";

// How the edge finds the dealer's Durable Object for /v1/board/session (no dealer in the
// path): the sign-in body's dealerId, then the companion cookie set on success.

const URL_ = "http://127.0.0.1:8787/v1/board/session";
const post = (body: string) =>
  new Request(URL_, { method: "POST", headers: { "Content-Type": "application/json" }, body });
const withCookie = (method: string, cookie: string) => new Request(URL_, { method, headers: { Cookie: cookie } });

describe("the board session's dealer, at the edge", () => {
  it.each([
    ["a sign-in's dealerId", post(JSON.stringify({ dealerId: "rome", key: "k" })), "rome"],
    ["a sign-in whose dealerId is no id", post(JSON.stringify({ dealerId: "../x", key: "k" })), null],
    ["a sign-in that is not JSON", post("dealerId=rome"), null],
    ["the companion cookie on GET", withCookie("GET", "pitlane_board=abc; pitlane_board_dealer=rome"), "rome"],
    ["the companion cookie on DELETE", withCookie("DELETE", "pitlane_board_dealer=rome"), "rome"],
    ["a GET without it", withCookie("GET", "pitlane_board=abc"), null],
    ["a companion cookie that is no id", withCookie("GET", "pitlane_board_dealer=a%2Fb"), null],
  ])("is taken from %s", async (_, request, dealer) => {
    expect(await boardSessionDealer(request)).toBe(dealer);
  });

  it("leaves the sign-in body readable for the object", async () => {
    const request = post(JSON.stringify({ dealerId: "rome", key: "k" }));
    await boardSessionDealer(request);
    expect(await request.json()).toEqual({ dealerId: "rome", key: "k" });
  });

  it.each([
    [
      "a successful sign-in sets it",
      "POST",
      200,
      /^pitlane_board_dealer=rome; Path=\/; Max-Age=28800; HttpOnly; SameSite=Strict$/,
    ],
    ["a sign-out clears it", "DELETE", 204, /^pitlane_board_dealer=; Path=\/; Max-Age=0;/],
    ["a 401 (no such session) clears it", "GET", 401, /^pitlane_board_dealer=; Path=\/; Max-Age=0;/],
    [
      "the page's probe answering 204 (no such session) clears it",
      "GET",
      204,
      /^pitlane_board_dealer=; Path=\/; Max-Age=0;/,
    ],
    ["a refused sign-in leaves it", "POST", 401, null],
    ["a who-am-I leaves it", "GET", 200, null],
  ])("companion cookie: %s", (_, method, status, expected) => {
    const out = withDealerCookie(new Request(URL_, { method }), new Response(null, { status }), "rome");
    const set = out.headers.getSetCookie().find((c) => c.startsWith("pitlane_board_dealer="));
    if (expected === null) expect(set).toBeUndefined();
    else expect(set).toMatch(expected);
  });
});
