// Minute bitsets: bit m of a day's block says something about elapsed minute m.
// `base` is the block's first word (advisor × WORDS_PER_DAY).

export function setRange(bits: Uint32Array, base: number, s: number, e: number): void {
  for (let m = s; m < e; m++) bits[base + (m >>> 5)] |= 1 << (m & 31);
}

export function clearRange(bits: Uint32Array, base: number, s: number, e: number): void {
  for (let m = s; m < e; m++) bits[base + (m >>> 5)] &= ~(1 << (m & 31));
}

function mask(s: number, e: number, w: number): number {
  // Bits of word w that fall in [s, e).
  const lo = Math.max(s - w * 32, 0);
  const hi = Math.min(e - w * 32, 32);
  if (hi <= lo) return 0;
  const width = hi - lo;
  return (width === 32 ? 0xffffffff : ((1 << width) - 1) << lo) | 0;
}

export function anySet(bits: Uint32Array, base: number, s: number, e: number): boolean {
  for (let w = s >>> 5, last = (e - 1) >>> 5; w <= last; w++) {
    if ((bits[base + w] & mask(s, e, w)) !== 0) return true;
  }
  return false;
}

export function allSet(bits: Uint32Array, base: number, s: number, e: number): boolean {
  for (let w = s >>> 5, last = (e - 1) >>> 5; w <= last; w++) {
    const m = mask(s, e, w);
    if ((bits[base + w] & m) !== m) return false;
  }
  return true;
}
