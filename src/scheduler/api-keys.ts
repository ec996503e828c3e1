import { type ApiKeyRow, insertKey, listKeys, revokeKey } from "../db/repos/api-keys.js";
import { getDealer } from "../db/repos/dealers.js";
import { type Ctx, isoNow } from "./context.js";
import { notFound } from "./errors.js";
import { newKeyId, newKeySecret } from "./key-secret.js";

// A dealer's API keys (admin routes). The secret exists in exactly one place outside the
// caller's hands: nowhere. It is returned once, by createApiKey, and stored as its hash.

export interface NewApiKey {
  role: string;
  label: string;
  /** Role client only: the channel its bookings are recorded under (default "app"). */
  channel?: string;
}

export function createApiKey(
  ctx: Ctx,
  input: { dealerId: string; body: NewApiKey },
): { row: ApiKeyRow; secret: string } {
  const { dealerId, body } = input;
  requireDealer(ctx, dealerId);
  const { secret, hash } = newKeySecret();
  const channel = body.role === "client" ? (body.channel ?? "app") : null;
  const row = insertKey(ctx.db, ctx.sqlite, {
    id: newKeyId(),
    dealerId,
    role: body.role,
    label: body.label,
    channel,
    secretHash: hash,
    at: isoNow(ctx),
    actor: ctx.actor,
  });
  return { row, secret };
}

export function listApiKeys(ctx: Ctx, { dealerId }: { dealerId: string }): ApiKeyRow[] {
  requireDealer(ctx, dealerId);
  return listKeys(ctx.db, dealerId);
}

/** Idempotent: a revoked key keeps its first revokedAt. Scoped by dealer: another dealer's key id is simply not found. */
export function revokeApiKey(ctx: Ctx, input: { dealerId: string; keyId: string }): ApiKeyRow {
  const row = revokeKey(ctx.db, ctx.sqlite, input.dealerId, input.keyId, isoNow(ctx), ctx.actor);
  if (!row) throw notFound(`API key ${input.keyId}`);
  return row;
}

function requireDealer(ctx: Ctx, dealerId: string): void {
  if (!getDealer(ctx.db, dealerId)) throw notFound(`dealer ${dealerId}`);
}
