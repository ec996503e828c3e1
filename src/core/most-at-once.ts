// The most half-open windows [start, end) that overlap at any one instant of [from, to):
// the day board's courtesy cars in use (scheduler/day-board.ts), from the stored stays,
// which may start on earlier days and end on later ones. A window that ends at t and one
// that starts at t do not overlap (the car came back before it went out again), as on the
// index's car timeline (car-timeline.ts), so the two agree on what "out at once" means.

export function mostAtOnce(windows: ReadonlyArray<readonly [number, number]>, from: number, to: number): number {
  const edges: Array<[number, number]> = [];
  for (const [s, e] of windows) {
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (a < b) edges.push([a, 1], [b, -1]);
  }
  // At one instant, returns before departures: -1 sorts before +1.
  edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let out = 0;
  let most = 0;
  for (const [, d] of edges) {
    out += d;
    if (out > most) most = out;
  }
  return most;
}
