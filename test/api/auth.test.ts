import { OpenAPIHono } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { adminOnly, authenticate, optionalCaller } from "../../src/api/auth.js";
import type { AppEnv, Services } from "../../src/api/deps.js";
import { installErrorHandlers } from "../../src/api/error-handlers.js";
import { ADMIN_TOKEN } from "../support/app.js";

const deps = { adminToken: ADMIN_TOKEN };

describe("authenticate", () => {
  it.each([
    [`Bearer ${ADMIN_TOKEN}`, "root"],
    [`bearer ${ADMIN_TOKEN}`, "root"],
    [`Bearer  ${ADMIN_TOKEN} `, "root"],
    [`Bearer ${ADMIN_TOKEN}x`, null],
    [`Bearer ${ADMIN_TOKEN.toUpperCase()}`, null],
    [`Token ${ADMIN_TOKEN}`, null],
    [ADMIN_TOKEN, null],
    [undefined, null],
  ])("reads %j as %s", (header, kind) => {
    expect(authenticate(deps, header)?.kind ?? null).toBe(kind);
  });

  it("never authenticates anyone when the configured token is empty", () => {
    expect(authenticate({ adminToken: "" }, "Bearer ")).toBeNull();
  });
});

describe("route guards", () => {
  const app = new OpenAPIHono<AppEnv>();
  installErrorHandlers(app, () => {});
  // The guards read the credentials' store from the app's services, as the edge sets them.
  app.use("*", async (c, next) => {
    c.set("services", deps as Services);
    await next();
  });
  app.get("/v1/dealers/:dealerId/admin", adminOnly, (c) => c.json({ who: c.get("principal")?.kind ?? "anonymous" }));
  app.get("/v1/dealers/:dealerId/book", optionalCaller, (c) =>
    c.json({ who: c.get("principal")?.kind ?? "anonymous" }),
  );
  const call = async (path: string, authorization?: string) => {
    const res = await app.request(path, { headers: authorization ? { Authorization: authorization } : {} });
    return { status: res.status, body: (await res.json()) as any };
  };

  it.each([
    ["adminOnly", "admin", undefined, 401, undefined],
    ["adminOnly", "admin", "Bearer wrong", 401, undefined],
    ["adminOnly", "admin", `Bearer ${ADMIN_TOKEN}`, 200, "root"],
    ["optionalCaller", "book", undefined, 200, "anonymous"],
    ["optionalCaller", "book", "Bearer wrong", 401, undefined],
    ["optionalCaller", "book", `Bearer ${ADMIN_TOKEN}`, 200, "root"],
  ])("%s with Authorization %j answers %i", async (_, leaf, header, status, who) => {
    const r = await call(`/v1/dealers/demo/${leaf}`, header);
    expect(r.status).toBe(status);
    if (who) expect(r.body.who).toBe(who);
    else expect(r.body.code).toBe("unauthorized");
  });
});
