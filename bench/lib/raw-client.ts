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

class Connection {
  private socket: Socket | null = null;
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: Waiting | null = null;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  post(request: string, body: string): Promise<Posted> {
    return new Promise((ok, fail) => {
      this.waiting = { ok, fail };
      // One write, one segment: headers and body split over two would cost the server a wake-up more.
      (this.socket ?? this.open()).write(request + body);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private open(): Socket {
    const s = connect(this.port, this.host);
    s.setNoDelay(true);
    // A server that stops answering must not hang the bench: the write counts as failed.
    s.setTimeout(30_000, () => s.destroy(new Error("no answer in 30 s")));
    s.on("data", (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.answer();
    });
    const lost = (e?: Error) => {
      if (this.socket === s) this.socket = null;
      this.buffered = Buffer.alloc(0);
      const w = this.waiting;
      this.waiting = null;
      w?.fail(e ?? new Error("the server closed the connection"));
    };
    s.on("error", lost);
    s.on("close", () => lost());
    this.socket = s;
    return s;
  }

  /** Settles the waiting request once its whole answer is buffered. */
  private answer(): void {
    const w = this.waiting;
    if (!w) return;
    const head = this.buffered.indexOf("\r\n\r\n");
    if (head < 0) return;
    const lines = this.buffered.toString("latin1", 0, head).split("\r\n");
    const status = Number(lines[0].slice(9, 12));
    let length = -1;
    let chunked = false;
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(":");
      const name = lines[i].slice(0, colon).toLowerCase();
      const value = lines[i].slice(colon + 1).trim();
      if (name === "content-length") length = Number(value);
      else if (name === "transfer-encoding") chunked = value.toLowerCase() === "chunked";
    }
    const start = head + 4;
    let body: Buffer;
    let end: number;
    if (chunked) {
      const parts: Buffer[] = [];
      let at = start;
      for (;;) {
        const eol = this.buffered.indexOf("\r\n", at);
        if (eol < 0) return; // more to come
        const size = Number.parseInt(this.buffered.toString("latin1", at, eol), 16);
        if (this.buffered.length < eol + 2 + size + 2) return;
        if (size === 0) {
          end = eol + 4; // no trailers from our server
          break;
        }
        parts.push(this.buffered.subarray(eol + 2, eol + 2 + size));
        at = eol + 2 + size + 2;
      }
      body = Buffer.concat(parts);
    } else if (length >= 0) {
      if (this.buffered.length < start + length) return;
      body = this.buffered.subarray(start, start + length);
      end = start + length;
    } else {
      this.waiting = null;
      this.close();
      w.fail(new Error(`an answer without Content-Length or chunked framing (status ${status})`));
      return;
    }
    const text = body.toString("utf8");
    this.buffered = end === this.buffered.length ? Buffer.alloc(0) : this.buffered.subarray(end);
    this.waiting = null;
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
