import { describe, expect, it } from "vitest";
import { mostAtOnce } from "../../src/core/most-at-once.js";

// The most half-open windows out at one instant of a day (core/most-at-once.ts): the day
// board's courtesy cars in use.

const DAY: [number, number] = [1000, 2440];

describe("mostAtOnce", () => {
  it.each<[string, Array<[number, number]>, number]>([
    ["no window", [], 0],
    ["one window", [[1100, 1200]], 1],
    [
      "back-to-back: back before out again",
      [
        [1100, 1200],
        [1200, 1300],
        [1300, 1400],
      ],
      1,
    ],
    [
      "three overlapping, a fourth after them",
      [
        [1100, 1300],
        [1150, 1250],
        [1200, 1260],
        [1300, 1400],
      ],
      3,
    ],
    [
      "a stay from the day before and one into the next",
      [
        [500, 1100],
        [1050, 3000],
      ],
      2,
    ],
    ["a stay over the whole day", [[0, 5000]], 1],
    [
      "windows outside the day",
      [
        [0, 1000],
        [2440, 2500],
      ],
      0,
    ],
    ["an empty window", [[1200, 1200]], 0],
  ])("%s", (_, windows, most) => {
    expect(mostAtOnce(windows, ...DAY)).toBe(most);
  });
});
