import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

// WORKERS > 1 with one writer (node/writer.ts): a client connection moves to where its
// writes cost least. After a write forwarded to the writer over HTTP (a hold, a move), to
// the writer, so the next is not forwarded; after a booking the writer served itself, to
// another worker, which sends the writer only the verb call (api/remote-verbs.ts).
//
// Why: a forwarded write costs the writer a second HTTP exchange (the Unix socket's) on
// top of the client's, and costs the forwarding worker the client's exchange, on the same
// cores; a booking the writer parses and answers itself costs it the HTTP that another
// worker could have done. Either way the one process that commits does more per write
// than it must, and two processes booked at 0.83-0.97 of one (issue 17). A client that
// wrote is likely to write again (a campaign's owner books; an advisor moves one
// booking, then the next).
//
// How: once the answer to the write has left and the connection is idle, the process
// stops reading it and sends its descriptor to the primary, which passes it on; the
// receiver takes it as a new connection of its HTTP server, with the very call Node's
// cluster makes for a connection the primary accepted. The client keeps its TCP
// connection and notices nothing; its next request is read by the other process.
//
// Traps:
//  - reading stops BEFORE the descriptor leaves: two processes reading one socket would
//    each get part of the next request. An idle keep-alive connection can receive that
//    request at any moment, so "idle" is checked and reading stopped in one synchronous step;
//  - only raw handles travel (Node's 'net.Native'): a net.Socket starts reading wherever
//    it is created, the primary included;
//  - each process closes its own copy of the descriptor once it has sent it. close(2) on one
//    of several descriptors of a socket sends the client nothing;
//  - no process to take it (restarting): the primary gives the connection back to its sender.

export const ADOPT = "pitlane:adopt-connection";

export interface AdoptMessage {
  cmd: typeof ADOPT;
  /**
   * Where the connection goes: "writer" after a write forwarded to it over HTTP, "worker"
   * (any other) after a booking the writer served itself: bookings run cheapest from
   * another worker, as verb calls (api/remote-verbs.ts).
   */
  to: "writer" | "worker";
}

export function isAdopt(message: unknown): message is AdoptMessage {
  return typeof message === "object" && message !== null && (message as AdoptMessage).cmd === ADOPT;
}

/** libuv's TCP handle under a net.Socket (Node-internal, stable since Node 0.x). */
export interface RawHandle {
  readStop(): number;
  close(callback?: () => void): void;
  writeQueueSize?: number;
}

type SocketInternals = Socket & {
  _handle: RawHandle | null;
  /** duration(): ms since the parser began a message not yet complete, 0 when none has begun. */
  parser?: { duration?: () => number } | null;
  _httpMessage?: unknown;
};

/** Sends a raw handle to the primary; calls back once it has left this process (or failed to). */
export type SendHandle = (handle: RawHandle, done: () => void) => void;

/**
 * After the answer to a write: move the connection on (`send` says where) when it is idle.
 * Leaves it where it is when anything is in flight on it: a pipelined request, even half
 * of one, unread body bytes, unsent answer bytes, or a client that asked to close.
 */
export function handOffWhenIdle(req: IncomingMessage, res: ServerResponse, server: Server, send: SendHandle): void {
  const socket = req.socket as SocketInternals;
  const handle = socket._handle;
  if (!handle || socket.destroyed || !server.listening) return;
  if (!req.complete || !res.shouldKeepAlive || socket._httpMessage) return;
  if (socket.readableLength > 0 || socket.writableLength > 0 || (handle.writeQueueSize ?? 0) > 0) return;
  // Part of a next request already read (a pipelining client): its bytes are inside this
  // process's parser and would be lost with the connection. The JS side of the parser
  // holds them only past 32 headers; its duration() says whether a message has begun.
  // Node without duration(): never hand off.
  const parser = socket.parser;
  if (typeof parser?.duration !== "function" || parser.duration() !== 0) return;
  if (handle.readStop() !== 0) return;
  // The socket object lets go of the connection, and the HTTP server forgets it: with no
  // handle, destroy() closes nothing. The descriptor is ours until it has been sent.
  socket._handle = null;
  socket.destroy();
  send(handle, () => handle.close());
}

/** Takes a connection handed over by another worker as if this server had accepted it. */
export function adoptConnection(server: Server, handle: RawHandle): void {
  const listening = (server as unknown as { _handle?: { onconnection?: (err: number, h: RawHandle) => void } })._handle;
  if (!server.listening || typeof listening?.onconnection !== "function") {
    handle.close(); // shutting down: the client sees its idle connection close
    return;
  }
  listening.onconnection(0, handle);
}

/** In a cluster worker: the primary's IPC channel carries the handle on to `to`. */
export const sendToPrimary =
  (to: AdoptMessage["to"]): SendHandle =>
  (handle, done) => {
    try {
      process.send?.({ cmd: ADOPT, to } satisfies AdoptMessage, handle as never, undefined, () => done());
    } catch {
      done(); // the primary is gone; so is this worker soon
    }
  };
