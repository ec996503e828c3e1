import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import type { AxeResults, NodeResult, RunOptions } from "axe-core";
import { ensureChromium } from "./ensure-chromium.js";

// One way to start the browser tier's Chromium: Debian's binary (scripts/ensure-chromium.sh
// installs it; `npm test` runs that first, and the first launch here when it is missing:
// ensure-chromium.ts), never a downloaded build. The flags keep it off the network this
// machine does not have (background networking, updates, sync).
export const CHROMIUM = process.env.PITLANE_CHROMIUM ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  ensureChromium(CHROMIUM);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * Launches the browser while `starting` (a server) comes up, for a beforeAll. Should either
 * fail, the other is stopped before the error goes on: the afterAll only knows what was
 * assigned, and a server it never learnt of would outlive the test run (as when Chromium is
 * missing because vitest ran without `npm test`'s pretest).
 */
export async function launchBrowserBeside<S>(
  starting: Promise<S>,
  stop: (server: S) => Promise<unknown>,
): Promise<[S, Browser]> {
  const [server, browser] = await Promise.allSettled([starting, launchBrowser()]);
  if (server.status === "fulfilled" && browser.status === "fulfilled") return [server.value, browser.value];
  // The setup's own error is what the test reports, whatever the clean-up meets.
  if (server.status === "fulfilled") await stop(server.value).catch(() => {});
  if (browser.status === "fulfilled") await browser.value.close().catch(() => {});
  throw server.status === "rejected" ? server.reason : (browser as PromiseRejectedResult).reason;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: NodeResult["impact"] | null;
  help: string;
  nodes: { target: NodeResult["target"]; html: string }[];
}

/** Runs axe-core (WCAG 2.x A/AA) in the page; an empty list means axe-clean. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol, not as a <script>: a page with a strict CSP
  // (script-src 'self', like Pitlane's own pages) would refuse an inline script tag.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // axe is injected at run time, and the Node tests have no DOM types: the page global as the two names used.
    const win = globalThis as unknown as {
      axe: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
      document: unknown;
    };
    const result = await win.axe.run(win.document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
    }));
  });
}

/** Where the browser tier saves its screenshots (CI keeps them as artifacts). */
export const ARTIFACTS_DIR = new URL("../../test-artifacts/", import.meta.url).pathname;
