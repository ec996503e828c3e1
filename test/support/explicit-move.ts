import { expect } from "vitest";
import { type AppointmentView, json, type OptionView } from "./contracts.js";
import { type Api, auth, ms } from "./http.js";

// An advisor's reshuffle "apply the plan itself" with moves of their own (plan.moves, mode
// "apply"), on dealer "roma" (support/priority-world.ts): what the advisor sends with an
// alternative or a contact's option. The "late" frame names the first moved appointment;
// only the moves are applied.

export interface To {
  reception: { start: string; advisorId: string };
  /** Omitted: the current return; null: the first free one after the new ready time. */
  return?: { start: string; advisorId: string; minutes: number } | null;
}

export const moveTo = (a: AppointmentView, to: To) => ({ appointmentId: a.id, version: a.version, to });

/** The explicit moves, applied. */
export const applyMoves = (api: Api, moves: Array<ReturnType<typeof moveTo>>) =>
  api(
    "POST",
    "/v1/dealers/roma/reshuffle/late",
    { appointmentId: moves[0].appointmentId, minutes: 15, mode: "apply", plan: { moves } },
    auth,
  );

/** An offered option as the move that takes it: its reception and its return, exactly. */
export const toOption = (o: OptionView): To => ({
  reception: { start: o.start, advisorId: o.advisorId },
  return: o.return && { start: o.return.start, advisorId: o.return.advisorId, minutes: o.return.minutes },
});

export const getAppointment = async (api: Api, id: string) =>
  json<AppointmentView>(await api("GET", `/v1/dealers/roma/appointments/${id}`, undefined, auth));

/**
 * `a` moved to option `o` (mode "apply"), with the `others` moves when the offer was for the
 * same reshuffle (alone otherwise): accepted, and `a` stored where and how `o` said (time,
 * return, ready time, express flag).
 */
export async function expectTakenAsOffered(
  api: Api,
  a: AppointmentView,
  o: OptionView,
  others: Array<ReturnType<typeof moveTo>> = [],
): Promise<void> {
  const res = await applyMoves(api, [moveTo(a, toOption(o)), ...others]);
  const text = await res.clone().text();
  expect({ option: o.start, express: o.express, status: res.status, text }).toMatchObject({ status: 200 });
  const moved = await getAppointment(api, a.id);
  expect({ start: ms(moved.reception.start), advisorId: moved.reception.advisorId }).toEqual({
    start: ms(o.start),
    advisorId: o.advisorId,
  });
  expect({ express: moved.express, readyAt: moved.readyAt, return: moved.return }).toEqual({
    express: o.express,
    readyAt: o.readyAt,
    return: o.return,
  });
}
