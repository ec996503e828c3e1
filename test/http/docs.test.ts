import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unflag } from "../../src/api/openapi-regex.js";
import { json } from "../support/contracts.js";

/** The members of the OpenAPI document this test reads. */
type DocSubset = {
  openapi: string;
  info: { title: string };
  paths: Record<
    string,
    Record<
      string,
      {
        security?: unknown;
        requestBody: { content: Record<string, { schema: unknown }> };
        responses: Record<string, { content: Record<string, unknown> }>;
      }
    >
  >;
  components: { schemas: Record<string, { additionalProperties?: unknown }>; securitySchemes: Record<string, unknown> };
};
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

describe("/openapi.json", () => {
  it("is an OpenAPI 3.1 document describing the dealer endpoints", async () => {
    const res = await t.request("/openapi.json");
    expect(res.status).toBe(200);
    const doc = await json<DocSubset>(res);
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Pitlane API");
    const dealer = doc.paths["/v1/dealers/{dealerId}"];
    expect(dealer.put.security).toEqual([{ bearerAuth: [] }]);
    expect(dealer.put.requestBody.content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/DealerConfig",
    });
    expect(dealer.get.responses["404"].content["application/problem+json"]).toBeDefined();
    expect(doc.components.schemas.DealerConfig.additionalProperties).toBe(false);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("contains only flag-free regex patterns that accept what the server accepts", async () => {
    const text = await (await t.request("/openapi.json")).text();
    const patterns = [...text.matchAll(/"pattern":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) expect(p).not.toMatch(/\/[a-z]+$/);
    const id = patterns.find((p) => p.includes("{0,62}"))!;
    expect(new RegExp(id).test("Roma_Est-2")).toBe(true);
  });
});

describe("/docs", () => {
  it("is a self-contained HTML page listing every operation", async () => {
    const res = await t.request("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain("Pitlane API");
    expect(html).toMatch(/PUT<\/span> <code>\/v1\/dealers\/\{dealerId\}/);
    expect(html).toMatch(/GET<\/span> <code>\/v1\/dealers\/\{dealerId\}/);
    expect(html).toContain("DealerConfig");
    // Nothing loaded from elsewhere: no scripts at all, no external stylesheets/images.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe)[^>]+(href|src)=["']?(https?:)?\/\//i);
  });
});

describe("pattern flag rewriting", () => {
  it.each([
    ["^[a-z0-9][a-z0-9_-]{0,62}$/i", "^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$"],
    ["^ab$/i", "^[aA][bB]$"],
    ["^\\d+$", "^\\d+$"],
    ["^x$/u", "^x$"],
  ])("rewrites %s as %s", (input, output) => {
    expect(unflag(input)).toBe(output);
  });
});
