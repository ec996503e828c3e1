import type { SqliteHandle, SqliteStatement } from "./sqlite-handle.js";

// "Has anything of this dealer changed?" for the advisors' page's live stream
// (routes/board/events.ts). Works the same for every writer: this process, the other
// server processes on the file (WORKERS > 1) and the Durable Object on Workers.
//
// Every interval, one cheap probe — `PRAGMA data_version` moves only when ANOTHER
// connection commits, total_changes() only when this one writes — and only when it moved,
// one fingerprint per dealer somebody listens to: count and sum of versions of its
// appointments (every write bumps a version or adds a row), its configuration's version
// (absences), its staff messages (tasks) and the desk's attempts at them (an attempt
// closes a task without adding a message). Listeners hear of a dealer when its
// fingerprint changed. Not the index_changes feed: a single process has no triggers.

export const PULSE_INTERVAL_MS = 400;

export class DealerPulse {
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly marks = new Map<string, string>();
  private readonly probe: SqliteStatement;
  private readonly print: SqliteStatement;
  private timer: ReturnType<typeof setInterval> | undefined;
  private seen = "";

  constructor(
    sqlite: SqliteHandle,
    private readonly intervalMs = PULSE_INTERVAL_MS,
  ) {
    this.probe = sqlite.prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes() AS v");
    this.print = sqlite.prepare(
      `SELECT (SELECT COUNT(*) || ':' || COALESCE(SUM(version), 0) FROM appointments WHERE dealer_id = ?)
           || ':' || COALESCE((SELECT version FROM dealers WHERE id = ?), 0)
           || ':' || (SELECT COUNT(*) FROM outbox WHERE dealer_id = ? AND audience = 'staff')
           || ':' || (SELECT COUNT(*) FROM task_attempts WHERE dealer_id = ?) AS f`,
    );
  }

  /** Calls fn after each change of the dealer's data; returns the unsubscribe. */
  subscribe(dealerId: string, fn: () => void): () => void {
    let set = this.listeners.get(dealerId);
    if (!set) {
      this.listeners.set(dealerId, (set = new Set()));
      this.marks.set(dealerId, this.fingerprint(dealerId));
    }
    set.add(fn);
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.tick(), this.intervalMs);
      // Node: an open stream, not this timer, is what keeps a server alive.
      (this.timer as { unref?: () => void }).unref?.();
    }
    return () => {
      set.delete(fn);
      if (set.size === 0) {
        this.listeners.delete(dealerId);
        this.marks.delete(dealerId);
      }
      if (this.listeners.size === 0 && this.timer !== undefined) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  private fingerprint(dealerId: string): string {
    return (this.print.get(dealerId, dealerId, dealerId, dealerId) as { f: string }).f;
  }

  /** One probe; fingerprints only when some connection committed since the last tick. */
  tick(): void {
    let v: string;
    try {
      v = (this.probe.get() as { v: string }).v;
    } catch {
      // The connection closed under us (shutdown): stop, and wake everyone once so their
      // streams notice and end.
      clearInterval(this.timer);
      this.timer = undefined;
      for (const fns of this.listeners.values()) for (const fn of fns) fn();
      return;
    }
    if (v === this.seen) return;
    this.seen = v;
    for (const [dealerId, fns] of this.listeners) {
      const f = this.fingerprint(dealerId);
      if (f === this.marks.get(dealerId)) continue;
      this.marks.set(dealerId, f);
      for (const fn of fns) fn();
    }
  }
}
