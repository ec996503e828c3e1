import { describe, expect, it } from "vitest";
import { Id } from "../../src/core/primitives.js";
import { newId } from "../../src/lib/ids.js";
import {
  appointmentIdOfManageToken,
  dealerOfManageToken,
  isDealerId,
  manageTokenFor,
  newManageToken,
} from "../../src/scheduler/tokens.js";
import { routeOf } from "../../src/worker/route.js";

// The edge's routing table (src/worker/route.ts) and the manage token's dealer prefix
// (src/scheduler/tokens.ts): pure, so checked here without workerd.

describe("manage tokens", () => {
  it.each(["roma-est", "a", "dealer_with_underscores", "x".repeat(63), "A1_-_-"])(
    "carry their dealer %s, parsed back from the end",
    (dealerId) => {
      const token = newManageToken(dealerId);
      expect(token).toMatch(new RegExp(`^${dealerId}_[A-Za-z0-9_-]{43}$`));
      expect(token.length).toBeLessThanOrEqual(120); // the route's ManageTokenParam bound
      expect(dealerOfManageToken(token)).toBe(dealerId);
    },
  );

  it.each(["roma-est", "a", "dealer_with_underscores", "x".repeat(63), "A1_-_-"])(
    "that name their appointment carry their dealer %s the same way, and the id comes back",
    (dealerId) => {
      const id = newId();
      const token = manageTokenFor(dealerId, id);
      expect(token).toMatch(new RegExp(`^${dealerId}_[A-Za-z0-9_-]{43}$`));
      expect(dealerOfManageToken(token)).toBe(dealerId);
      expect(appointmentIdOfManageToken(token)).toBe(id);
    },
  );

  it("that name the same appointment still differ in their fresh random tail", () => {
    const id = newId();
    const tails = new Set(Array.from({ length: 1000 }, () => manageTokenFor("d", id).slice(-21)));
    expect(tails.size).toBe(1000);
  });

  it("are unguessable: 256 fresh random bits each time", () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => newManageToken("d").slice(-43)));
    expect(secrets.size).toBe(1000);
  });

  it.each([
    ["a token without a dealer (minted before the prefix)", "A".repeat(43)],
    ["no separator before the secret", "roma" + "A".repeat(44)],
    ["an empty dealer", "_" + "A".repeat(43)],
    ["a dealer id that is not an id", "-roma_" + "A".repeat(43)],
    ["a too-long dealer id", "x".repeat(64) + "_" + "A".repeat(43)],
    ["anything short", "abc"],
  ])("name no dealer for %s", (_, token) => {
    expect(dealerOfManageToken(token)).toBeNull();
  });
});

describe("isDealerId", () => {
  it("agrees with the API's Id schema", () => {
    const samples = [
      "roma",
      "R",
      "9-a_b",
      "-roma",
      "_roma",
      "roma!",
      "ro ma",
      "",
      "x".repeat(63),
      "x".repeat(64),
      "ünì",
      "a/b",
      "a%2Fb",
    ];
    for (const s of samples) expect(isDealerId(s), s).toBe(Id.safeParse(s).success);
  });
});

describe("routeOf", () => {
  it.each([
    ["GET", "/v1/dealers/roma", { to: "dealer", dealerId: "roma" }],
    ["PUT", "/v1/dealers/roma", { to: "dealer", dealerId: "roma" }],
    ["POST", "/v1/dealers/roma/appointments", { to: "dealer", dealerId: "roma" }],
    ["GET", "/v1/dealers/ro%6Da/days/2026-11-25", { to: "dealer", dealerId: "roma" }], // as hono decodes it
    ["DELETE", "/v1/dealers/roma/api-keys/key_1", { to: "dealer", dealerId: "roma" }],
    ["OPTIONS", "/v1/dealers/roma/availability", { to: "dealer", dealerId: "roma" }],
    ["GET", `/v1/manage/${"roma_" + "A".repeat(43)}`, { to: "dealer", dealerId: "roma" }],
    ["POST", `/v1/manage/${"roma_" + "A".repeat(43)}/cancel`, { to: "dealer", dealerId: "roma" }],
    ["GET", "/book/roma", { to: "dealer", dealerId: "roma" }], // the hosted booking page reads the dealer
    ["GET", `/m/${"roma_" + "A".repeat(43)}`, { to: "dealer", dealerId: "roma" }], // the customer's page
    ["GET", `/m/${"A".repeat(43)}`, { to: "edge" }], // no dealer in it: the page's 404
    ["GET", `/book/${"x".repeat(64)}`, { to: "edge" }], // not an id: the page's 404
    ["GET", "/bookings/roma", { to: "edge" }],
    ["GET", "/manage.js", { to: "edge" }],
    ["POST", "/v1/admin/tick", { to: "tick" }],
    ["GET", "/v1/admin/tick", { to: "edge" }],
    ["GET", "/health", { to: "edge" }],
    ["GET", "/openapi.json", { to: "edge" }],
    ["GET", "/docs", { to: "edge" }],
    ["GET", "/v1/dealers", { to: "edge" }],
    ["GET", "/v1/dealers/", { to: "edge" }],
    ["GET", `/v1/dealers/${"x".repeat(64)}`, { to: "edge" }], // not an id: the app's 400
    ["GET", "/v1/dealers/%E0%A4%A", { to: "edge" }], // undecodable
    ["GET", `/v1/manage/${"A".repeat(43)}`, { to: "edge" }], // no dealer in it: the app's 404
  ])("%s %s → %j", (method, path, route) => {
    expect(routeOf(method, path)).toEqual(route);
  });
});
