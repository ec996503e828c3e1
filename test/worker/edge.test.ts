import { describe, expect, it } from "vitest";
import { appointmentIdOfManageToken } from "../../src/scheduler/tokens.js";
import { useSpawnedTarget } from "../acceptance/target.js";
import { type CreatedApiKey, type DocPaths, json } from "../support/contracts.js";
import {
  auth,
  availability,
  book,
  booking,
  expectProblem,
  putDealer,
  romeDealer,
  search,
  snapshot,
} from "../support/http.js";

// What only the Worker has to get right (the shared behaviour is test/acceptance/): the
// edge sends each request to the right place, unknown dealers leave no storage behind,
// manage links find their dealer's object by the token alone, API keys live with their
// dealer, and over-long bodies are cut to a stand-in at the edge, which the app refuses with 413.

const worker = useSpawnedTarget("worker");
const api = (...args: Parameters<ReturnType<typeof worker.target>["api"]>) => worker.target().api(...args);
const WED = "2026-11-25";

/** Stores that hold a schema, i.e. objects that ever wrote, with their rows. */
const stored = () => ({
  stores: worker.target().store.prepare("SELECT count(*) AS n FROM dealers").all().length,
  rows: snapshot(worker.target().store),
});

describe("the edge Worker", () => {
  it("serves /health, /openapi.json and /docs itself, from the same app", async () => {
    expect(await (await api("GET", "/health")).json()).toEqual({ ok: true });
    const doc = await json<{ paths: DocPaths }>(await api("GET", "/openapi.json"));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/v1/dealers/{dealerId}/appointments", "/v1/manage/{token}", "/v1/admin/tick"]),
    );
    const docs = await api("GET", "/docs");
    expect(docs.headers.get("content-type")).toMatch(/^text\/html/);
    await expectProblem(await api("GET", "/v1/nowhere"), 404, "not_found");
  });

  it("refuses a malformed dealer id with the app's 400, without any object", async () => {
    const before = stored();
    const problem = await expectProblem(await api("GET", `/v1/dealers/${"x".repeat(70)}`), 400, "validation_failed");
    expect(problem.errors).toContainEqual(expect.objectContaining({ path: "dealerId", in: "path" }));
    expect(stored()).toEqual(before);
  });

  it("answers every request about a dealer that does not exist with 404, storing nothing", async () => {
    await putDealer(api, "exists", romeDealer()); // so that there is something to compare
    const before = stored();
    await expectProblem(await api("GET", "/v1/dealers/ghost"), 404, "not_found");
    await expectProblem(await api("POST", "/v1/dealers/ghost/availability", availability()), 404, "not_found");
    await expectProblem(
      await api("POST", "/v1/dealers/ghost/appointments", booking({ start: `${WED}T10:00` })),
      404,
      "not_found",
    );
    await expectProblem(await api("GET", `/v1/dealers/ghost/days/${WED}`, undefined, auth), 404, "not_found");
    await expectProblem(
      await api("POST", "/v1/dealers/ghost/api-keys", { role: "advisor", label: "x" }, auth),
      404,
      "not_found",
    );
    // A creation that fails validation creates nothing either.
    await expectProblem(await api("PUT", "/v1/dealers/ghost", { name: "Ghost" }, auth), 400, "validation_failed");
    expect(stored()).toEqual(before);
  });

  it("routes a manage link to its dealer's object by the token alone", async () => {
    await putDealer(api, "manage-a", romeDealer());
    await putDealer(api, "manage_b-2", romeDealer()); // "_" in a dealer id: the token is parsed from its end
    const [a, b] = await Promise.all(
      ["manage-a", "manage_b-2"].map(async (d) =>
        book(api, d, booking({ optionId: (await search(api, d)).options[0].optionId })),
      ),
    );
    expect(a.manageToken!.startsWith("manage-a_")).toBe(true);
    // The Worker books with the token that names its appointment (scheduler/tokens.ts), as Node
    // does: the lookups below go by primary key there too, not by the older hash index.
    for (const x of [a, b]) expect(appointmentIdOfManageToken(x.manageToken!)).toBe(x.id);
    expect(await (await api("GET", `/v1/manage/${a.manageToken}`)).json()).toMatchObject({
      id: a.id,
      dealerId: "manage-a",
    });
    expect(await (await api("GET", `/v1/manage/${b.manageToken}`)).json()).toMatchObject({
      id: b.id,
      dealerId: "manage_b-2",
    });
    expect((await api("GET", `/v1/manage/${b.manageToken}/calendar.ics`)).status).toBe(200);
    // The pages read the dealer's storage too: a browser following an old JSON link is sent
    // on to the customer's page, which (like the booking page) its dealer's object answers.
    const page = await api("GET", `/v1/manage/${b.manageToken}`, undefined, { Accept: "text/html" });
    expect(page.url).toMatch(new RegExp(`/m/${b.manageToken}$`));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain('id="pitlane-manage"');
    const bookPage = await api("GET", "/book/manage-a");
    expect(bookPage.status).toBe(200);
    expect(await bookPage.text()).toContain('dealer="manage-a"');

    const before = stored();
    // Another dealer's prefix on a valid secret, a made-up dealer, no prefix at all: 404s.
    const secret = a.manageToken!.slice(-43);
    for (const token of [`manage_b-2_${secret}`, `ghost_${secret}`, secret]) {
      await expectProblem(await api("GET", `/v1/manage/${token}`), 404, "not_found");
    }
    expect(stored()).toEqual(before);

    expect(await (await api("POST", `/v1/manage/${a.manageToken}/cancel`, {})).json()).toMatchObject({
      status: "cancelled",
    });
  });

  it("ignores a client's routing header: the path decides the dealer", async () => {
    await putDealer(api, "route-a", romeDealer());
    const res = await api("GET", "/v1/dealers/route-a", undefined, { "x-pitlane-dealer": "someone-else" });
    expect(await res.json()).toMatchObject({ id: "route-a" });
  });

  it("keeps API keys with their dealer: valid there at once, revoked at once, unknown elsewhere (401)", async () => {
    await putDealer(api, "keys-a", romeDealer());
    await putDealer(api, "keys-b", romeDealer());
    const created = await api("POST", "/v1/dealers/keys-a/api-keys", { role: "advisor", label: "desk" }, auth);
    expect(created.status).toBe(201);
    const key = await json<CreatedApiKey>(created);
    const bearer = { Authorization: `Bearer ${key.secret}` };
    expect((await api("GET", `/v1/dealers/keys-a/days/${WED}`, undefined, bearer)).status).toBe(200);
    // Node answers 404 here (the key is known, the dealer is not its own). Keys live in
    // their dealer's object, so another dealer's object does not know it: 401, which
    // equally tells nothing about whether keys-b exists (README "Cloudflare Workers").
    await expectProblem(await api("GET", `/v1/dealers/keys-b/days/${WED}`, undefined, bearer), 401, "unauthorized");
    await expectProblem(await api("GET", `/v1/dealers/nobody/days/${WED}`, undefined, bearer), 401, "unauthorized");
    expect((await api("DELETE", `/v1/dealers/keys-a/api-keys/${key.id}`, undefined, auth)).status).toBe(200);
    await expectProblem(await api("GET", `/v1/dealers/keys-a/days/${WED}`, undefined, bearer), 401, "unauthorized");
  });

  it.each(["Content-Length", "chunked"])(
    "refuses a body over 32 KB sent with %s with 413, storing nothing",
    async (framing) => {
      await putDealer(api, "big", romeDealer());
      const before = stored();
      const bytes = new TextEncoder().encode(JSON.stringify(romeDealer({ address: "x".repeat(33 * 1024) })));
      const body =
        framing === "chunked"
          ? new ReadableStream({
              start(c) {
                for (let i = 0; i < bytes.length; i += 4096) c.enqueue(bytes.subarray(i, i + 4096));
                c.close();
              },
            })
          : bytes;
      const res = await fetch(`${worker.server().baseUrl}/v1/dealers/big`, {
        method: "PUT",
        headers: { ...auth, "Content-Type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit);
      await expectProblem(res, 413, "payload_too_large");
      expect(stored()).toEqual(before);
    },
  );
});
