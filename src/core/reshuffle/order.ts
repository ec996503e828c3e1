import type { CapacityIndex } from "../capacity-index.js";
import type { DayInfo } from "../dealer.js";

/**
 * Advisors on duty on `day`, `first` ahead of all (when on duty), then least loaded first
 * (fewest receptions that day), ties by advisor order. Insertion sort: no comparator
 * closure, a few dozen advisors at most.
 */
export function advisorsByLoad(index: CapacityIndex, day: DayInfo, first: number): number[] {
  const st = index.peek(day.n);
  const order: number[] = [];
  for (let a = 0; a < index.dealer.advisors.length; a++) {
    if (a === first || day.duty[a].length === 0) continue;
    const load = st ? st.receptions[a].length : 0;
    let i = order.length;
    while (st && i > 0 && st.receptions[order[i - 1]].length > load) i--;
    order.splice(i, 0, a);
  }
  if (first >= 0 && first < index.dealer.advisors.length && day.duty[first].length > 0) order.unshift(first);
  return order;
}
