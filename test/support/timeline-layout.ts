// What the advisors' timeline lets a reader see, measured in the page (run with
// locator(".timeline-wrap").evaluate): where each slot's start time and customer name are
// drawn against what the slot shows of them (its own box, cut by every box between that
// clips), and where the ruler's hours sit. A clipped "08:3" is there in the DOM text and in
// the accessible name; only the rendered boxes tell it was cut.

import type { El, Rect, TextNode } from "./page-dom.js";

export interface SlotSeen {
  /** "reception 08:30" */
  slot: string;
  advisor: string;
  /** The slot's visible text (its aria-hidden label), and its accessible name. */
  label: string;
  name: string;
  /** The start time is drawn whole inside what the slot shows. */
  timeWhole: boolean;
  /** The customer's name likewise (null: the label has none). */
  customerWhole: boolean | null;
  timeBox: Rect | null;
  /**
   * The express "E" and forced "!" marks its accessible name says it has (English page),
   * each with whether it is drawn whole inside what the slot shows.
   */
  marks: { mark: string; whole: boolean }[];
}

export interface TimelineSeen {
  slots: SlotSeen[];
  /** Each hour of the ruler, and whether it lies within the ruler's own width. */
  hours: { text: string; inside: boolean }[];
}

export function timelineSeen(wrap: El, customers: string[]): TimelineSeen {
  const doc = wrap.ownerDocument;
  const SHOW_TEXT = 4;
  const cut = (a: Rect, b: Rect): Rect => ({
    left: Math.max(a.left, b.left),
    right: Math.min(a.right, b.right),
    top: Math.max(a.top, b.top),
    bottom: Math.min(a.bottom, b.bottom),
  });
  // Half a pixel of slack for sub-pixel layout.
  const within = (r: Rect, box: Rect) =>
    r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
  /** What of the page `el` can show inside `outer`: outer's box cut by each clipping box between. */
  const shownBox = (el: El, outer: El): Rect => {
    let box = outer.getBoundingClientRect();
    for (let e: El | null = el; e && e !== outer; e = e.parentElement) {
      const s = doc.defaultView.getComputedStyle(e);
      if (s.overflowX !== "visible" || s.overflowY !== "visible") box = cut(box, e.getBoundingClientRect());
    }
    return box;
  };
  /**
   * The drawn box of `text` under `root` (its first occurrence, or its last: a mark comes
   * after a name that may hold the same letter), and whether it lies whole inside what
   * `outer` shows.
   */
  const drawn = (root: El, outer: El, text: string, last = false): { box: Rect; whole: boolean } | null => {
    const walker = doc.createTreeWalker(root, SHOW_TEXT);
    let found: { n: TextNode; at: number } | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = last ? n.data.lastIndexOf(text) : n.data.indexOf(text);
      if (at < 0) continue;
      found = { n, at };
      if (!last) break;
    }
    if (!found) return null;
    const range = doc.createRange();
    range.setStart(found.n, found.at);
    range.setEnd(found.n, found.at + text.length);
    const box = range.getBoundingClientRect();
    return { box, whole: within(box, shownBox(found.n.parentElement, outer)) };
  };
  const slots: SlotSeen[] = [];
  for (const button of wrap.querySelectorAll("button.slot")) {
    const start = button.getAttribute("data-start") ?? "";
    const label = button.querySelector("span[aria-hidden]")!;
    const text = (label.textContent ?? "").replace(/\s+/g, " ").trim();
    const customer = customers.find((c) => text.includes(c));
    const time = drawn(label, button, start);
    const name = button.getAttribute("aria-label") ?? "";
    const marks = [
      [", express", "E"],
      [", forced", "!"],
    ]
      .filter(([said]) => name.includes(said))
      .map(([, mark]) => ({ mark, whole: drawn(label, button, mark, true)?.whole ?? false }));
    slots.push({
      slot: `${button.getAttribute("data-kind")} ${start}`,
      advisor: button.closest("li.row")?.getAttribute("data-advisor") ?? "",
      label: text,
      name,
      timeWhole: time?.whole ?? false,
      customerWhole: customer ? (drawn(label, button, customer)?.whole ?? false) : null,
      timeBox: time?.box ?? null,
      marks,
    });
  }
  // Sideways only (a DOMRect's sides are getters: copied one by one, not spread).
  const scale = wrap.querySelector(".hours .scale")!.getBoundingClientRect();
  const ruler = { left: scale.left, right: scale.right, top: -Infinity, bottom: Infinity };
  const hours = [...wrap.querySelectorAll(".hours .scale > span")].map((s) => ({
    text: s.textContent ?? "",
    inside: within(s.getBoundingClientRect(), ruler),
  }));
  return { slots, hours };
}

/**
 * Scrolled to the day's end: whether the ruler's last hour is whole in the scroller's view,
 * and, per advisor, whether their name is still what lies under its own middle (in view,
 * not under a slot).
 */
export function scrolledToEnd(wrap: El & { scrollLeft: number; scrollWidth: number }) {
  const doc = wrap.ownerDocument;
  wrap.scrollLeft = wrap.scrollWidth;
  const view = wrap.getBoundingClientRect();
  const hours = [...wrap.querySelectorAll(".hours .scale > span")];
  const last = hours[hours.length - 1].getBoundingClientRect();
  const names = [...wrap.querySelectorAll("li.row .who")].map((who) => {
    const r = who.getBoundingClientRect();
    const hit = doc.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    return { name: who.textContent ?? "", seen: r.left >= view.left - 0.5 && !!hit && who === hit.closest(".who") };
  });
  return {
    scrolled: wrap.scrollLeft > 0,
    lastHour: {
      text: hours[hours.length - 1].textContent ?? "",
      whole: last.left >= view.left && last.right <= view.right,
    },
    names,
  };
}
