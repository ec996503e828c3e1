import { connect, type Socket } from "node:net";
import type { Posted } from "./post-client.js";

// The write bench's default load generator: HTTP/1.1 keep-alive over plain sockets, one
// request at a time per socket (a closed loop, as the node:http client and fetch run it),
// with only what reading our server's answers needs: the status line, Content-Length or
// chunked framing, the body as text. Why: on the 2-core box the clients share the CPU with
// the server under test, and node:http's client (ClientRequest, IncomingMessage, header
// objects, stream events) spent ~100 µs of it per booking, 0.2 of a core at 2,000/s; this
// spends a fraction of that (bench:write prints the load generator's cores). The server
// sees the same requests byte for byte as from node:http: method, path, Host, the headers
// given, Content-Length, and a keep-alive connection. Like wrk, it is an instrument, so
// anything unexpected (a malformed answer, a closed socket) fails that request loudly as
// status 0 rather than guessing.

interface Waiting {
  ok: (p: Posted) => void;
  fail: (e: Error) => void;
}

/** One socket and what it has sent us so far. */
interface Open {
  socket: Socket;
  buffered: Buffer;
}

class Connection {
  private current: Open | null = null;
  private waiting: Waiting | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  post(request: string, body: string): Promise<Posted> {
    return new Promise((ok, fail) => {
      this.waiting = { ok, fail };
      // One write, one segment: headers and body split over two would cost the server a wake-up more.
      (this.current ?? this.open()).socket.write(request + body);
    });
  }

  close(): void {
    if (this.current) this.retire(this.current);
  }

  /** Done with a socket: nothing it says or does from now on touches a later request. */
  private retire(conn: Open): void {
    if (this.current === conn) this.current = null;
    conn.socket.destroy();
  }

  private open(): Open {
    const socket = connect(this.port, this.host);
    const conn: Open = { socket, buffered: Buffer.alloc(0) };
    socket.setNoDelay(true);
    // A server that stops answering must not hang the bench: the write counts as failed.
    socket.setTimeout(30_000, () => socket.destroy(new Error("no answer in 30 s")));
    socket.on("data", (chunk: Buffer) => {
      if (this.current !== conn) return; // a retired socket's late bytes
      conn.buffered = conn.buffered.length === 0 ? chunk : Buffer.concat([conn.buffered, chunk]);
      this.answer(conn);
    });
    // Trap: a socket's 'close' comes a tick or more after its 'error', when the next
    // request may already be waiting on a new socket; only the current socket's end fails
    // the waiting request.
    const lost = (e?: Error) => {
      if (this.current !== conn) return;
      this.current = null;
      const w = this.waiting;
      this.waiting = null;
      w?.fail(e ?? new Error("the server closed the connection"));
    };
    socket.on("error", lost);
    socket.on("end", () => lost());
    socket.on("close", () => lost());
    this.current = conn;
    return conn;
  }

  /** Settles the waiting request once its whole answer is buffered. */
  private answer(conn: Open): void {
    const w = this.waiting;
    if (!w) return;
    const fail = (why: string) => {
      this.waiting = null;
      this.retire(conn);
      w.fail(new Error(why));
    };
    const buffered = conn.buffered;
    const head = buffered.indexOf("\r\n\r\n");
    if (head < 0) return;
    const lines = buffered.toString("latin1", 0, head).split("\r\n");
    const status = Number(lines[0].slice(9, 12));
    let length = status === 204 || status === 304 ? 0 : -1; // no body, by definition
    let chunked = false;
    let closing = false;
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(":");
      const name = lines[i].slice(0, colon).toLowerCase();
      const value = lines[i]
        .slice(colon + 1)
        .trim()
        .toLowerCase();
      if (name === "content-length") length = Number(value);
      else if (name === "transfer-encoding") chunked = value === "chunked";
      else if (name === "connection") closing = value === "close";
    }
    const start = head + 4;
    let body: Buffer;
    let end: number;
    if (chunked) {
      const parts: Buffer[] = [];
      let at = start;
      for (;;) {
        const eol = buffered.indexOf("\r\n", at);
        if (eol < 0) return; // more to come
        const size = Number.parseInt(buffered.toString("latin1", at, eol), 16);
        if (!Number.isFinite(size)) return fail(`a chunk without a size (status ${status})`);
        if (buffered.length < eol + 2 + size + 2) return;
        if (size === 0) {
          end = eol + 4; // no trailers from our server
          break;
        }
        parts.push(buffered.subarray(eol + 2, eol + 2 + size));
        at = eol + 2 + size + 2;
      }
      body = Buffer.concat(parts);
    } else if (length >= 0) {
      if (buffered.length < start + length) return;
      body = buffered.subarray(start, start + length);
      end = start + length;
    } else {
      return fail(`an answer without Content-Length or chunked framing (status ${status})`);
    }
    const text = body.toString("utf8");
    conn.buffered = end === buffered.length ? Buffer.alloc(0) : buffered.subarray(end);
    this.waiting = null;
    // The server is closing this socket (stopping, its keep-alive timeout, a request
    // limit): the next request goes on a new one, as node:http's client does.
    if (closing) this.retire(conn);
    w.ok({ status: Number.isFinite(status) ? status : 0, text });
  }
}

/** `sockets` keep-alive connections to base; client k posts on connection k. */
export function rawClient(base: string, sockets: number) {
  const url = new URL(base);
  const host = url.hostname;
  const port = Number(url.port);
  const connections = Array.from({ length: sockets }, () => new Connection(host, port));
  return {
    post(k: number, path: string, body: string, headers: Record<string, string>): Promise<Posted> {
      let request = `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n`;
      for (const [name, value] of Object.entries(headers)) request += `${name}: ${value}\r\n`;
      request += `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
      return connections[k].post(request, body);
    },
    close: () => {
      for (const c of connections) c.close();
    },
  };
}
