import { connect, createServer, type Socket } from "node:net";
import { unlinkSync } from "node:fs";
import { ownSocketOnly } from "./socket-dir.js";

// Frames between a worker and the writer (WORKERS > 1, api/remote-verbs.ts): a booking
// that worker 1 parsed, validated and authenticated is run by the writer as a verb call,
// not as a second HTTP request. Each frame is a 4-byte big-endian length and that many
// bytes of JSON; a reply carries the id of its call. One connection per worker, kept open.
//
// Trust: as the writer's HTTP socket (node/writer.ts): a Unix socket, mode 0600, in a
// directory of this user's alone (node/socket-dir.ts), so only this machine's processes of
// the same user reach it. The writer believes the caller a frame names, as it believes the
// client address header there.

export type Frame = Record<string, unknown> & { id: number };

/** What went wrong with a call: nothing was sent (the writer is down), or the answer never came. */
export class VerbSocketError extends Error {
  constructor(readonly kind: "unreachable" | "lost") {
    super(kind === "unreachable" ? "the writer is not listening" : "the writer did not answer");
  }
}

/**
 * Writes a frame, gathering the frames of one event-loop turn into one write: a group
 * commit answers all its bookings in one turn, and a write each would cost the writer a
 * syscall and the worker a wake-up per booking.
 */
function send(socket: Socket, value: unknown): void {
  if (socket.writableCorked === 0) {
    socket.cork();
    process.nextTick(() => socket.uncork());
  }
  socket.write(frameOf(value));
}

function frameOf(value: unknown): Buffer {
  // Encoded once, straight behind its length (not into a buffer of its own, then copied).
  const text = JSON.stringify(value);
  const out = Buffer.allocUnsafe(4 + Buffer.byteLength(text));
  out.writeUInt32BE(out.length - 4, 0);
  out.write(text, 4);
  return out;
}

/** Calls `each` for every whole frame that arrives on the socket. */
function readFrames(socket: Socket, each: (frame: Frame) => void): void {
  let buffered: Buffer = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    let at = 0;
    while (buffered.length - at >= 4) {
      const length = buffered.readUInt32BE(at);
      if (buffered.length - at - 4 < length) break;
      each(JSON.parse(buffered.toString("utf8", at + 4, at + 4 + length)) as Frame);
      at += 4 + length;
    }
    buffered = at === buffered.length ? Buffer.alloc(0) : buffered.subarray(at);
  });
}

export interface VerbServer {
  /** Stops taking new connections (the open ones still carry calls). */
  close(): void;
  /**
   * Resolves once the workers have closed their connections (they do when they exit) and
   * no call is running, or after `ms` once no call is running. A stopping writer waits
   * for this before it closes its database.
   */
  drained(ms: number): Promise<void>;
}

/** The writer's side: answers each frame with handle(frame), in any order. */
export function listenForVerbs(path: string, handle: (frame: Frame) => Promise<unknown>): Promise<VerbServer> {
  try {
    unlinkSync(path); // a socket file left by a killed writer
  } catch {}
  const open = new Set<Socket>();
  let running = 0;
  let settle: (() => void) | null = null;
  const check = () => settle?.();
  const server = createServer((socket) => {
    open.add(socket);
    socket.on("close", () => {
      open.delete(socket);
      check();
    });
    socket.on("error", () => {}); // a worker that died: its calls are lost to it anyway
    readFrames(socket, (frame) => {
      running++;
      void handle(frame)
        .then(
          (reply) => socket.writable && send(socket, { ...(reply as object), id: frame.id }),
          () => socket.destroy(), // handle() answers every failure itself; this is a bug's way out
        )
        .finally(() => {
          running--;
          check();
        });
    });
  });
  const drained = (ms: number) =>
    new Promise<void>((done) => {
      let late = false;
      const timer = setTimeout(() => ((late = true), check()), ms);
      settle = () => {
        if (running > 0 || (open.size > 0 && !late)) return;
        clearTimeout(timer);
        settle = null;
        done();
      };
      check();
    });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(path, () => {
      ownSocketOnly(path);
      ok({ close: () => server.close(), drained });
    });
  });
}

interface Pending {
  ok: (reply: Frame) => void;
  fail: (e: VerbSocketError) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** A worker's side: call(frame) resolves with the writer's reply. */
export function verbClient(path: string, timeoutMs: number): { call(frame: Omit<Frame, "id">): Promise<Frame> } {
  let socket: Socket | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const open = (): Socket => {
    const s = connect(path);
    let connected = false;
    s.on("connect", () => (connected = true));
    readFrames(s, (reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      p.ok(reply);
    });
    // Before 'connect' nothing left this process: the caller may write itself.
    s.on("error", () => {});
    s.on("close", () => {
      if (socket === s) socket = null;
      const kind = connected ? "lost" : "unreachable";
      for (const [id, p] of pending) {
        pending.delete(id);
        clearTimeout(p.timer);
        p.fail(new VerbSocketError(kind));
      }
    });
    return s;
  };

  return {
    call(frame) {
      socket ??= open();
      const s = socket;
      const id = nextId++;
      return new Promise<Frame>((ok, fail) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          fail(new VerbSocketError("lost"));
        }, timeoutMs);
        pending.set(id, { ok, fail, timer });
        send(s, { ...frame, id });
      });
    },
  };
}
