import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import type { SpawnedServer } from "./server.js";

// Clients of a WORKERS=2 server (test/cluster/): keep-alive connections one can pin to a
// worker, and which worker answered, read off the access log (a cluster's lines name it).

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  /** The client's port: the same number means the same TCP connection. */
  port: number;
  requestId: string;
}

export function send(
  server: SpawnedServer,
  agent: Agent,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return new Promise<Answer>((ok, fail) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const r = request(
      new URL(path, server.baseUrl),
      { agent, method, headers: { ...(text ? { "Content-Type": "application/json" } : {}), ...headers } },
      (res) => {
        const port = res.socket.localPort!; // the agent takes the socket back at the end
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (data += c));
        res.on("end", () =>
          ok({
            status: res.statusCode!,
            body: data,
            headers: res.headers,
            port,
            requestId: String(res.headers["x-request-id"]),
          }),
        );
      },
    );
    r.on("error", fail);
    r.end(text);
  });
}

/** The access-log line of this request (lines leave a turn after the answer). */
export async function accessLineOf(server: SpawnedServer, requestId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const line = server.stdoutLines().find((l) => l.includes('"msg":"request"') && l.includes(requestId));
    if (line) return JSON.parse(line);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no access-log line for ${requestId}`);
}

export const workerOf = async (server: SpawnedServer, requestId: string) =>
  (await accessLineOf(server, requestId)).worker as number;

/** A keep-alive connection (one socket) that `worker` serves. */
export async function connectionTo(server: SpawnedServer, worker: number): Promise<{ agent: Agent; port: number }> {
  for (let i = 0; i < 20; i++) {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const first = await send(server, agent, "GET", "/health");
    if ((await workerOf(server, first.requestId)) === worker) return { agent, port: first.port };
    agent.destroy();
  }
  throw new Error(`the primary never dealt a connection to worker ${worker}`);
}

/** The pid of the server's writer (worker 0), read off its children's environments. */
export function writerPid(server: SpawnedServer): number {
  const pid = execFileSync("ps", ["-o", "pid=", "--ppid", String(server.child.pid)], { encoding: "utf8" })
    .trim()
    .split(/\s+/)
    .find((p) => {
      try {
        return readFileSync(`/proc/${p}/environ`, "utf8").includes("PITLANE_WORKER_INDEX=0");
      } catch {
        return false; // gone already (tsx's esbuild child, say)
      }
    });
  if (!pid) throw new Error("no writer among the server's children");
  return Number(pid);
}
