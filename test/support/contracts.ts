// The response shapes tests read, taken from the contracts in src/ (so a renamed field
// breaks the typecheck, not a test at run time), plus a typed json() for a Response.

export type { AppointmentView, AvailabilityResponse, OptionView, SlotView } from "../../src/scheduler/contracts.js";
export type { DayBoard } from "../../src/scheduler/day-board.js";
export type { ReshufflePlan, MoveView } from "../../src/scheduler/reshuffle/plan-schema.js";
export type { ProgressView } from "../../src/scheduler/progress/contracts.js";
export type {
  MessageList,
  MessageView,
  OverdueList,
  ReportView,
  TickResult,
} from "../../src/scheduler/journey/contracts.js";
import type { FieldError } from "../../src/api/errors.js";
import type { OptionView } from "../../src/scheduler/contracts.js";
import type { ReshufflePlan } from "../../src/scheduler/reshuffle/plan-schema.js";

/** The body of a response the test expects to be the JSON of T (the server's contract). */
export const json = <T>(res: Response): Promise<T> => res.json() as Promise<T>;

/**
 * A staff read of an appointment as its booking's 201 had it: without what only staff
 * see (the booked contact, a possible match, the parts ordered).
 */
export function withoutStaffFields(staffView: Record<string, unknown>): Record<string, unknown> {
  const { customer: _c, possibleMatch: _m, parts: _p, ...asBooked } = staffView;
  return asBooked;
}

export type Violation = { code: string; message: string; appointmentId?: string };

/** RFC 9457 problem+json; Extra: the members its code carries (src/api/errors.ts `extra`). */
export type Problem<Extra = unknown> = {
  type: string;
  status: number;
  code: string;
  title: string;
  detail: string;
} & Extra;
/** 400 validation_failed. */
export type ValidationProblem = Problem<{ errors: FieldError[] }>;
/** 409 rule_violation / slot_unavailable: the rules broken and, from a booking, move or reshuffle, the options near the one refused. */
export type RuleProblem = Problem<{
  violations: Violation[];
  alternatives: Array<OptionView & { appointmentId?: string }>;
}>;
/** 409 config_conflict (scheduler/config-change/replace.ts). */
export type ConflictProblem = Problem<{
  /** The contract's list (api-contract.md 1.1). */
  appointments: Array<{ id: string; reason: string }>;
  conflicts: Array<{
    appointmentId: string;
    version: number | null;
    reasons: Array<{ code: string; message: string }>;
  }>;
  plan: ReshufflePlan;
  applicable: boolean;
}>;

export type { HoldView } from "../../src/scheduler/holds/contracts.js";
export type { CalendarResponse, DayResponse } from "../../src/scheduler/calendar-contracts.js";
export type { PartsOrderChange, PartsOrderList } from "../../src/scheduler/parts/contracts.js";
export type { ApiKeyView } from "../../src/routes/keys/schemas.js";
export type { OpenApiDocument } from "../../src/api/openapi.js";
import type { z } from "zod";
import type {
  ApiKeyList as ApiKeyListSchema,
  CreatedApiKey as CreatedApiKeySchema,
} from "../../src/routes/keys/schemas.js";
import type { DealerPublic as DealerPublicSchema } from "../../src/routes/dealers/schemas.js";
import type { DealerPutResult as DealerPutResultSchema } from "../../src/routes/dealers/put.js";
export type ApiKeyList = z.infer<typeof ApiKeyListSchema>;
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;
export type DealerPublic = z.infer<typeof DealerPublicSchema>;
export type DealerPutResult = z.infer<typeof DealerPutResultSchema>;
/** A PUT dealer that committed moves with the configuration. */
export type DealerPutApplied = DealerPutResult & { appliedPlan: ReshufflePlan };
import type { DealerAdminView as DealerAdminViewSchema } from "../../src/routes/dealers/schemas.js";
export type DealerAdminView = z.infer<typeof DealerAdminViewSchema>;

/** The parts of an OpenAPI operation that the route-walking tests read (trust/roles, trust/cors). */
export type DocOperation = {
  security?: Array<Record<string, string[]>>;
  summary?: string;
  parameters?: Array<{ name: string; in: string; schema?: { enum?: string[] } }>;
};
/** The document's paths: path → method → operation. */
export type DocPaths = Record<string, Record<string, DocOperation>>;
/** 412 version_conflict: the current version, or (reshuffle apply) the plan as it is now. */
export type VersionProblem = Problem<{ currentVersion: number; plan: ReshufflePlan; appointmentId: string }>;

/** The problem type a code answers with, for expectProblem. */
export type ProblemOf<C extends string> = C extends "validation_failed"
  ? ValidationProblem
  : C extends "rule_violation" | "slot_unavailable"
    ? RuleProblem
    : C extends "config_conflict"
      ? ConflictProblem
      : C extends "version_conflict"
        ? VersionProblem
        : Problem<Record<string, unknown>>;
