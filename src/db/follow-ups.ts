import type { SqliteHandle } from "./sqlite-handle.js";

// A group commit's follow-ups: rows a write asks for that go in after the group's last
// write, in the same transaction (db/group-commit.ts). immediate() (tx.ts) takes back the
// ones asked for inside a savepoint it rolls back.

/**
 * A follow-up: a write of its own, or one item of a batch that writes once for all the
 * group's items under the same key (afterGroupWritesBatched). One entry per item, so a
 * rolled-back savepoint takes back exactly its own items (the truncation in immediate()).
 */
export type FollowUp = (() => void) | { key: string; item: unknown; flush: (items: unknown[]) => void };

/** The follow-ups asked for by the writes of the group being flushed on a handle. */
const followUps = new WeakMap<SqliteHandle, FollowUp[]>();

/** The list a group is collecting into on this handle, if any (immediate() truncates it on a rollback). */
export const followUpsOf = (sqlite: SqliteHandle): FollowUp[] | undefined => followUps.get(sqlite);

/**
 * A write's follow-up rows (a booking's timers and supervisor's notice): inside a group
 * commit's writes, after the group's last write, in the same transaction; anywhere else,
 * right away.
 *
 * Why: written inside each write's savepoint, the pages they touch are copied into that
 * savepoint's journal once per write; after the last write no write's savepoint is open,
 * and the group's follow-ups fill the same few pages together (0.96× and 0.88× of the
 * writer's CPU per booking in bench/write-verb.ts). Still in the transaction: a 201 still
 * means they are stored. A savepoint that is rolled back takes back the follow-ups asked
 * for inside it (immediate(), tx.ts).
 *
 * Trap: fn runs after the group's later writes, so it must not depend on anything they
 * change, and it sees the objects it closes over as they are then, not as they were.
 */
export function afterGroupWrites(sqlite: SqliteHandle, fn: () => void): void {
  const list = followUps.get(sqlite);
  if (list) list.push(fn);
  else fn();
}

/**
 * afterGroupWrites for rows that one write for many does better (the supervisor hears of a
 * group's bookings in one notice, journey/supervisor-notice.ts): inside a group, `flush`
 * runs once for every item asked under `key` by the group's writes that stood, in the
 * order asked; anywhere else, right away with this item alone. The first item's `flush`
 * is the one that runs.
 */
export function afterGroupWritesBatched<T>(
  sqlite: SqliteHandle,
  key: string,
  item: T,
  flush: (items: T[]) => void,
): void {
  const list = followUps.get(sqlite);
  if (list) list.push({ key, item, flush: flush as (items: unknown[]) => void });
  else flush([item]);
}

/**
 * Runs a group's follow-ups in the order asked; a batch where its first item was asked,
 * with all of its items.
 */
export function runFollowUps(list: readonly FollowUp[]): void {
  const batches = new Map<string, unknown[]>();
  for (const f of list) {
    if (typeof f === "function") continue;
    const items = batches.get(f.key);
    if (items) items.push(f.item);
    else batches.set(f.key, [f.item]);
  }
  for (const f of list) {
    if (typeof f === "function") f();
    else {
      const items = batches.get(f.key);
      if (!items) continue; // flushed at its first item
      batches.delete(f.key);
      f.flush(items);
    }
  }
}

/** Runs fn (a group's writes) with afterGroupWrites collecting into `list` on this handle. */
export function collectingFollowUps<T>(sqlite: SqliteHandle, list: FollowUp[], fn: () => T): T {
  followUps.set(sqlite, list);
  try {
    return fn();
  } finally {
    followUps.delete(sqlite);
  }
}
