import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DESK_TASK_KINDS } from "../core/message-kinds.js";
import { ONLINE_CHANNELS, sqlStrings } from "../core/status.js";

/**
 * The WHERE of outbox_desk_tasks_idx (the OPEN desk tasks), from the one list of kinds. The open-tasks query
 * repeats it word for word (SQLite uses a partial index only then); a new kind needs a
 * migration that recreates the index (test/db/task-attempts-upgrade.test.ts pins it).
 */
export const DESK_TASK_WHERE = `audience = 'staff' AND status <> 'withdrawn' AND kind IN (${DESK_TASK_KINDS.map((k) => `'${k}'`).join(", ")}) AND task_closed_at IS NULL`;

/**
 * The WHERE of appointments_requested_online_idx (online requests not yet confirmed,
 * core/status.ts ONLINE_CHANNELS). The derived timers' queries (repos/timer-sweeps.ts)
 * repeat it word for word, for the same reason; a new channel needs a migration that
 * recreates the index (test/journey/derived-timers.test.ts pins it).
 */
export const REQUESTED_ONLINE = `status = 'requested' AND channel IN (${sqlStrings(ONLINE_CHANNELS)})`;

// Storage layout. Conventions that are easy to break:
// - Scheduling instants are INTEGER epoch minutes (UTC), never local strings: the core
//   works in integers and the DST-aware conversion happens only at the HTTP edge.
// - Bookkeeping timestamps (created_at, updated_at, at) are ISO-8601 UTC strings from
//   Date.toISOString(), so they compare lexicographically (idempotency purge relies on it).
// - *_json columns hold what the API validated; they are re-parsed by zod on read so a
//   later schema default fills fields older rows lack.
// After editing this file run `npm run db:generate` and commit db/migrations/.

// Column groups several tables share, written once. Each call makes new builders (a
// column builder belongs to one table); the SQL is what the columns spelled out gave.

/** The owning dealer. Tables whose rows must die with the dealer's record reference it (dealerRef). */
const dealerId = () => text("dealer_id").notNull();
const dealerRef = () => dealerId().references(() => dealers.id);

/** Bookkeeping instants (ISO-8601 UTC strings, see above). */
const createdAt = () => text("created_at").notNull();
const timestamps = () => ({ createdAt: createdAt(), updatedAt: text("updated_at").notNull() });

/** A NOT NULL boolean, false unless set. */
const flag = (name: string) => integer(name, { mode: "boolean" }).notNull().default(false);

/** Where a booking (or a hold) sits: the reception, the return, and the labour in between (epoch minutes). */
const placement = () => ({
  advisorId: text("advisor_id").notNull(),
  receptionStart: integer("reception_start").notNull(),
  receptionMinutes: integer("reception_minutes").notNull(),
  returnAdvisorId: text("return_advisor_id"),
  returnStart: integer("return_start"),
  returnMinutes: integer("return_minutes"),
  readyAt: integer("ready_at").notNull(),
  labourJson: text("labour_json").notNull(),
});

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
    dealerId: dealerRef(),
    status: text("status").notNull(),
    /** Optimistic-concurrency counter behind If-Match; bump on every write. */
    version: integer("version").notNull(),
    /** sha256 hex of the customer's manage token; the token itself is never stored. */
    manageTokenHash: text("manage_token_hash").notNull(),
    /**
     * The manage token names this row (scheduler/tokens.ts manageTokenFor): it is found by
     * id and checked against the hash, so the hash needs no index entry, a random leaf
     * fewer per booking (issue 17, migration 0016). False on older rows and walk-ins,
     * whose tokens are found by hash as before.
     */
    manageTokenById: integer("manage_token_by_id", { mode: "boolean" }).notNull().default(false),
    ...placement(),
    interventionsJson: text("interventions_json").notNull(),
    vehicleJson: text("vehicle_json").notNull(),
    /** Holds personal data (name, email, phone): never log it. */
    customerJson: text("customer_json").notNull(),
    mobility: text("mobility").notNull(),
    /** The customer's words verbatim, without interpretation (domain requirement). */
    requestText: text("request_text"),
    channel: text("channel"),
    express: flag("express"),
    /** Booked by staff overriding a rule (PATCH force=true); the audit log has the reason. */
    forced: flag("forced"),
    /**
     * sha256 of the normalized customer email / phone (scheduler/contact-cap.ts), so the
     * per-contact booking cap is an indexed count, never a scan of customer_json. NULL
     * when the customer gave none, and on rows booked before these columns existed.
     * Indexed only while ownContactIndexed is true (see there).
     */
    contactEmailHash: text("contact_email_hash"),
    contactPhoneHash: text("contact_phone_hash"),
    /**
     * Whether the contact cap counts this booking by its own hashes above (and indexes
     * them). False only for a booking linked to a customer whose hashes are exactly its
     * own, which the cap counts through the customer instead; set true again on every such
     * booking of a customer whose contact changes (db/repos/people.ts), so each booking
     * counts under the contact it was made with. Migration 0013; older rows stay true.
     */
    ownContactIndexed: integer("own_contact_indexed", { mode: "boolean" }).notNull().default(true),
    /** The journey's links (src/scheduler/journey/people.ts); NULL on older rows. */
    customerId: text("customer_id"),
    vehicleId: text("vehicle_id"),
    /** The booking file: questionnaire answers, campaigns, contract, attendance, persona. */
    fileJson: text("file_json"),
    /**
     * A stored customer (and vehicle) an ANONYMOUS booking's contact or VIN matched:
     * {customerId, vehicleId, by[]}. A suggestion for staff, never applied by the booking
     * itself (scheduler/journey/people.ts); cleared when staff apply it.
     */
    possibleMatchJson: text("possible_match_json"),
    /**
     * Whether the booking was granted priority (express reserve, caps override) from the
     * caller's credential (scheduler/trust.ts). NULL on older rows: the model decides.
     */
    priority: integer("priority", { mode: "boolean" }),
    ...timestamps(),
  },
  (t) => [
    index("appointments_dealer_reception_idx").on(t.dealerId, t.receptionStart),
    index("appointments_dealer_status_idx").on(t.dealerId, t.status),
    // Only the rows whose token does not name them (manageTokenById above); the lookup
    // repeats the condition word for word, or SQLite cannot use a partial index.
    index("appointments_manage_token_idx").on(t.manageTokenHash).where(sql`${t.manageTokenById} = 0`),
    // The contact cap (db/repos/appointments.ts) counts a booking by its own hashes while
    // ownContactIndexed, else through its customer's. Migration 0013; the cap's statement
    // pins these by name.
    index("appointments_own_email_idx").on(t.dealerId, t.contactEmailHash).where(sql`${t.ownContactIndexed} = 1`),
    index("appointments_own_phone_idx").on(t.dealerId, t.contactPhoneHash).where(sql`${t.ownContactIndexed} = 1`),
    index("appointments_customer_idx").on(t.customerId).where(sql`${t.customerId} IS NOT NULL`),
    index("appointments_vehicle_idx").on(t.vehicleId),
    // Online requests not yet confirmed, by when they were made: their confirm-overdue
    // alerts fall due from here (journey/derived-timers.ts, migration 0017).
    index("appointments_requested_online_idx").on(t.createdAt).where(sql.raw(REQUESTED_ONLINE)),
  ],
);

// Append-only. No foreign keys on purpose: history must survive whatever it describes.
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dealerId: dealerId(),
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
    dealerId: dealerId(),
    /** "METHOD /path" of the first request, so one key cannot replay on another endpoint. */
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    responseJson: text("response_json").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.dealerId, t.scope, t.key] }),
    index("idempotency_keys_created_at_idx").on(t.createdAt),
  ],
);

// Per-dealer staff API keys. Only the sha256 of the secret is stored: the secret is shown
// once, on creation. Revoked keys stay (revoked_at set) so the audit trail can name them.
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    dealerId: dealerRef(),
    /** "advisor" | "admin" (src/api/deps.ts Role). */
    role: text("role").notNull(),
    label: text("label").notNull(),
    /** sha256 hex of the whole secret ("pk_..."); unique, the lookup key. */
    secretHash: text("secret_hash").notNull().unique(),
    createdAt: createdAt(),
    revokedAt: text("revoked_at"),
    /** Role "client" only: the channel its bookings are recorded under ("app", "web", ...). */
    channel: text("channel"),
  },
  (t) => [index("api_keys_dealer_idx").on(t.dealerId)],
);

// ---- the customer's journey (src/scheduler/journey) ----------------------------------

// Customers as the dealer knows them. Holds personal data (name, email, phone): never log
// it. email/phone hashes (contact-cap.ts normalization) make matching an index lookup.
export const customers = sqliteTable(
  "customers",
  {
    id: text("id").primaryKey(),
    dealerId: dealerRef(),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    emailHash: text("email_hash"),
    phoneHash: text("phone_hash"),
    /** "email" | "sms" | "phone": how reminders reach them. */
    preferredChannel: text("preferred_channel"),
    /** Reminders and notices go out only while this is true. */
    reminderConsent: flag("reminder_consent"),
    /** "it" | "en"; null: the dealer's locale. */
    locale: text("locale"),
    /** "unique" | "performance" | "appearance" | "excitement". */
    persona: text("persona"),
    /** "crm" | "assessed". */
    personaSource: text("persona_source"),
    ...timestamps(),
  },
  (t) => [
    index("customers_dealer_email_idx").on(t.dealerId, t.emailHash),
    index("customers_dealer_phone_idx").on(t.dealerId, t.phoneHash),
  ],
);

// Vehicles, identified by VIN within a dealer; the current owner is a customer row.
export const vehicles = sqliteTable(
  "vehicles",
  {
    id: text("id").primaryKey(),
    dealerId: dealerRef(),
    vin: text("vin").notNull(),
    model: text("model").notNull(),
    plate: text("plate"),
    electrified: flag("electrified"),
    ownerCustomerId: text("owner_customer_id"),
    /** Local date YYYY-MM-DD of the next scheduled maintenance. */
    nextServiceDue: text("next_service_due"),
    /**
     * Set by staff or a client key (PUT /vehicles/{vin}): an anonymous caller gets
     * priority (express) only for a VIN held here as priority, never by naming a model.
     */
    priority: flag("priority"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("vehicles_dealer_vin_idx").on(t.dealerId, t.vin),
    index("vehicles_service_due_idx").on(t.nextServiceDue),
    // The priority VINs a runtime reads whole (scheduler/trust.ts): migration 0012.
    index("vehicles_priority_idx").on(t.dealerId, t.vin).where(sql`${t.priority} = 1`),
  ],
);

// Recall / service campaigns, loaded by an admin; matched to bookings by VIN.
export const campaigns = sqliteTable(
  "campaigns",
  {
    dealerId: dealerId(),
    code: text("code").notNull(),
    title: text("title").notNull(),
    /** "recall" | "service". */
    kind: text("kind").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dealerId, t.code] })],
);

export const campaignVins = sqliteTable(
  "campaign_vins",
  {
    dealerId: dealerId(),
    vin: text("vin").notNull(),
    code: text("code").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dealerId, t.vin, t.code] })],
);

// Durable timers. A job is written in the same transaction as its cause, claimed with a
// lease (attempts doubles as the fencing token), and its effects commit together with
// status = 'done', so it takes effect exactly once even across crashes and restarts.
export const jobs = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    dealerId: dealerId(),
    kind: text("kind").notNull(),
    appointmentId: text("appointment_id"),
    /** Epoch milliseconds (UTC): DST-safe by construction. */
    dueAt: integer("due_at").notNull(),
    payloadJson: text("payload_json").notNull().default("{}"),
    /** pending | running | done | cancelled | failed */
    status: text("status").notNull(),
    leaseUntil: integer("lease_until"),
    attempts: integer("attempts").notNull().default(0),
    /** One timer per promise: "reminder:<appointment>:<dueAt>", ... */
    dedupeKey: text("dedupe_key").notNull().unique(),
    /** What the run decided: "sent", "skipped:no_consent", ... */
    outcome: text("outcome"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    doneAt: text("done_at"),
  },
  (t) => [index("jobs_status_due_idx").on(t.status, t.dueAt), index("jobs_appointment_idx").on(t.appointmentId)],
);

// Up to which instant (epoch ms) the journey's runner has written the job rows of the
// timers derived from appointments (journey/derived-timers.ts): one row per kind.
export const timerSweeps = sqliteTable("timer_sweeps", {
  kind: text("kind").primaryKey(),
  sweptTo: integer("swept_to").notNull(),
});

// Messages to customers and staff, written in the same transaction as their cause and
// delivered to the dealer's webhook. No contact details here: recipient_ref names the
// customer row (or a staff role); the address is read at delivery time.
export const outbox = sqliteTable(
  "outbox",
  {
    /** Also the X-Pitlane-Delivery id: the same on every retry. */
    id: text("id").primaryKey(),
    dealerId: dealerId(),
    appointmentId: text("appointment_id"),
    kind: text("kind").notNull(),
    /** "customer" | "staff" */
    audience: text("audience").notNull(),
    /** "email" | "sms" | "phone" | "staff" */
    channel: text("channel").notNull(),
    locale: text("locale").notNull(),
    recipientRef: text("recipient_ref"),
    bodyJson: text("body_json").notNull(),
    dedupeId: text("dedupe_id").notNull().unique(),
    /** pending | delivered | failed */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** Epoch ms. */
    nextAttemptAt: integer("next_attempt_at").notNull(),
    leaseUntil: integer("lease_until"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    deliveredAt: text("delivered_at"),
    /** How it leaves Pitlane: "webhook" | "email" (SMTP) | "sms" (provider). */
    transport: text("transport").notNull().default("webhook"),
    /** Why it waits or was suppressed: "window", "consent", "stop", "no_address". */
    stateReason: text("state_reason"),
    /** A desk task (DESK_TASK_KINDS) closed by a call or as moot (task_attempts): it leaves the index of open tasks. */
    taskClosedAt: text("task_closed_at"),
  },
  (t) => [
    index("outbox_status_next_idx").on(t.status, t.nextAttemptAt),
    index("outbox_dealer_created_idx").on(t.dealerId, t.createdAt),
    // The desk's tasks (core/message-kinds.ts DESK_TASK_KINDS), oldest first: the open
    // list reads them here, never the dealer's whole outbox (migration 0015).
    index("outbox_desk_tasks_idx").on(t.dealerId, t.createdAt).where(sql.raw(DESK_TASK_WHERE)),
    // The messages about one appointment: its own, and the group notices naming it in
    // data.bookings (repos/outbox.ts listMessages; migration 0018).
    index("outbox_appointment_idx").on(t.appointmentId, t.createdAt).where(sql`${t.appointmentId} IS NOT NULL`),
    index("outbox_group_notices_idx")
      .on(t.dealerId, t.createdAt)
      .where(sql`${t.appointmentId} IS NULL AND ${t.kind} = 'supervisor_notice'`),
  ],
);

// Numbers that texted STOP (or that staff recorded as such): no SMS goes to them again.
export const smsStops = sqliteTable(
  "sms_stops",
  {
    dealerId: dealerId(),
    /** sha256 of the E.164 number (contact-cap.ts normalization); never the number. */
    phoneHash: text("phone_hash").notNull(),
    /** "staff" | "inbound". */
    source: text("source").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.dealerId, t.phoneHash] })],
);

// Extra manage tokens minted for messages (the booking's own token is only in the
// booking response): each opens the same appointment. Stored hashed, like the first.
export const manageLinks = sqliteTable("manage_links", {
  tokenHash: text("token_hash").primaryKey(),
  dealerId: dealerId(),
  appointmentId: text("appointment_id").notNull(),
  createdAt: createdAt(),
});

// What each committed write changed, for servers that share this file (node.ts with
// WORKERS > 1): every process keeps an in-memory index per dealer, and replays the rows
// it did not write itself (db/change-feed.ts). Filled by TEMP triggers that only those
// servers install; a single server and the Workers build leave it empty.
// appointment_id NULL: the dealer's configuration changed (rebuild the whole runtime).
export const indexChanges = sqliteTable("index_changes", {
  seq: integer("seq").primaryKey({ autoIncrement: true }),
  dealerId: dealerId(),
  appointmentId: text("appointment_id"),
});

// Holds (issue 14): a widget keeps an option for a few minutes while the customer types.
// A live hold (expires_at > now, epoch ms) counts for every rule like an appointment; an
// expired one stops counting at read time and its row is purged later. `id` is the
// sha256 of the hold id given to the client (the capability to book or release it);
// `client_hash` the sha256 of the client address, for the per-client cap (never the address).
export const holds = sqliteTable(
  "holds",
  {
    id: text("id").primaryKey(),
    dealerId: dealerRef(),
    clientHash: text("client_hash").notNull(),
    ...placement(),
    express: integer("express", { mode: "boolean" }).notNull(),
    mobility: text("mobility").notNull(),
    /** The job as held: vehicle, interventions, known, mobility (no contact data). */
    requestJson: text("request_json").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [
    index("holds_dealer_expires_idx").on(t.dealerId, t.expiresAt),
    index("holds_dealer_client_idx").on(t.dealerId, t.clientHash, t.expiresAt),
  ],
);

// Sessions of the advisors' page (/board): a browser signs in with an API key (or the
// bootstrap token) once and then carries only a cookie. The cookie's secret is stored as
// its sha256 (id_hash), never in clear; credential_hash pins the key or token it came
// from, so a revoked key or a rotated token ends its sessions at the next request.
// Instants are epoch ms of the real clock (never SCHEDULER_NOW: a frozen clock would
// make sessions immortal). kind: "root" | "key"; role: "advisor" | "admin".
export const boardSessions = sqliteTable(
  "board_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    dealerId: dealerRef(),
    kind: text("kind").notNull(),
    keyId: text("key_id"),
    role: text("role").notNull(),
    credentialHash: text("credential_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("board_sessions_expires_idx").on(t.expiresAt)],
);

// Workshop progress (issue 13): the last reported state of an appointment's job, and the
// extra work found on it. Extra work is planned only once the customer approved it.
export const appointmentProgress = sqliteTable("appointment_progress", {
  appointmentId: text("appointment_id").primaryKey(),
  dealerId: dealerId(),
  /** started | paused | done */
  state: text("state").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const extraWork = sqliteTable(
  "extra_work",
  {
    id: text("id").primaryKey(),
    dealerId: dealerId(),
    appointmentId: text("appointment_id").notNull(),
    description: text("description").notNull(),
    minutes: integer("minutes").notNull(),
    /** pending (waiting for the customer's approval) | approved (planned) */
    status: text("status").notNull(),
    createdAt: createdAt(),
    approvedAt: text("approved_at"),
  },
  (t) => [index("extra_work_appointment_idx").on(t.appointmentId)],
);

// Parts ordered for an appointment (domain: "parts ordered: tell the customer within 1
// business day of arrival"; "expensive special-order parts may need a deposit"). Money is
// integer minor units of `currency` (core/parts.ts minorDigits). The arrival's message
// outcome and its deadline are kept on the row: the deadline timer (journey/parts-notice.ts)
// reads them.
export const partsOrders = sqliteTable(
  "parts_orders",
  {
    id: text("id").primaryKey(),
    dealerId: dealerId(),
    appointmentId: text("appointment_id").notNull(),
    description: text("description").notNull(),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    specialOrder: flag("special_order"),
    depositRequiredCents: integer("deposit_required_cents").notNull(),
    depositPaidCents: integer("deposit_paid_cents").notNull().default(0),
    /** ordered | arrived | cancelled */
    status: text("status").notNull(),
    /** The order's own version, for its compare-and-set update under the write lock. Clients name the APPOINTMENT's version in If-Match (every parts write moves it), so two advisors cannot both pay. */
    version: integer("version").notNull().default(1),
    arrivedAt: text("arrived_at"),
    /** Epoch ms by which the customer must have been told (1 business day after arrival). */
    noticeDueAt: integer("notice_due_at"),
    /** What the arrival did about telling the customer: "sent:sms", "staff:service_desk", … */
    noticeOutcome: text("notice_outcome"),
    cancelledAt: text("cancelled_at"),
    ...timestamps(),
  },
  (t) => [index("parts_orders_appointment_idx").on(t.appointmentId)],
);

// The desk's attempts at a task (an outbox message of DESK_TASK_KINDS): a call made and
// its outcome. "reached" and "not_needed" close the task, at most once (the unique
// partial index); the other outcomes record a try and leave it open.
export const taskAttempts = sqliteTable(
  "task_attempts",
  {
    id: text("id").primaryKey(),
    dealerId: dealerId(),
    messageId: text("message_id")
      .notNull()
      .references(() => outbox.id),
    /** reached | no_answer | left_message | not_needed */
    outcome: text("outcome").notNull(),
    note: text("note"),
    /** The credential's label (an API key's label, "admin" for the root token); never a token. */
    byLabel: text("by_label").notNull(),
    at: text("at").notNull(),
  },
  (t) => [
    index("task_attempts_message_idx").on(t.messageId),
    uniqueIndex("task_attempts_closed_idx").on(t.messageId).where(sql`outcome IN ('reached', 'not_needed')`),
    // The done list (newest first) and the board's live-stream fingerprint (db/dealer-pulse.ts).
    index("task_attempts_dealer_at_idx").on(t.dealerId, t.at),
  ],
);
