import type { SqliteHandle, SqliteStatement } from "./sqlite-handle.js";
import { caughtUpUnderLock } from "./tx.js";

// The change feed between server processes that share one SQLite file (node.ts with
// WORKERS > 1). Each process keeps every dealer's capacity index in memory and updates
// it after its OWN commits; this feed tells it about the others' commits.
//
// Writing: TEMP triggers on this connection append (dealer, appointment) to
// index_changes for every appointment row inserted or updated, and (dealer, NULL) for
// every change of a dealer's configuration. Triggers, not calls in the repos: every
// write path (booking, move, lifecycle, reshuffle, the journey's no-shows, file links)
// is covered, including the ones added later.
//
// Reading: read() returns the rows after this process's cursor, cheaply skipped when
// nothing can be new: `PRAGMA data_version` changes only when ANOTHER connection
// commits. When it has not changed, every row after the cursor is this process's own,
// already in its indexes (each write path updates them after its commit, as with one
// process), so the cursor jumps past them unread. That is the writer's case with
// WRITE_ROUTING=writer: it re-read and re-compared each booking it had just written
// (~7 % of its CPU per booking, issue 17). When another connection did commit, own rows
// after the cursor come back with the others' and are re-applied (idempotent).
// Trap: the version and the newest seq come from ONE statement, one snapshot; read in two,
// another process's commit could fall between them and be skipped as if it were ours.
//
// Trap: the triggers are TEMP, i.e. per connection. A process that writes this file
// without them (a script, an old build) is invisible to the others until they restart.

export interface Change {
  seq: number;
  dealerId: string;
  /** null: the dealer's configuration changed. */
  appointmentId: string | null;
}

/** The feed's key (in the appointment column) for "the dealer's priority VINs changed". */
export const PRIORITY_VINS_KEY = "vehicles:priority";

/** Rows kept by prune(): a process further behind than this rebuilds everything. */
export const KEEP_CHANGES = 100_000;

const TRIGGERS = [
  `CREATE TEMP TRIGGER IF NOT EXISTS feed_appointment_insert AFTER INSERT ON main.appointments
     BEGIN INSERT INTO index_changes (dealer_id, appointment_id) VALUES (NEW.dealer_id, NEW.id); END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS feed_appointment_update AFTER UPDATE ON main.appointments
     BEGIN INSERT INTO index_changes (dealer_id, appointment_id) VALUES (NEW.dealer_id, NEW.id); END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS feed_appointment_delete AFTER DELETE ON main.appointments
     BEGIN INSERT INTO index_changes (dealer_id, appointment_id) VALUES (OLD.dealer_id, OLD.id); END`,
  // Holds (issue 14) share the appointment column under the key "hold:<id>" (scheduler/holds/live.ts).
  `CREATE TEMP TRIGGER IF NOT EXISTS feed_hold_insert AFTER INSERT ON main.holds
     BEGIN INSERT INTO index_changes (dealer_id, appointment_id) VALUES (NEW.dealer_id, 'hold:' || NEW.id); END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS feed_hold_delete AFTER DELETE ON main.holds
     BEGIN INSERT INTO index_changes (dealer_id, appointment_id) VALUES (OLD.dealer_id, 'hold:' || OLD.id); END`,
  // The VINs a dealer holds as priority (each runtime keeps them, scheduler/trust.ts): one
  // row per write that can change the set, under the key PRIORITY_VINS_KEY.
  `CREATE TEMP TRIGGER IF NOT EXISTS feed_vehicle_insert AFTER INSERT ON main.vehicles WHEN NEW.priority = 1
     BEGIN INSERT INTO index_changes (dealer_id, appointment_id) VALUES (NEW.dealer_id, '${PRIORITY_VINS_KEY}'); END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS feed_vehicle_update AFTER UPDATE ON main.vehicles
     WHEN (OLD.priority = 1 OR NEW.priority = 1)
       AND (OLD.priority IS NOT NEW.priority OR OLD.vin IS NOT NEW.vin OR OLD.dealer_id IS NOT NEW.dealer_id)
     BEGIN INSERT INTO index_changes (dealer_id, appointment_id) VALUES (OLD.dealer_id, '${PRIORITY_VINS_KEY}'), (NEW.dealer_id, '${PRIORITY_VINS_KEY}'); END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS feed_vehicle_delete AFTER DELETE ON main.vehicles WHEN OLD.priority = 1
     BEGIN INSERT INTO index_changes (dealer_id, appointment_id) VALUES (OLD.dealer_id, '${PRIORITY_VINS_KEY}'); END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS feed_dealer_insert AFTER INSERT ON main.dealers
     BEGIN INSERT INTO index_changes (dealer_id, appointment_id) VALUES (NEW.id, NULL); END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS feed_dealer_update AFTER UPDATE ON main.dealers
     BEGIN INSERT INTO index_changes (dealer_id, appointment_id) VALUES (NEW.id, NULL); END`,
  `CREATE TEMP TRIGGER IF NOT EXISTS feed_dealer_delete AFTER DELETE ON main.dealers
     BEGIN INSERT INTO index_changes (dealer_id, appointment_id) VALUES (OLD.id, NULL); END`,
];

// Trap: "SELECT MIN(seq), MAX(seq) FROM t" in ONE select scans the whole table (SQLite's
// min/max shortcut only applies to a lone aggregate); it ran on every write of a cluster
// and grew with the feed (21 % of the writer's CPU in bench/write-cpu, issue 17). Two
// scalar subqueries are two index lookups. test/cluster/change-feed.test.ts checks the plans.
export const BOUNDS_SQL =
  "SELECT (SELECT MIN(seq) FROM index_changes) AS min, (SELECT MAX(seq) FROM index_changes) AS max";
export const SINCE_SQL =
  "SELECT seq, dealer_id AS dealerId, appointment_id AS appointmentId FROM index_changes WHERE seq > ? ORDER BY seq";

/**
 * A runtime's cheap "did any connection commit since the last look?" (node/wal-watch.ts
 * reads the WAL-index header): quiet() true means certainly not, so the SQL probe is
 * skipped; false means maybe (then the feed asks SQL and, if that worked, settled()).
 */
export interface CommitWatch {
  quiet(): boolean;
  settled(): void;
  forget(): void;
  close(): void;
}

/**
 * Every CHECK_EVERY-th quiet answer of the watch is checked in SQL anyway: should the
 * watch ever read the wrong file, it is caught and dropped instead of hiding commits
 * (a write's re-check under its BEGIN hook relies on this feed).
 */
export const CHECK_EVERY = 256;

export class ChangeFeed {
  private readonly probe: SqliteStatement;
  private readonly since: SqliteStatement;
  private readonly oldest: SqliteStatement;
  private readonly last: SqliteStatement;
  private cursor: number;
  private seenVersion = 0;

  /** Quiet answers since the last SQL look. */
  private quietSince = 0;
  /** Whether the last SQL look saw another connection's commit. */
  private foreign = false;
  /** Set when the watch was caught saying "nobody committed" wrongly, and dropped. */
  watchFailed = false;

  constructor(
    private readonly sqlite: SqliteHandle,
    private readonly watch?: CommitWatch | null,
  ) {
    for (const sql of TRIGGERS) sqlite.exec(sql);
    // One statement, one snapshot: "did anyone else commit" and the newest row.
    this.probe = sqlite.prepare(
      "SELECT (SELECT data_version FROM pragma_data_version) AS v, (SELECT MAX(seq) FROM index_changes) AS m",
    );
    this.since = sqlite.prepare(SINCE_SQL);
    this.oldest = sqlite.prepare(BOUNDS_SQL);
    this.last = sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'index_changes'");
    this.cursor = this.newest();
    this.nothingNew();
  }

  /**
   * The newest committed seq: everything up to it is already in storage, where a runtime
   * is built from. An empty (fully pruned) table still has its AUTOINCREMENT high-water mark.
   */
  private newest(): number {
    const last = this.last.get() as { seq: number } | undefined;
    return Math.max((this.oldest.get() as { max: number | null }).max ?? 0, last?.seq ?? 0);
  }

  /**
   * After a failed group COMMIT, with every runtime dropped for a rebuild from storage: the
   * cursor may have moved onto rows of the rolled-back transaction, whose seqs SQLite hands
   * out again (to another process, maybe); back to the newest committed one.
   */
  resync(): void {
    this.watch?.forget();
    this.cursor = this.newest();
  }

  /**
   * True when no other connection committed since the last call: then nothing after the
   * cursor is news (rows this connection wrote meanwhile are skipped).
   */
  private nothingNew(): boolean {
    const { v, m } = this.probe.get() as { v: number; m: number | null };
    if (v !== this.seenVersion) {
      this.seenVersion = v;
      return false;
    }
    if (m !== null && m > this.cursor) this.cursor = m;
    return true;
  }

  /**
   * The changes since the last read, oldest first; null when there cannot be any;
   * "reset" when this process fell behind the pruned feed (drop every runtime).
   */
  read(): Change[] | "reset" | null {
    // Inside a group's transaction the BEGIN hook already read; our own rows written
    // since are skipped by the next probe after COMMIT (data_version unchanged).
    if (caughtUpUnderLock(this.sqlite)) return null;
    // Nobody committed since the last look: nothing new, and no rows of ours to skip either.
    // One quiet answer in CHECK_EVERY is looked at in SQL all the same (below).
    const quiet = !this.watchFailed && this.watch?.quiet() === true;
    if (quiet && ++this.quietSince < CHECK_EVERY) return null;
    this.quietSince = 0;
    try {
      const news = this.sqlRead();
      if (quiet && this.foreign) {
        // The header said "nobody" and SQL saw another connection's commit: the watch
        // reads some other file (a -shm SQLite does not use). Never trust it again (its
        // descriptor stays open until close(): see the trap there).
        this.watchFailed = true;
      }
      this.watch?.settled();
      return news;
    } catch (e) {
      this.watch?.forget();
      throw e;
    }
  }

  private sqlRead(): Change[] | "reset" | null {
    this.foreign = false;
    if (this.nothingNew()) return null;
    this.foreign = true;
    const { min, max } = this.oldest.get() as { min: number | null; max: number | null };
    if (min !== null && min > this.cursor + 1) {
      this.cursor = max!;
      return "reset";
    }
    const rows = this.since.all(this.cursor) as Change[];
    if (rows.length > 0) this.cursor = rows[rows.length - 1].seq;
    return rows;
  }

  /**
   * Closes what the watch holds (the -shm file descriptor). Trap: closing any descriptor
   * of that file drops every POSIX lock this process holds on it, SQLite's included:
   * call it only after the process's connections to the file are closed.
   */
  close(): void {
    this.watch?.close();
  }

  /** Drops all but the newest KEEP_CHANGES rows (any process may call it). */
  prune(keep = KEEP_CHANGES): void {
    this.sqlite.prepare("DELETE FROM index_changes WHERE seq <= (SELECT MAX(seq) FROM index_changes) - ?").run(keep);
  }
}
