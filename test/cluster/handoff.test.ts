import { Agent } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionTo, send, workerOf, writerPid } from "../support/cluster-client.js";
import { type SpawnedServer, spawnServer } from "../support/server.js";
import type { AvailabilityResponse } from "../support/contracts.js";
import { ADMIN_TOKEN, availability, booking, romeDealer } from "../support/http.js";

// WORKERS=2 (src/node/handoff.ts): a keep-alive connection moves to where its writes cost
// least, and the client notices nothing: same TCP connection, every answer arrives.
//  - after a write worker 1 forwarded to the writer over HTTP (a hold): to the writer;
//  - after a booking the writer served itself: to worker 1, which sends the writer only
//    the verb call (api/remote-verbs.ts).

const DEALER = "roma";
let server: SpawnedServer;
beforeAll(async () => {
  server = await spawnServer({
    env: { SEED_DEMO: "0", RATE_LIMITS: "off", MAX_ACTIVE_BOOKINGS_PER_CONTACT: "0", WORKERS: "2" },
  });
  const put = await send(server, new Agent(), "PUT", `/v1/dealers/${DEALER}`, romeDealer(), {
    Authorization: `Bearer ${ADMIN_TOKEN}`,
    Connection: "close",
  });
  expect(put.status).toBe(201);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const health = (agent: Agent) => send(server, agent, "GET", "/health");
const hold = (agent: Agent, body: unknown, headers?: Record<string, string>) =>
  send(server, agent, "POST", `/v1/dealers/${DEALER}/holds`, body, headers);
const book = (agent: Agent, body: unknown) => send(server, agent, "POST", `/v1/dealers/${DEALER}/appointments`, body);

describe("a keep-alive connection in a cluster", () => {
  it("moves from worker 1 to the writer after a write forwarded there, on the same TCP connection", async () => {
    const { agent, port } = await connectionTo(server, 1);
    const refused = await hold(agent, { unknownField: 1 }); // forwarded: the writer answers it
    expect(refused.status).toBe(400);
    expect(await workerOf(server, refused.requestId)).toBe(0);
    const after = await health(agent);
    expect(after.port).toBe(port);
    expect(await workerOf(server, after.requestId)).toBe(0);
    agent.destroy();
  });

  it("moves from the writer to worker 1 after a booking, and its next booking runs in the writer as a verb call", async () => {
    const { agent, port } = await connectionTo(server, 0);
    const slots = (
      JSON.parse(
        (await send(server, agent, "POST", `/v1/dealers/${DEALER}/availability`, availability({ count: 2 }))).body,
      ) as AvailabilityResponse
    ).options;
    expect(slots.length).toBeGreaterThanOrEqual(2);
    const first = await book(agent, booking({ start: slots[0].start, advisorId: slots[0].advisorId }));
    expect(first.status).toBe(201);
    expect(await workerOf(server, first.requestId)).toBe(0);

    const after = await health(agent);
    expect(after.port).toBe(port);
    expect(await workerOf(server, after.requestId)).toBe(1);
    const second = await book(agent, booking({ start: slots[1].start, advisorId: slots[1].advisorId }));
    expect(second.status).toBe(201);
    expect(second.port).toBe(port);
    expect(await workerOf(server, second.requestId)).toBe(1);
    agent.destroy();
  });

  it("stays where it is while the next request has begun to arrive (a pipelining client)", async () => {
    // One TCP connection to worker 1: a write it forwards, then the first half of the
    // next request at once, its second half later. Handed over now, the half already in
    // worker 1's parser would be lost with it.
    const text = await new Promise<string>((done, fail) => {
      const tryOnce = (left: number) => {
        const c = connect(new URL(server.baseUrl).port as unknown as number, "127.0.0.1");
        let data = "";
        let probed = false;
        c.setEncoding("utf8");
        c.on("error", fail);
        c.on("data", async (chunk: string) => {
          data += chunk;
          if (probed || !data.includes("\r\n\r\n")) return;
          probed = true;
          const id = /x-request-id: (\S+)/i.exec(data)?.[1] ?? "";
          if ((await workerOf(server, id)) !== 1) {
            c.destroy();
            return left > 0 ? tryOnce(left - 1) : fail(new Error("never reached worker 1"));
          }
          data = "";
          const hold = JSON.stringify({ unknownField: 1 });
          c.write(
            `POST /v1/dealers/${DEALER}/holds HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${hold.length}\r\n\r\n${hold}GET /hea`,
          );
          setTimeout(() => c.write("lth HTTP/1.1\r\nHost: x\r\n\r\n"), 500);
          setTimeout(() => {
            c.destroy();
            done(data);
          }, 1500);
        });
        c.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
      };
      tryOnce(20);
    });
    expect([...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1])).toEqual(["400", "200"]);
  });

  it("answers a client that asked to close its connection, and its next connection works", async () => {
    const { agent } = await connectionTo(server, 1);
    const refused = await hold(agent, {}, { Connection: "close" });
    expect(refused.status).toBe(400);
    // A new connection; the primary deals it to either worker. Nothing breaks.
    expect((await health(agent)).status).toBe(200);
    agent.destroy();
  });

  it("loses no request when clients write and read back to back while their connections move both ways", async () => {
    // Each client sends its next request the moment an answer arrives, so requests reach
    // connections that are being handed over. A forwarded hold sends the connection to the
    // writer, a booking the writer answers sends it back: two moves a round. A request
    // read by the wrong process, or lost in between, shows as an error, a wrong status or
    // a new connection.
    const results = await Promise.all(
      Array.from({ length: 16 }, async () => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        const seen: string[] = [];
        const ports = new Set<number>();
        for (let i = 0; i < 10; i++) {
          const answers = [await hold(agent, { unknownField: i }), await health(agent)];
          answers.push(await book(agent, { unknownField: i }), await health(agent));
          seen.push(answers.map((a) => a.status).join(" "));
          for (const a of answers) ports.add(a.port);
        }
        agent.destroy();
        return { seen, connections: ports.size };
      }),
    );
    for (const r of results) {
      expect(r.seen).toEqual(Array(10).fill("400 200 400 200"));
      expect(r.connections).toBe(1);
    }
  }, 30_000);
});

describe("a writer whose primary dies while a connection it handed over waits for the primary's acknowledgement", () => {
  it("leaves all the same, instead of living on holding the database", async () => {
    // Node postpones a worker's 'disconnect' until the primary acknowledges a handle it
    // sent; a SIGKILLed primary never does. Stopping the primary first makes that window
    // certain: the writer books, hands the connection over, and waits.
    const own = await spawnServer({
      env: { SEED_DEMO: "0", RATE_LIMITS: "off", MAX_ACTIVE_BOOKINGS_PER_CONTACT: "0", WORKERS: "2" },
    });
    const primary = own.child.pid!;
    let writer: number | undefined;
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      const admin = { Authorization: `Bearer ${ADMIN_TOKEN}`, Connection: "close" };
      expect((await send(own, new Agent(), "PUT", `/v1/dealers/${DEALER}`, romeDealer(), admin)).status).toBe(201);
      const { agent } = await connectionTo(own, 0);
      writer = writerPid(own);
      const search = await send(own, agent, "POST", `/v1/dealers/${DEALER}/availability`, availability());
      const [free] = (JSON.parse(search.body) as AvailabilityResponse).options;
      process.kill(primary, "SIGSTOP");
      const body = booking({ start: free.start, advisorId: free.advisorId });
      const booked = await send(own, agent, "POST", `/v1/dealers/${DEALER}/appointments`, body);
      expect(booked.status).toBe(201);
      await new Promise((r) => setTimeout(r, 200)); // the handle is on its way to the stopped primary
      process.kill(primary, "SIGKILL");
      for (let i = 0; i < 100 && alive(writer); i++) await new Promise((r) => setTimeout(r, 50));
      expect(alive(writer)).toBe(false);
      agent.destroy();
    } finally {
      if (writer && alive(writer)) process.kill(writer, "SIGKILL");
      try {
        process.kill(primary, "SIGKILL");
      } catch {}
      await own.stop();
    }
  }, 60_000);
});
