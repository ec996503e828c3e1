import { board } from "./api.js";
import { refusalOf } from "./refusal.js";
import { ApiFailure } from "./http.js";
import { tw } from "./task-words.js";
import type { DeskTask, RecordResult, Session, TaskOutcome } from "./types.js";

// What the Tasks panel asks of the server: a call the desk made about a task, and a task's
// customer's phone number.

interface Args {
  session: Session;
  onSessionLost: (err: unknown) => void;
  /** Reads the day and the tasks again. */
  reload: () => Promise<void>;
}

export function deskCalls({ session, onSessionLost, reload }: Args) {
  // A call the desk made about a task. Closed or withdrawn meanwhile (409, by another desk
  // or by the journey): the list is read again, the task leaves it, and the page says why.
  // Any other refusal is said in the form, which stays.
  const recordCall = async (task: DeskTask, outcome: TaskOutcome, note: string, key: string): Promise<RecordResult> => {
    try {
      await board.recordCall(session, task.id, note ? { outcome, note } : { outcome }, key);
      await reload();
      return { ok: true };
    } catch (err) {
      onSessionLost(err);
      if (err instanceof ApiFailure && err.problem.status === 409) {
        await reload();
        return { ok: false, gone: true, sentence: tw(err.problem.state === "withdrawn" ? "withdrawn" : "alreadyDone") };
      }
      return { ok: false, gone: false, sentence: refusalOf(err).sentence };
    }
  };

  // A task's customer's phone number, read on request from the appointment (staff view).
  const phoneOf = async (appointmentId: string): Promise<string | null> => {
    try {
      return (await board.appointment(session, appointmentId)).customer?.phone ?? null;
    } catch (err) {
      onSessionLost(err);
      throw new Error(refusalOf(err).sentence);
    }
  };

  return { recordCall, phoneOf };
}
