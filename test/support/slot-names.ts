// How a customer's name is drawn in the advisors' timeline slots, measured in the page
// (run with locator(".timeline-wrap").evaluate): per word, whether it is broken across
// lines ("Massimilia" / "no"), drawn whole, cut at the slot's edge (and then whether with
// an ellipsis), or hidden (a line past the last shown); and how many of the name's first
// letters are drawn inside the slot. Only the rendered boxes tell: the DOM text and the
// accessible name are whole either way.

import type { El, Rect, TextNode } from "./page-dom.js";

export interface WordSeen {
  word: string;
  /** Drawn on more than one line: broken inside. */
  broken: boolean;
  shown: "whole" | "cut" | "hidden";
  /** Its box ends in an ellipsis when cut (text-overflow). */
  ellipsis: boolean;
}

export interface NameSeen {
  appointment: string;
  /** "reception 09:45" */
  slot: string;
  /** The button's accessible name. */
  label: string;
  words: WordSeen[];
  /** How many of the first word's letters lie inside what the slot shows (an ellipsis may cover the last one or two). */
  lead: number;
}

export function namesSeen(wrap: El, name: string): NameSeen[] {
  const doc = wrap.ownerDocument;
  const SHOW_TEXT = 4;
  const cut = (a: Rect, b: Rect): Rect => ({
    left: Math.max(a.left, b.left),
    right: Math.min(a.right, b.right),
    top: Math.max(a.top, b.top),
    bottom: Math.min(a.bottom, b.bottom),
  });
  const within = (r: Rect, box: Rect) =>
    r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
  const meets = (r: Rect, box: Rect) =>
    r.left < box.right && r.right > box.left && r.top < box.bottom - 0.5 && r.bottom > box.top + 0.5;
  /** What of the page `el` can show inside `outer`: outer's box cut by each clipping box between. */
  const shownBox = (el: El, outer: El): Rect => {
    let box = outer.getBoundingClientRect();
    for (let e: El | null = el; e && e !== outer; e = e.parentElement) {
      const s = doc.defaultView.getComputedStyle(e);
      if (s.overflowX !== "visible" || s.overflowY !== "visible") box = cut(box, e.getBoundingClientRect());
    }
    return box;
  };
  /** The text node under `root` holding `text`, and where. */
  const find = (root: El, text: string) => {
    const walker = doc.createTreeWalker(root, SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.data.indexOf(text);
      if (at >= 0) return { n, at };
    }
    return null;
  };
  const range = (n: TextNode, from: number, to: number) => {
    const r = doc.createRange();
    r.setStart(n, from);
    r.setEnd(n, to);
    return r;
  };
  const seen: NameSeen[] = [];
  for (const button of wrap.querySelectorAll("button.slot")) {
    const label = button.querySelector("span[aria-hidden]")!;
    const words: WordSeen[] = [];
    for (const word of name.split(" ")) {
      const at = find(label, word);
      if (!at) continue;
      const r = range(at.n, at.at, at.at + word.length);
      const box = r.getBoundingClientRect();
      const shown = shownBox(at.n.parentElement, button);
      words.push({
        word,
        // Chromium gives a word cut by an ellipsis two boxes on one line (laid out, and shown).
        broken: new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size > 1,
        shown: within(box, shown) ? "whole" : meets(box, shown) ? "cut" : "hidden",
        ellipsis: doc.defaultView.getComputedStyle(at.n.parentElement).textOverflow === "ellipsis",
      });
    }
    if (words.length === 0) continue;
    const firstWord = name.split(" ")[0];
    const first = find(label, firstWord)!;
    const shown = shownBox(first.n.parentElement, button);
    let lead = 0;
    while (lead < firstWord.length) {
      const box = range(first.n, first.at + lead, first.at + lead + 1).getBoundingClientRect();
      if (!within(box, shown)) break;
      lead++;
    }
    seen.push({
      appointment: button.getAttribute("data-appointment") ?? "",
      slot: `${button.getAttribute("data-kind")} ${button.getAttribute("data-start")}`,
      label: button.getAttribute("aria-label") ?? "",
      words,
      lead,
    });
  }
  return seen;
}
