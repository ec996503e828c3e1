import type { Outcome } from "../scheduler/context.js";
import type { Caller } from "../scheduler/trust.js";
import type { LimitAnswer, LimitAsk } from "./rate-limit.js";

// The call a worker sends the writer for a write it took (api/remote-verbs.ts), and its
// reply: plain JSON both ways. Apart from remote-verbs.ts so that deps.ts can name the
// transport without importing the verbs.

export type VerbName = "book";

/** The request's facts a verb reads from its Ctx; the writer builds the rest from its own services. */
export interface CallFacts {
  nowMs: number;
  actor: string;
  caller: Caller;
  clientAddress: string;
  idempotencyKey?: string;
}

type ErrorReply = { kind: "domain" | "api" | "internal"; code?: string; detail?: string; extra?: unknown };
export type VerbReply = { ok: true; outcome: Outcome<unknown> } | { ok: false; error: ErrorReply };

/** Nothing reached the writer (it is restarting): this process may write itself. */
export class WriterUnreachable extends Error {}

/** The transport to the writer (src/node.ts: a Unix socket, node/verb-socket.ts). */
export interface RemoteVerbs {
  /** Rejects with WriterUnreachable when nothing was sent; with any other error when the answer was lost. */
  call(verb: VerbName, facts: CallFacts, input: unknown): Promise<VerbReply>;
  /** A booking's rate-limit tokens, from the writer's buckets (api/middleware/rate-limit.ts); rejects as call() does. */
  take(ask: LimitAsk): Promise<LimitAnswer>;
}
