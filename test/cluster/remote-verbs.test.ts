import { Agent } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessLineOf, type Answer, connectionTo, send, writerPid } from "../support/cluster-client.js";
import { type SpawnedServer, spawnServer } from "../support/server.js";
import type { AvailabilityResponse } from "../support/contracts.js";
import { ADMIN_TOKEN, availability, booking, romeDealer } from "../support/http.js";

// WORKERS=2 (src/api/remote-verbs.ts): worker 1 does a booking's HTTP and the writer runs
// the verb. The answers must be the writer's own, whoever the caller is: the same body for
// the same Idempotency-Key from either side, the same refusal, the same trust in the caller.
// And when the writer is down, worker 1 books itself (SQLite serialises it).

const DEALER = "roma";
const STAFF = { Authorization: `Bearer ${ADMIN_TOKEN}` };
let server: SpawnedServer;
let slots: AvailabilityResponse["options"];
beforeAll(async () => {
  server = await spawnServer({
    env: { SEED_DEMO: "0", RATE_LIMITS: "off", MAX_ACTIVE_BOOKINGS_PER_CONTACT: "0", WORKERS: "2" },
  });
  const agent = new Agent();
  expect((await send(server, agent, "PUT", `/v1/dealers/${DEALER}`, romeDealer(), STAFF)).status).toBe(201);
  const search = await send(server, agent, "POST", `/v1/dealers/${DEALER}/availability`, availability({ count: 8 }));
  slots = (JSON.parse(search.body) as AvailabilityResponse).options;
  expect(slots.length).toBe(8);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/** One booking request over a fresh connection that `worker` serves. */
async function bookOn(worker: number, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const { agent } = await connectionTo(server, worker);
  const answer = await send(server, agent, "POST", `/v1/dealers/${DEALER}/appointments`, body, headers);
  agent.destroy();
  expect((await accessLineOf(server, answer.requestId)).worker).toBe(worker);
  return answer;
}
const slot = (i: number) => ({ start: slots[i].start, advisorId: slots[i].advisorId });
/** A problem's body without what differs per request. */
const problemOf = (a: Answer) => {
  const { requestId, ...rest } = JSON.parse(a.body);
  return rest;
};

describe("a booking that worker 1 takes and the writer runs", () => {
  it("is run by the writer (the access log says so) and answers as the writer would", async () => {
    const viaWorker = await bookOn(1, booking(slot(0)));
    expect(viaWorker.status).toBe(201);
    expect((await accessLineOf(server, viaWorker.requestId)).writtenBy).toBe("writer");
    expect(viaWorker.headers.location).toBe(`/v1/dealers/${DEALER}/appointments/${JSON.parse(viaWorker.body).id}`);
    expect(viaWorker.headers.etag).toBe('"1"');
    const direct = await bookOn(0, booking(slot(1)));
    expect(direct.status).toBe(201);
    expect(Object.keys(JSON.parse(viaWorker.body)).sort()).toEqual(Object.keys(JSON.parse(direct.body)).sort());
  });

  it.each([
    ["worker 1, then the writer", 1, 0],
    ["the writer, then worker 1", 0, 1],
  ])("replays the same answer for the same Idempotency-Key (%s)", async (_name, first, second) => {
    const key = `remote-verbs-${first}-${second}`;
    const body = booking(slot(first === 1 ? 2 : 3));
    const a = await bookOn(first, body, { "Idempotency-Key": key });
    const b = await bookOn(second, body, { "Idempotency-Key": key });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers["idempotent-replayed"]).toBe("true");
    expect(JSON.parse(b.body)).toEqual(JSON.parse(a.body));
    // Another body under the same key is refused alike from either side.
    const other = booking(slot(4));
    const c = await bookOn(first, other, { "Idempotency-Key": key });
    const d = await bookOn(second, other, { "Idempotency-Key": key });
    expect(c.status).toBe(422);
    expect(problemOf(d)).toEqual(problemOf(c));
  });

  it("refuses a taken slot with the writer's violations and alternatives", async () => {
    const taken = booking(slot(0));
    const viaWorker = await bookOn(1, taken);
    const direct = await bookOn(0, taken);
    expect(viaWorker.status).toBe(409);
    expect(problemOf(viaWorker)).toEqual(problemOf(direct));
    expect(problemOf(viaWorker).alternatives.length).toBeGreaterThanOrEqual(2);
  });

  it("believes the caller what its credential says, no more", async () => {
    const mc20 = (i: number) => booking(slot(i), { vehicle: { model: "MC20", vin: `ZN6XXXXXXXX00010${i}` } });
    const anonymous = JSON.parse((await bookOn(1, mc20(5))).body);
    expect(anonymous.priority).not.toBe(true);
    expect(anonymous.priorityNote).toEqual(expect.any(String));
    const staff = JSON.parse((await bookOn(1, mc20(6), STAFF)).body);
    expect(staff.priority).toBe(true);
  });

  it("is booked by worker 1 itself while the writer is down", async () => {
    const writer = writerPid(server);
    process.kill(writer, "SIGKILL");
    // Only once the primary knows: a connection dealt to the dying process would hang.
    while (!server.stdoutLines().some((l) => l.includes("worker died; restarting it")))
      await new Promise((r) => setTimeout(r, 10));
    // Every new connection goes to worker 1 now (the primary restarts the writer after 1 s).
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const search = await send(server, agent, "POST", `/v1/dealers/${DEALER}/availability`, availability());
    const [free] = (JSON.parse(search.body) as AvailabilityResponse).options;
    const body = booking({ start: free.start, advisorId: free.advisorId });
    const answer = await send(server, agent, "POST", `/v1/dealers/${DEALER}/appointments`, body);
    agent.destroy();
    expect(answer.status, answer.body).toBe(201);
    const line = await accessLineOf(server, answer.requestId);
    expect(line.worker).toBe(1);
    expect(line.writtenBy).toBe("here");
  });
});
