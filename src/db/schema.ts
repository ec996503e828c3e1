import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Storage layout. Conventions that are easy to break:
// - Scheduling instants are INTEGER epoch minutes (UTC), never local strings: the core
//   works in integers and the DST-aware conversion happens only at the HTTP edge.
// - Bookkeeping timestamps (created_at, updated_at, at) are ISO-8601 UTC strings from
//   Date.toISOString(), so they compare lexicographically (idempotency purge relies on it).
// - *_json columns hold what the API validated; they are re-parsed by zod on read so a
//   later schema default fills fields older rows lack.
// After editing this file run `npm run db:generate` and commit db/migrations/.

export const dealers = sqliteTable("dealers", {
  id: text("id").primaryKey(),
  configJson: text("config_json").notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: text("updated_at").notNull(),
});

export const appointments = sqliteTable(
  "appointments",
  {
    id: text("id").primaryKey(),
    dealerId: text("dealer_id")
      .notNull()
      .references(() => dealers.id),
    status: text("status").notNull(),
    /** Optimistic-concurrency counter behind If-Match; bump on every write. */
    version: integer("version").notNull(),
    /** sha256 hex of the customer's manage token; the token itself is never stored. */
    manageTokenHash: text("manage_token_hash").notNull(),
    advisorId: text("advisor_id").notNull(),
    receptionStart: integer("reception_start").notNull(),
    receptionMinutes: integer("reception_minutes").notNull(),
    returnAdvisorId: text("return_advisor_id"),
    returnStart: integer("return_start"),
    returnMinutes: integer("return_minutes"),
    readyAt: integer("ready_at").notNull(),
    labourJson: text("labour_json").notNull(),
    interventionsJson: text("interventions_json").notNull(),
    vehicleJson: text("vehicle_json").notNull(),
    /** Holds personal data (name, email, phone): never log it. */
    customerJson: text("customer_json").notNull(),
    mobility: text("mobility").notNull(),
    /** The customer's words verbatim, without interpretation (domain requirement). */
    requestText: text("request_text"),
    channel: text("channel"),
    express: integer("express", { mode: "boolean" }).notNull().default(false),
    /** Booked by staff overriding a rule (PATCH force=true); the audit log has the reason. */
    forced: integer("forced", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("appointments_dealer_reception_idx").on(t.dealerId, t.receptionStart),
    index("appointments_dealer_status_idx").on(t.dealerId, t.status),
    index("appointments_manage_token_idx").on(t.manageTokenHash),
  ],
);

// Append-only. No foreign keys on purpose: history must survive whatever it describes.
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dealerId: text("dealer_id").notNull(),
    appointmentId: text("appointment_id"),
    at: text("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    beforeJson: text("before_json"),
    afterJson: text("after_json"),
    reason: text("reason"),
  },
  (t) => [
    index("audit_log_dealer_at_idx").on(t.dealerId, t.at),
    index("audit_log_appointment_idx").on(t.appointmentId),
  ],
);

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    dealerId: text("dealer_id").notNull(),
    /** "METHOD /path" of the first request, so one key cannot replay on another endpoint. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    responseJson: text("response_json").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.scope, t.key] }),
    index("idempotency_keys_created_at_idx").on(t.createdAt),
  ],
);

