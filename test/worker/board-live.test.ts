import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../support/server.js";
import { auth, book, booking, fetchApi, putDealer, romeDealer, search } from "../support/http.js";

// The advisors' page on the Worker (local workerd): the shell and its bundle are served,
// an API key buys a session cookie in the dealer's Durable Object, and the live feed
// streams from that object: a booking made through the API reaches an open stream.

let server: SpawnedServer;
beforeAll(async () => {
  server = await spawnServer({ runtime: "worker", env: { SEED_DEMO: "0", RATE_LIMITS: "off" } });
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

/** Resolves with the first `event:` name after `ready` that the stream carries, or null at the deadline. */
async function nextEvent(body: ReadableStream<Uint8Array>, names: string[], ms: number): Promise<string[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const seen: string[] = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && seen.length < names.length) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
    ]);
    if (chunk === null || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
    seen.splice(0, seen.length, ...[...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]));
  }
  return seen;
}

describe("the advisors' page on the Worker", () => {
  it("serves the page's shell and its bundle", async () => {
    const page = await fetch(`${server.baseUrl}/board`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('src="/board.js"');
    const js = await fetch(`${server.baseUrl}/board.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect((await js.text()).length).toBeGreaterThan(1000);
  });

  it("signs in with a key, and a booking reaches the session's live stream within 2 s", async () => {
    const api = fetchApi(server.baseUrl);
    await putDealer(api, "rome", romeDealer());
    const key = (await (
      await api("POST", "/v1/dealers/rome/api-keys", { role: "advisor", label: "desk" }, auth)
    ).json()) as { secret: string };
    const origin = { Origin: server.baseUrl };

    const signIn = await api("POST", "/v1/board/session", { dealerId: "rome", key: key.secret }, origin);
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(cookie).toMatch(/pitlane_board=/);
    // The page reloads: who am I? (the edge finds the dealer's object again)
    const me = await api("GET", "/v1/board/session", undefined, { Cookie: cookie });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { dealerId: string }).dealerId).toBe("rome");

    const stream = await fetch(`${server.baseUrl}/v1/dealers/rome/events`, {
      headers: { Cookie: cookie, Accept: "text/event-stream" },
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = nextEvent(stream.body!, ["ready", "change"], 20_000);
    await new Promise((r) => setTimeout(r, 300)); // let `ready` through first
    const option = (await search(api, "rome")).options[0];
    const booked = Date.now();
    await book(api, "rome", booking({ start: option.start, advisorId: option.advisorId }));
    const seen = await events;
    expect(seen).toEqual(["ready", "change"]);
    expect(Date.now() - booked).toBeLessThan(2_000);
    await stream.body!.cancel().catch(() => {});

    const out = await api("DELETE", "/v1/board/session", undefined, { Cookie: cookie, ...origin });
    expect(out.status).toBe(204);
    expect((await api("GET", "/v1/board/session", undefined, { Cookie: cookie })).status).toBe(401);
  }, 60_000);
});
