import { base64urlOfText, textOfBase64url } from "../../lib/base64url.js";
import { type DomainError, invalid } from "../errors.js";

// The task list's paging: `next` names the last task of a page, and `after=<next>` asks for
// the ones past it in the same order (open: oldest first; done: the last closed first).
// Keyset, not offset: a task closed or raised between two pages neither repeats another
// nor makes one skip. The key is the list's own sort key, made total by the id.
// Opaque to clients (base64url JSON); the state it was made for is inside, so a cursor of
// the open list sent with state=done is refused rather than silently misread.

export interface TaskCursor {
  state: "open" | "done";
  /** created_at (open) or the closing attempt's at (done), as stored. */
  at: string;
  /** The message's id (open) or the closing attempt's id (done): the tie-break. */
  id: string;
}

export function encodeTaskCursor(c: TaskCursor): string {
  return base64urlOfText(JSON.stringify([c.state, c.at, c.id]));
}

const refused = (message: string): DomainError => invalid("after", message, "query");

/** The cursor a page's `next` gave, for `state`; a 400 when it is not one, or is another list's. */
export function decodeTaskCursor(raw: string, state: "open" | "done"): TaskCursor {
  let parts: unknown;
  try {
    parts = JSON.parse(textOfBase64url(raw));
  } catch {
    throw refused("not a cursor of this list; use the `next` of the page before");
  }
  if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((p) => typeof p === "string"))
    throw refused("not a cursor of this list; use the `next` of the page before");
  const [s, at, id] = parts as string[];
  if (s !== state) throw refused(`a cursor of the ${s} tasks, not of the ${state} ones`);
  return { state, at, id };
}
