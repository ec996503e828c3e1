import { z } from "@hono/zod-openapi";
import { Id } from "../core/primitives.js";
import { IDEMPOTENCY_KEY_PATTERN } from "../db/repos/idempotency.js";

// Path parameters shared by the scheduling routes.

export const DealerParam = z.object({
  dealerId: Id.openapi({ param: { name: "dealerId", in: "path" }, example: "demo" }),
});

export const AppointmentParams = DealerParam.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});

/** Validated here, before the verb: the verb reads the key from ctx (api/request-context.ts). */
export const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN, "expected 1-200 printable ASCII characters")
    .optional()
    .openapi({
      param: { in: "header" },
      description:
        "Replays the first response for the same key and body; another body with the same key is refused (422 idempotency_mismatch)",
      minLength: 1,
      maxLength: 200,
    }),
});

/** Idempotency-Key plus If-Match (read by api/if-match.ts): the headers of a versioned write to one appointment. */
export const VersionedWriteHeaders = IdempotencyHeader.extend({
  "if-match": z
    .string()
    .optional()
    .openapi({ param: { in: "header" } }),
});
