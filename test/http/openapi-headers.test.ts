import { describe, expect, it } from "vitest";
import { type Api, auth, booking, freshDealers, inProcessPerFile } from "../support/http.js";

// The OpenAPI document names the headers the answers carry, beside the bodies: a client
// generated from it reads the booking's Location and ETag, the replay marker and when to
// come back after a 429 or a 503. It named none but a redirect's Location (an API review).
// Each documented header is also checked on a real answer.

const t = inProcessPerFile();
const api: Api = (...args) => t.api(...args);
const dealer = freshDealers(api, "openapi-headers");

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
};
const doc = async () => (await (await api("GET", "/openapi.json")).json()) as Doc;
const headersOf = (d: Doc, path: string, method: string, status: string) =>
  Object.keys(d.paths[path][method].responses[status].headers ?? {}).sort();

describe("response headers in the OpenAPI document", () => {
  it.each([
    [
      "a booking's 201",
      "/v1/dealers/{dealerId}/appointments",
      "post",
      "201",
      ["ETag", "Idempotent-Replayed", "Location"],
    ],
    ["an appointment's GET", "/v1/dealers/{dealerId}/appointments/{id}", "get", "200", ["ETag"]],
    [
      "a move (If-Match, Idempotency-Key)",
      "/v1/dealers/{dealerId}/appointments/{id}",
      "patch",
      "200",
      ["ETag", "Idempotent-Replayed"],
    ],
    ["the search's 429", "/v1/dealers/{dealerId}/availability", "post", "429", ["Retry-After"]],
    ["a booking's 503", "/v1/dealers/{dealerId}/appointments", "post", "503", ["Retry-After"]],
  ])("%s: %s %s %s names them", async (_, path, method, status, names) => {
    expect(headersOf(await doc(), path, method, status)).toEqual(names);
  });

  it("and a booking's answer carries them", async () => {
    const d = await dealer();
    // The same booking sent twice with one Idempotency-Key: the second is the replay.
    const post = () =>
      api("POST", `/v1/dealers/${d}/appointments`, booking({ start: "2026-11-25T10:00", advisorId: "anna" }), {
        ...auth,
        "Idempotency-Key": "openapi-headers-1",
      });
    const res = await post();
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(res.headers.get("location")).toMatch(new RegExp(`^/v1/dealers/${d}/appointments/`));
    const again = await post();
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });
});
