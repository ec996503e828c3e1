import { useRef, useState } from "preact/hooks";
import { board } from "./api.js";
import { refusalOf } from "./refusal.js";
import type { DeskTask, Session } from "./types.js";

// The desk's tasks as the page shows them: the open ones of every day, page after page
// ("Show more tasks" appends the next), and the last ones done. `next`: more open tasks
// follow (the page after the last shown). `pages`: how many pages are shown, read again as
// many at each reload (day-load.ts), so the task being worked on does not vanish from under
// the advisor at a live change.

export interface TaskLists {
  open: DeskTask[];
  done: DeskTask[];
  next: string | null;
}

export function useTaskPages(session: Session, onSessionLost: (err: unknown) => void) {
  const [tasks, setTasks] = useState<TaskLists>({ open: [], done: [], next: null });
  const pages = useRef(1);
  const now = useRef(tasks);
  now.current = tasks;

  /**
   * A reload's read of the tasks; resolves to what draws them, for the load to call only if
   * it is still the latest. A page added while this was read is not in it: the list drawn
   * with it stays.
   */
  const read = async (): Promise<() => void> => {
    const shown = pages.current;
    const [open, closed] = await Promise.all([board.openTasks(session, shown), board.tasks(session, "done")]);
    return () => {
      if (pages.current === shown) setTasks({ open: open.tasks, done: closed.tasks, next: open.next });
    };
  };

  // "Show more tasks": the page past the last shown, appended. Resolves to the first task
  // it adds (the panel focuses it), null when it adds none; rejects with a sentence.
  const more = async (): Promise<string | null> => {
    const from = now.current.next;
    if (!from) return null;
    let page: { tasks: DeskTask[]; next: string | null };
    try {
      page = await board.tasks(session, "open", from);
    } catch (err) {
      onSessionLost(err);
      throw new Error(refusalOf(err).sentence);
    }
    const lists = now.current;
    // A reload drew the list again meanwhile, its own pages: this one is not theirs to follow.
    if (lists.next !== from) return null;
    const shown = new Set(lists.open.map((task) => task.id));
    const added = page.tasks.filter((task) => !shown.has(task.id));
    pages.current++;
    setTasks({ ...lists, open: [...lists.open, ...added], next: page.next });
    return added[0]?.id ?? null;
  };

  return { tasks, read, more };
}
