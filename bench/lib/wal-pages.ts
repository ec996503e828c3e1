// Which b-trees a booking's commits dirty (issue 17): the WAL's frames, page by page, named
// by the table or index that owns each page. A count, like the WAL's KiB, so it does not
// move with the box's load: what an index, a key's size or a row's size costs the disk
// and the COMMIT shows here before any timing can see it.
//
// Why it tells more than the KiB: every page a transaction changes goes to the WAL whole,
// however little of it changed. An index whose new entries land on a random leaf (a hash,
// an Idempotency-Key, a reception time) costs a page or more per booking whatever the
// group's size; one whose entries append (a time-ordered id, a creation instant) shares
// its last page with the whole group.
//
// The WAL format (sqlite.org/fileformat2.html#walformat): a 32-byte header (bytes 8-11 the
// page size, 16-23 the salts of this generation of the log), then frames of a 24-byte
// header (bytes 0-3 the page number, 4-7 non-zero on a transaction's last frame, 8-15 the
// salts) and the page. Trap: a checkpoint that leaves the file's size (RESTART, PASSIVE)
// lets the next writer start over at the file's start, and the older frames stay behind
// the new ones: only frames with the header's salts count, up to the last commit frame.
// Page owners come from the dbstat virtual table (better-sqlite3 builds SQLite with it),
// read through the same connection, so pages that exist only in the WAL count.
import { readFileSync } from "node:fs";
import type Database from "better-sqlite3";

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** The page numbers of the WAL's committed frames of its current generation, in order. */
export function committedFrames(wal: Buffer): number[] {
  if (wal.length < WAL_HEADER) return [];
  const pageSize = wal.readUInt32BE(8);
  const salts = wal.subarray(16, 24);
  const pages: number[] = [];
  let committed = 0;
  for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
    if (!wal.subarray(at + 8, at + 16).equals(salts)) break;
    pages.push(wal.readUInt32BE(at));
    if (wal.readUInt32BE(at + 4) !== 0) committed = pages.length;
  }
  return pages.slice(0, committed);
}

/** Pages written to `walPath` per booking, by owning b-tree, largest first ("(other)": free-list and pointer-map pages). */
export function walPagesByTree(db: Database.Database, walPath: string, bookings: number): Record<string, number> {
  const owner = new Map<number, string>();
  for (const r of db.prepare("SELECT name, pageno FROM dbstat").all() as Array<{ name: string; pageno: number }>)
    owner.set(r.pageno, r.name);
  const frames = new Map<string, number>();
  for (const page of committedFrames(readFileSync(walPath))) {
    const name = owner.get(page) ?? "(other)";
    frames.set(name, (frames.get(name) ?? 0) + 1);
  }
  return Object.fromEntries(
    [...frames].sort((a, b) => b[1] - a[1]).map(([name, n]) => [name, Math.round((n / bookings) * 100) / 100] as const),
  );
}

/** The first `top` trees as "name 1.63, …", and what the rest add up to. */
export function pagesText(byTree: Record<string, number>, top = 8): string {
  const all = Object.entries(byTree);
  const rest = all.slice(top).reduce((s, [, n]) => s + n, 0);
  const total = all.reduce((s, [, n]) => s + n, 0);
  return `${total.toFixed(1)} pages: ${all
    .slice(0, top)
    .map(([name, n]) => `${name} ${n.toFixed(2)}`)
    .join(", ")}${rest > 0 ? `, the other ${all.length - top} ${rest.toFixed(2)}` : ""}`;
}
