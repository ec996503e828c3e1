import type { Violation } from "../core/types.js";

// The domain's typed failures. The HTTP layer maps each code to a status in one place
// (src/api/errors.ts); the names are the contract's error codes.

export type DomainErrorCode =
  | "validation_failed"
  | "not_found"
  | "slot_unavailable"
  | "rule_violation"
  | "invalid_transition"
  | "version_conflict"
  | "precondition_required"
  | "idempotency_mismatch"
  | "too_many_bookings"
  | "too_many_holds"
  | "config_conflict";

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly extra?: { violations?: Violation[]; alternatives?: unknown[]; [k: string]: unknown },
  ) {
    super(detail);
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} not found`);

/** A field of the request (its body unless said) refused: 400 validation_failed naming it, "path: message". */
export const invalid = (path: string, message: string, where: "body" | "query" = "body") =>
  new DomainError("validation_failed", `${path}: ${message}`, { errors: [{ path, message, in: where }] });
