import type { Page, Response } from "playwright-core";

// Holding an answer back, for races: a test routes a request, waits at a gate, and opens
// it once the page has moved on, so the answer lands late whatever the box's speed. Then
// it lets the page take the answer in (or drop it) before looking.

/** A gate: a held answer waits for `open()`. */
export function gate() {
  let open!: () => void;
  const shut = new Promise<void>((ok) => {
    open = ok;
  });
  return { shut, open };
}

/** The page's own next macrotask and frame: time for what just landed to be taken in (or dropped). */
export async function pageTurn(page: Page): Promise<void> {
  // A string: the test's tsconfig has no DOM types.
  await page.evaluate("new Promise((ok) => setTimeout(() => requestAnimationFrame(() => ok(null)), 50))");
}

/** After a late answer's body is in: the page's next turn, for it to be taken in (or dropped). */
export async function settled(page: Page, res: Response): Promise<void> {
  await res.finished();
  await pageTurn(page);
}
