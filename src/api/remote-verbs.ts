import type { Context } from "hono";
import { write } from "../db/group-commit.js";
import { bookAppointment } from "../scheduler/book.js";
import { prepareBooking } from "../scheduler/book-prep.js";
import type { Ctx, Outcome } from "../scheduler/context.js";
import { DomainError, type DomainErrorCode } from "../scheduler/errors.js";
import { type AppEnv, contactCapOf, type Services, serverSecretsOf } from "./deps.js";
import { ApiError, type ErrorCode } from "./errors.js";
import { type CallFacts, type VerbName, type VerbReply, WriterUnreachable } from "./verb-call.js";
import { redact } from "./middleware/access-log.js";
import { takeFrom } from "./middleware/rate-limit.js";
import type { LimitAsk } from "./rate-limit.js";

// WORKERS > 1 (src/node.ts): the writes a booking storm is made of run in the writer as
// verb calls. The worker that holds the client's connection does the HTTP: parsing, auth,
// validation, the answer. The writer runs only the verb, inside its group commit.
//
// Why: the writer is the one process that commits, so its CPU per booking bounds every
// process's bookings; the HTTP around a booking was about a third of that CPU (issue 17).
// Forwarded as a second HTTP request, a booking cost the writer MORE than a booking of its
// own, and two processes booked at 0.83-0.97 of one.
//
// What crosses: the verb's name and input (already validated), and the request's facts a
// verb reads (the clock reading, who is acting and what they are believed, the client's
// address, the Idempotency-Key). The writer builds its Ctx from its own services.
// Trap: a fact a verb starts reading from its Ctx must be added to CallFacts, or the
// writer's Ctx lacks it; test/cluster/remote-verbs.test.ts compares answers both ways.

export const VERBS = { book: bookAppointment } satisfies Record<VerbName, (ctx: Ctx, input: never) => Outcome<unknown>>;

/**
 * Before a verb call: what the worker computes for the writer, which then does only the
 * work that needs the write lock (the writer's CPU per booking bounds the cluster's
 * bookings). The verb computes the same itself when it runs where it was asked.
 */
const PREPARE: { [V in VerbName]: (ctx: Ctx, input: Parameters<(typeof VERBS)[V]>[1]) => typeof input } = {
  book: (ctx, input) => ({ ...input, prepared: prepareBooking(ctx, input.dealerId, input.body, true) }),
};

/** In a route: run the verb in the writer when there is one elsewhere, else here. */
export async function runWrite<V extends VerbName>(
  c: Context<AppEnv>,
  verb: V,
  input: Parameters<(typeof VERBS)[V]>[1],
): Promise<ReturnType<(typeof VERBS)[V]>> {
  const ctx = c.get("ctx");
  const remote = c.get("services").remoteVerbs;
  const local = () => write(ctx.writes, () => VERBS[verb](ctx, input)) as Promise<ReturnType<(typeof VERBS)[V]>>;
  if (!remote) return local();
  const facts: CallFacts = {
    nowMs: ctx.nowMs,
    actor: ctx.actor,
    caller: ctx.caller,
    clientAddress: ctx.clientAddress,
    idempotencyKey: ctx.idempotencyKey,
  };
  let reply: VerbReply;
  try {
    c.set("writtenBy", "writer");
    reply = await remote.call(verb, facts, PREPARE[verb](ctx, input));
  } catch (e) {
    if (e instanceof WriterUnreachable) {
      c.set("writtenBy", "here");
      return local(); // SQLite serialises it with the writer's
    }
    c.header("Retry-After", "1");
    throw new ApiError(
      "service_unavailable",
      "the process that stores bookings did not answer; retry with the same Idempotency-Key",
    );
  }
  if (reply.ok) return reply.outcome as ReturnType<(typeof VERBS)[V]>;
  const { kind, code, detail, extra } = reply.error;
  if (kind === "domain") throw new DomainError(code as DomainErrorCode, detail ?? "", extra as DomainError["extra"]);
  if (kind === "api") {
    if (code === "service_unavailable") c.header("Retry-After", "1"); // the writer is stopping
    throw new ApiError(code as ErrorCode, detail ?? "", extra as Record<string, unknown>);
  }
  throw new Error("the writer failed to run the write (its log has the error)");
}

/** In the writer: answers one frame from another worker (node/verb-socket.ts). */
export function serveFrame(s: Services, frame: Record<string, unknown>): Promise<unknown> {
  if (frame.op === "take") {
    const ask = frame.ask as LimitAsk;
    const limiters = s.limiters?.[ask.buckets];
    return Promise.resolve({ answer: limiters ? takeFrom(limiters, ask) : { ok: true } });
  }
  return serveVerb(s, String(frame.verb), frame.facts as CallFacts, frame.input);
}

/** The writer's answer to any frame once it is stopping (its database is about to close). */
export function stoppingReply(frame: Record<string, unknown>): unknown {
  const detail = "the server is stopping; retry";
  // A take has no answer then: the worker answers 503, as for a lost call.
  return frame.op === "take"
    ? { stopping: true }
    : { ok: false, error: { kind: "api", code: "service_unavailable", detail } };
}

/** In the writer: runs one call through the group commit and answers with its outcome or its error. */
export async function serveVerb(s: Services, verb: string, facts: CallFacts, input: unknown): Promise<VerbReply> {
  // Own names only: VERBS["toString"] is a function too.
  if (!Object.hasOwn(VERBS, verb)) return { ok: false, error: { kind: "internal" } };
  const run = VERBS[verb as VerbName];
  const ctx: Ctx = {
    db: s.db,
    sqlite: s.sqlite,
    runtimes: s.runtimes,
    writes: s.writes,
    nowMs: facts.nowMs,
    actor: facts.actor,
    caller: facts.caller,
    clientAddress: facts.clientAddress,
    idempotencyKey: facts.idempotencyKey,
    secrets: serverSecretsOf(s),
    contactCap: contactCapOf(s),
    dealerChanged: (id, config) => s.onDealerChanged?.(id, config),
  };
  try {
    return { ok: true, outcome: await write(ctx.writes, () => run(ctx, input as never)) };
  } catch (e) {
    if (e instanceof DomainError)
      return { ok: false, error: { kind: "domain", code: e.code, detail: e.detail, extra: e.extra } };
    if (e instanceof ApiError)
      return { ok: false, error: { kind: "api", code: e.code, detail: e.detail, extra: e.extra } };
    s.log({
      level: "error",
      msg: "verb failed in the writer",
      verb,
      error: redact(String(e instanceof Error ? e.message : e)).slice(0, 200),
    });
    return { ok: false, error: { kind: "internal" } };
  }
}
