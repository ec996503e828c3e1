import type { DialogState } from "./day-dialogs.js";
import type { WalkedIn } from "./walk-in-dialog.js";

// What the day page does with what its parts hand back: a dialog's outcome, a parts
// action, a sentence to say, and the way to another day's appointment. The notice (the
// page's status region) says what was done; the day is read again.

interface Args {
  date: string;
  setDate: (date: string) => void;
  reload: () => Promise<void>;
  setNotice: (sentence: string) => void;
  setDialog: (state: DialogState) => void;
  /** The slot to focus once its day is drawn again. */
  focusAt: (at: WalkedIn) => void;
}

export function dayOutcomes({ date, setDate, reload, setNotice, setDialog, focusAt }: Args) {
  // The page's notice says it again when the same sentence comes twice (day-page.tsx: useSaidAgain).
  const say = setNotice;

  const done = (message?: string) => {
    setDialog(null);
    if (message) say(message);
    reload();
  };

  // A parts action in a dialog: it stays open (the next part is ordered from it); the
  // notice says what was done, and the day and its details are read again.
  const changed = (sentence: string) => {
    say(sentence);
    reload();
  };

  // A task about another day's appointment: that day, with its slot focused once drawn.
  const goTo = (at: WalkedIn) => {
    focusAt(at);
    if (at.date === date) reload();
    else setDate(at.date);
  };

  const walkedIn = (walkIn: WalkedIn, message: string) => {
    focusAt(walkIn);
    setDialog(null);
    say(message);
    if (walkIn.date === date) reload();
    else setDate(walkIn.date);
  };

  return { done, say, changed, goTo, walkedIn };
}
