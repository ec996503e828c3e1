import { Agent, createServer, request, type IncomingMessage, type Server } from "node:http";
import { unlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { getRequestListener, type HttpBindings } from "@hono/node-server";
import { isWrite, WRITER_UNAVAILABLE } from "../api/middleware/writer-unavailable.js";
import { type RemoteVerbs, type VerbReply, WriterUnreachable } from "../api/verb-call.js";
import type { LimitAnswer } from "../api/rate-limit.js";
import { VerbSocketError, verbClient } from "./verb-socket.js";
import { ownSocketOnly, privateSocketDir } from "./socket-dir.js";

// One writer per database file (WORKERS > 1). Every worker answers searches and reads
// itself; worker 0 also listens on a Unix socket, and the other workers forward every
// write request to it there, except bookings, which they serve themselves and send the
// writer as verb calls on a second socket (api/remote-verbs.ts). So one process commits (with group commit, db/group-commit.ts:
// one fsync for all the writes of a loop turn) instead of N processes queueing on SQLite's
// write lock, whose busy handler sleeps between attempts (the reason two processes booked
// at half the rate of one: issue 17).
//
// Trust: the client's address travels in CLIENT_HEADER, believed only on the Unix socket
// (a TCP peer that sends the header is ignored: its own address is used). The sockets live
// in a directory of this user's alone, named after the database path (node/socket-dir.ts),
// and are mode 0600 themselves.
//
// When the writer cannot be reached at all (restarting after a crash: ECONNREFUSED or
// ENOENT, nothing was sent), the worker writes itself, as before this change: SQLite
// serialises it. Any other failure after the request left answers 503 problem+json
// service_unavailable, because the write may have happened (the client's Idempotency-Key
// makes its retry safe).

export const CLIENT_HEADER = "x-pitlane-client-address";
/** How long a worker waits for the writer's answer to a forwarded write before answering 503. */
export const WRITER_TIMEOUT_MS = 15_000;
/** How long a worker keeps an idle connection to the writer for the next write. */
const FORWARD_IDLE_MS = 5_000;

export function writerSocketPath(databasePath: string): string {
  return join(privateSocketDir(databasePath), "writer.sock");
}

type Fetch = (req: Request, env: HttpBindings) => unknown;

/** The writer's socket for verb calls (node/verb-socket.ts), beside its HTTP socket. */
export function verbSocketPath(writerPath: string): string {
  return join(dirname(writerPath), "verbs.sock");
}

const BOOKINGS = /^\/v1\/dealers\/[^/]+\/appointments$/;

/** A booking: served by the worker that took it, run in the writer as a verb call (api/remote-verbs.ts). */
export function isBookingPath(method: string, path: string): boolean {
  return method === "POST" && BOOKINGS.test(path);
}

/** The worker's transport for verb calls. */
export function remoteVerbsAt(path: string): RemoteVerbs {
  const client = verbClient(path, WRITER_TIMEOUT_MS);
  const unreachable = (e: unknown) => {
    throw e instanceof VerbSocketError && e.kind === "unreachable" ? new WriterUnreachable() : e;
  };
  return {
    call: (verb, facts, input) =>
      client.call({ op: "verb", verb, facts, input }).then((reply) => reply as unknown as VerbReply, unreachable),
    take: (ask) =>
      client.call({ op: "take", ask }).then((reply) => {
        const { answer } = reply as { answer?: LimitAnswer };
        if (!answer) throw new Error("the writer is stopping"); // 503, not a verdict on the limits
        return answer;
      }, unreachable),
  };
}

/** The writer: serves every request itself; after a booking, `served` hears of it (node/handoff.ts). */
export function servingBookings(local: Fetch, served: (env: HttpBindings) => void): Fetch {
  return (req, env) => {
    if (req.method === "POST" && isBookingPath(req.method, new URL(req.url).pathname)) served(env);
    return local(req, env);
  };
}

/** Worker 0: the same app on the Unix socket. */
export function listenForWrites(path: string, fetch: Fetch): Promise<Server> {
  try {
    unlinkSync(path); // a socket file left by a killed writer
  } catch {}
  const server = createServer(getRequestListener(fetch as never));
  // Only the worker closes an idle connection (its agent, after FORWARD_IDLE_MS), never the
  // writer: with Node's 5 s keep-alive timeout here, a write forwarded on a socket the worker
  // had just reused was reset unread whenever the writer's loop was held (a commit's fsync
  // on a loaded disk) from its arrival past the socket's 5 s idle mark, and the worker
  // answered 503 to a write that never reached the writer. Only this machine's workers
  // reach the socket (mode 0600), and a worker that exits closes its own.
  server.keepAliveTimeout = 0;
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(path, () => {
      ownSocketOnly(path);
      ok(server);
    });
  });
}

/** The client address for rate limits: the header on the Unix socket, else the TCP peer. */
export function clientAddressOf(incoming: IncomingMessage): string {
  const peer = incoming.socket.remoteAddress;
  if (peer !== undefined) return peer;
  const forwarded = incoming.headers[CLIENT_HEADER];
  return typeof forwarded === "string" ? forwarded : "unknown";
}

/**
 * Other workers: fetch that forwards writes to the writer, and serves the rest locally.
 * `forwarded` hears of each write the writer answered (node/handoff.ts moves its connection);
 * `keepLocal` names the writes this worker serves itself (bookings, as verb calls).
 */
export function forwardingFetch(
  path: string,
  local: Fetch,
  forwarded?: (env: HttpBindings) => void,
  keepLocal?: (method: string, path: string) => boolean,
): Fetch {
  const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: FORWARD_IDLE_MS });
  return async (req, env) => {
    const url = new URL(req.url);
    if (!isWrite(req.method, url.pathname) || keepLocal?.(req.method, url.pathname)) return local(req, env);
    const body = Buffer.from(await req.arrayBuffer());
    const headers: Record<string, string> = {};
    req.headers.forEach((v, k) => {
      // Host is kept: the writer's same-origin checks (board sign-in, cookie writes) and
      // the URLs it builds must see the address the client used, not the Unix socket's.
      if (k !== "connection" && k !== "content-length" && k !== CLIENT_HEADER) headers[k] = v;
    });
    headers[CLIENT_HEADER] = env.incoming.socket.remoteAddress ?? "unknown";
    headers["content-length"] = String(body.length);
    try {
      const answer = await new Promise<Response>((ok, fail) => {
        const r = request(
          { socketPath: path, agent, method: req.method, path: url.pathname + url.search, headers },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("error", fail);
            res.on("end", () => {
              const out = new Headers();
              for (const [k, v] of Object.entries(res.headers)) {
                if (v === undefined || k === "connection" || k === "keep-alive" || k === "transfer-encoding") continue;
                if (Array.isArray(v)) for (const x of v) out.append(k, x);
                else out.set(k, v);
              }
              const status = res.statusCode ?? 502;
              ok(
                new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: out }),
              );
            });
          },
        );
        r.on("error", fail);
        // A writer that took the request and hangs (blocked, stopped) is not waited for forever.
        r.setTimeout(WRITER_TIMEOUT_MS, () =>
          r.destroy(Object.assign(new Error("the writer did not answer in time"), { code: "ETIMEDOUT" })),
        );
        r.end(body);
      });
      forwarded?.(env);
      return answer;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ECONNREFUSED" || code === "ENOENT")
        return local(new Request(req.url, { method: req.method, headers: req.headers, body }), env);
      // The app answers 503 service_unavailable (api/middleware/writer-unavailable.ts).
      return local(new Request(req.url, { method: req.method, headers: req.headers, body }), {
        ...env,
        [WRITER_UNAVAILABLE]: true,
      } as HttpBindings);
    }
  };
}
