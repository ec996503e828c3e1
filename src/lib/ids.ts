// Row ids: UUID version 7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then 74 random
// bits, in the usual 8-4-4-4-12 hex form.
//
// Why not crypto.randomUUID() (version 4): every table keys its rows by this text id
// through an index, and so do the indexes that point at a row (a job's appointment, its
// dedupe key "kind:appointmentId"). Random ids put each new entry on a random leaf page,
// so one booking dirtied ~18 pages and wrote ~74 KB of WAL (issue 17). Time-ordered ids
// append: a group commit's bookings share the same few right-most pages.
//
// Still unguessable: 74 bits from the CSPRNG. What it tells: the row's creation time to
// the millisecond, which the API already returns as createdAt.
//
// Ordering is not promised within a millisecond (the random part decides); nothing may
// sort by id to mean "older first".

import { randomBytes } from "./random.js";

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A new UUIDv7 for the row made at `ms` (Unix milliseconds; the wall clock by default). */
export function newId(ms: number = Date.now()): string {
  const r = randomBytes(10);
  // 48-bit timestamp, big-endian: the high 16 bits, then the low 32.
  const hi = Math.floor(ms / 2 ** 32) & 0xffff;
  const lo = ms >>> 0;
  const t =
    HEX[hi >>> 8] +
    HEX[hi & 0xff] +
    HEX[lo >>> 24] +
    HEX[(lo >>> 16) & 0xff] +
    "-" +
    HEX[(lo >>> 8) & 0xff] +
    HEX[lo & 0xff];
  // Version 7 in the high nibble of byte 6, variant 0b10 in the high bits of byte 8.
  return (
    t +
    "-" +
    HEX[0x70 | (r[0] & 0x0f)] +
    HEX[r[1]] +
    "-" +
    HEX[0x80 | (r[2] & 0x3f)] +
    HEX[r[3]] +
    "-" +
    HEX[r[4]] +
    HEX[r[5]] +
    HEX[r[6]] +
    HEX[r[7]] +
    HEX[r[8]] +
    HEX[r[9]]
  );
}
