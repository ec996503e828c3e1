// How fast this box's memory answers right now, printed beside the write bench's figures
// (issue 17). The same code on this 2-core virtual machine spends 600–700 µs of server CPU
// a booking at some moments and 1,000–1,100 at others, and the host reports none of it as
// steal time. An arithmetic loop runs at one speed throughout; a chain of dependent random
// reads over 16 MiB (past the caches a core has to itself, so it depends on what the
// machine's neighbours do to the shared ones) does not: 67–160 ns a step within an hour,
// loosely in step with the server's CPU a booking (a correlation of 0.55 over eight
// loads). So each row carries this probe from just before and just after its load, as a
// hint of which box it ran on, no more.
//
// Lower is faster: nanoseconds per step. The figure is the box's, not the server's; it is
// taken while no server runs.

const ENTRIES = 4 * 1024 * 1024; // Int32 entries: 16 MiB

/**
 * A random cyclic permutation (Sattolo's algorithm): following next[i] from any entry
 * visits every entry once before it comes back, so the chain never settles into a short
 * loop the caches could hold. `random` is injectable for the test.
 */
export function chaseTable(n: number, random: () => number = Math.random): Int32Array {
  const next = new Int32Array(n);
  for (let i = 0; i < n; i++) next[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * i); // j < i: Sattolo, not Fisher–Yates (one cycle)
    const t = next[i];
    next[i] = next[j];
    next[j] = t;
  }
  return next;
}

let table: Int32Array | undefined;

/** Nanoseconds per dependent random read over 16 MiB, over about `ms` milliseconds (median of 3 slices). */
export function memoryProbeNs(ms = 300): number {
  // Just built, much of the table still sits in the caches that wrote it (a first probe
  // read 44 ns a step against 128–164 after): a first slice settles them, unmeasured.
  const fresh = table === undefined;
  table ??= chaseTable(ENTRIES);
  const next = table;
  const slices: number[] = [];
  let at = 0;
  for (let s = fresh ? -1 : 0; s < 3; s++) {
    const t0 = performance.now();
    let steps = 0;
    let t = t0;
    while (t - t0 < ms / 3) {
      for (let k = 0; k < 65_536; k++) at = next[at];
      steps += 65_536;
      t = performance.now();
    }
    if (s >= 0) slices.push(((t - t0) * 1e6) / steps);
  }
  // `at` flows into the result's bit pattern so the chain cannot be optimised away.
  return Math.round(slices.sort((a, b) => a - b)[1] * 10) / 10 + (at < 0 ? 1 : 0);
}
