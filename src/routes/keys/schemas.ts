import { z } from "@hono/zod-openapi";
import { ROLES } from "../../api/deps.js";
import { Id } from "../../core/primitives.js";
import type { ApiKeyRow } from "../../db/repos/api-keys.js";
import { Channel } from "../../scheduler/contracts.js";
import { DealerParam } from "../shared.js";

// HTTP shapes of a staff API key. The secret appears in exactly one response (creation);
// lists and revocations show metadata only, and the stored hash never leaves the server.

export const Role = z.enum(ROLES).openapi("Role", {
  description:
    "advisor: the dealer's staff routes; admin: also its API keys and its configuration; client: a server-side integration that searches and books asserting verified facts (customer known, VIN, priority model) and registers vehicles, under its channel, without the staff routes",
});

export const CreateApiKeyRequest = z
  .object({
    role: Role,
    label: z.string().trim().min(1).max(100).openapi({ example: "Front desk tablet" }),
    /** Role client only: the channel its bookings are recorded under (default "app"). */
    channel: Channel.optional(),
  })
  .strict()
  .refine((k) => k.channel === undefined || k.role === "client", {
    message: "only a client key has a channel (staff book as sent)",
    path: ["channel"],
  })
  .openapi("CreateApiKeyRequest");
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>;

export const ApiKeyView = z
  .object({
    id: z.string(),
    dealerId: z.string(),
    role: Role,
    label: z.string(),
    /** Role client: the channel its bookings are recorded under; null for staff keys. */
    channel: z.string().nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiKey");
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const CreatedApiKey = ApiKeyView.extend({
  secret: z
    .string()
    .openapi({ description: "The bearer token. Shown once: only its hash is stored.", example: "pk_…" }),
}).openapi("CreatedApiKey");

export const ApiKeyList = z.object({ keys: z.array(ApiKeyView) }).openapi("ApiKeyList");

export const KeyParams = DealerParam.extend({
  keyId: Id.openapi({ param: { name: "keyId", in: "path" } }),
});

export function keyView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    dealerId: row.dealerId,
    role: row.role as ApiKeyView["role"],
    label: row.label,
    channel: row.channel,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  };
}
