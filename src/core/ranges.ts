// Flat sorted [start, end, …] minute ranges, the shape every day table and reception list uses.

/** True when [s, e) lies inside one of the ranges. */
export function within(ranges: number[], s: number, e: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (s >= ranges[i] && e <= ranges[i + 1]) return true;
  return false;
}

/** True when [s, e) overlaps any of the ranges. */
export function overlaps(ranges: number[], s: number, e: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (s < ranges[i + 1] && e > ranges[i]) return true;
  return false;
}
