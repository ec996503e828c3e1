import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { ARTIFACTS_DIR, axeViolations } from "./browser.js";

// Helpers for the browser tier's pages (widget, manage page): keyboard-only navigation
// that reaches into open shadow roots, an axe + screenshot checkpoint per step, and a
// plain page on another 127.0.0.1 port (a dealer's website).

/** The focused element, through open shadow roots: what a keyboard user is on. */
export async function focused(
  page: Page,
): Promise<{ tag: string; name: string; type: string; checked: boolean; inDialog: boolean }> {
  return page.evaluate(() => {
    // The Node tests have no DOM types: an element as the members read here.
    type El = {
      shadowRoot?: { activeElement: El | null } | null;
      getAttribute(name: string): string | null;
      labels?: ArrayLike<{ textContent: string | null }>;
      textContent: string | null;
      tagName: string;
      type?: string;
      checked?: boolean;
      closest(selector: string): unknown;
    };
    let el = (globalThis as unknown as { document: { activeElement: El | null } }).document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return { tag: "", name: "", type: "", checked: false, inDialog: false };
    const label = el.getAttribute("aria-label") ?? (el.labels?.[0]?.textContent || "") ?? "";
    return {
      tag: el.tagName.toLowerCase(),
      name: (label || el.textContent || "").trim().replace(/\s+/g, " "),
      type: el.type ?? "",
      checked: !!el.checked,
      inDialog: !!el.closest("dialog"),
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches; fails after `max`. */
export async function tabTo(page: Page, name: RegExp, { back = false, max = 40 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (name.test((await focused(page)).name)) return;
  }
  throw new Error(`Tab never reached ${name}; last focus: ${JSON.stringify(await focused(page))}`);
}

/**
 * Waits until the page's text (shadow roots included) contains `text`. On a timeout the
 * error says what the page showed instead (its alerts, the start of its text), so that a
 * failure seen once in CI can be read without a rerun.
 */
export async function waitForText(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  try {
    await page.getByText(text).first().waitFor({ timeout });
  } catch (e) {
    const alerts = await page
      .getByRole("alert")
      .allInnerTexts()
      .catch(() => []);
    const shown = await page
      .locator("body")
      .innerText({ timeout: 1_000 })
      .catch(() => "(unreadable)");
    throw new Error(
      `${(e as Error).message}\nalerts: ${JSON.stringify(alerts)}\nthe page showed: ${JSON.stringify(shown.slice(0, 600))}`,
      { cause: e },
    );
  }
}

/** One step of a flow: zero axe violations, and a screenshot in ARTIFACTS_DIR. */
export async function checkpoint(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  const violations = await axeViolations(page);
  expect(violations, `axe on ${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** A plain HTTP server on 127.0.0.1 answering every GET with `html(path)`: a dealer's site. */
export async function plainSite(
  html: (path: string) => string,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html(req.url ?? "/"));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
