// The DOM members that the page-measuring helpers read (slot-names.ts, timeline-layout.ts).
// The Node tests have no DOM types, and those helpers run inside the page through
// locator.evaluate, so they may import types only: these are erased, nothing else travels.

export interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface El {
  getBoundingClientRect(): Rect;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  getAttribute(name: string): string | null;
  closest(selector: string): El | null;
  parentElement: El | null;
  textContent: string | null;
  ownerDocument: Doc;
}

export interface TextNode {
  data: string;
  parentElement: El;
}

export interface Doc {
  defaultView: { getComputedStyle(el: El): { overflowX: string; overflowY: string; textOverflow: string } };
  createTreeWalker(root: El, show: number): { nextNode(): TextNode | null };
  createRange(): {
    setStart(n: TextNode, at: number): void;
    setEnd(n: TextNode, at: number): void;
    getBoundingClientRect(): Rect;
    getClientRects(): Iterable<Rect>;
  };
  elementFromPoint(x: number, y: number): El | null;
}
