import { enqueue } from "../../src/db/repos/outbox.js";
import { snapshot, week } from "./http.js";
import { auth, bookAt, CONSENTING, DEALER, type JourneyApp, ok, SILENT } from "./journey.js";
import { orderPart, partsOf } from "./parts.js";

// The desk's tasks over HTTP (GET …/tasks, POST …/tasks/{taskId}/attempts) and the two
// ways a real task is raised: a no-show marked by staff, and a part arriving for a
// customer who cannot be messaged (the desk's parts_arrived_call).

/** Mon–Fri 08:00–18:00 in Rome (parts-orders.test.ts's dealer): business days decide the parts deadline. */
export const taskDealer = () => ({ openingHours: week([["08:00", "18:00"]], ["mon", "tue", "wed", "thu", "fri"]) });

export interface Attempt {
  outcome: string;
  note: string | null;
  at: string;
  by: string;
}
export interface Task {
  id: string;
  kind: string;
  appointmentId: string | null;
  appointment: { receptionStart: string; customer: { name: string }; vehicle: unknown; status: string } | null;
  subject: string;
  text: string;
  createdAt: string;
  state: "open" | "done";
  attempts: Attempt[];
  doneAt: string | null;
}

const base = (dealer = DEALER) => `/v1/dealers/${dealer}/tasks`;

export const taskListOf = async (t: JourneyApp, query = "", headers: Record<string, string> = auth) =>
  ok<{ dealerId: string; tasks: Task[]; truncated: boolean; next: string | null }>(
    await t.api("GET", `${base()}${query}`, undefined, headers),
  );

export const tasksOf = async (t: JourneyApp, query = "", headers: Record<string, string> = auth) =>
  (await taskListOf(t, query, headers)).tasks;

export const attempt = (t: JourneyApp, id: string, body: unknown, headers: Record<string, string> = auth) =>
  t.api("POST", `${base()}/${id}/attempts`, body, headers);

/** Everything an attempt may write: a refused one leaves all of it as it was. */
export const stored = (t: JourneyApp) => ({
  ...snapshot(t.sqlite),
  attempts: t.rows("SELECT * FROM task_attempts ORDER BY rowid"),
});

/** The id of the staff message of `kind` about the appointment. */
export const messageId = (t: JourneyApp, kind: string, appointmentId: string | null = null) =>
  t.rows<{ id: string }>(
    "SELECT id FROM outbox WHERE kind = ? AND (? IS NULL OR appointment_id = ?)",
    kind,
    appointmentId,
    appointmentId,
  )[0].id;

/** Books Thursday 26 November at 10:00 (Rome) and marks it a no-show at 10:30 that day: the desk's call task. */
export async function noShowTask(t: JourneyApp) {
  const b = await bookAt(t, "2026-11-26T10:00:00+01:00", { customer: CONSENTING() });
  t.at("2026-11-26T09:30:00Z");
  await ok(await t.api("POST", `/v1/dealers/${DEALER}/appointments/${b.id}/no-show`, {}, auth));
  return { appointmentId: b.id, taskId: messageId(t, "no_show_task", b.id) };
}

/** A customer without consent, a part arriving at `at`: the desk's parts_arrived_call task. */
export async function partsCallTask(t: JourneyApp, at = "2026-11-24T10:00:00Z") {
  const b = await bookAt(t, "2026-11-26T11:00:00+01:00", { customer: SILENT(), advisorId: "bruno" });
  const parts = partsOf(b.id);
  const made = await ok<{ order: { id: string; customerNoticeDueBy: string | null } }>(
    await orderPart(t.api, parts, { description: "Left headlamp unit", priceCents: 8_000, specialOrder: false }),
    201,
  );
  t.at(at);
  const arrived = await ok<{ order: { customerNoticeDueBy: string } }>(
    await t.api("POST", `${parts}/${made.order.id}/arrive`, undefined, auth),
  );
  return {
    appointmentId: b.id,
    taskId: messageId(t, "parts_arrived_call", b.id),
    dueBy: arrived.order.customerNoticeDueBy,
  };
}

/** A desk task about no appointment ("Call <i>"), raised at `ms` straight into the outbox. */
export function raiseCall(t: JourneyApp, i: number | string, ms: number): void {
  enqueue(
    t.sqlite,
    {
      dealerId: DEALER,
      appointmentId: null,
      kind: "follow_up_call",
      audience: "staff",
      channel: "staff",
      locale: "en",
      recipientRef: "service_desk",
      body: { subject: `Call ${i}`, text: `Call ${i}` },
      dedupeId: `follow_up_call:${i}`,
    },
    ms,
  );
}
