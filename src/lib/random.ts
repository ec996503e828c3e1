// CSPRNG bytes from the platform (Web Crypto getRandomValues: Node 20 and Workers alike),
// drawn from a 4 KiB pool. Why a pool: each getRandomValues call costs several µs of
// binding overhead whatever its size, and a booking wants three small draws (its id, its
// manage token, the seal's nonce) inside its transaction (issue 17). Bytes are handed
// out once and never reused; each caller gets its own copy.

const POOL = 4096;
let pool = new Uint8Array(0);
let at = 0;

/** n fresh random bytes (n ≤ 4096). */
export function randomBytes(n: number): Uint8Array {
  if (n > POOL) throw new RangeError(`randomBytes: at most ${POOL} bytes at once`);
  if (at + n > pool.length) {
    pool = new Uint8Array(POOL);
    crypto.getRandomValues(pool);
    at = 0;
  }
  const out = pool.slice(at, at + n);
  // Wiped as handed out: a later memory dump of the pool does not reveal issued secrets.
  pool.fill(0, at, at + n);
  at += n;
  return out;
}
