import { renderDocsHtml } from "../api/docs-html.js";
import type { ApiApp } from "../api/deps.js";
import { openApiDocument } from "../api/openapi.js";

// Plain hono routes (not app.openapi) so the docs endpoints do not describe themselves.
// Register LAST: the document is memoized on first request and must see every route.

export function registerDocs(app: ApiApp): void {
  app.get("/openapi.json", (c) => c.json(openApiDocument(app)));

  let html: string | undefined;
  app.get("/docs", (c) => {
    html ??= renderDocsHtml(openApiDocument(app));
    // No scripts on this page at all; the CSP makes that a guarantee.
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(html);
  });
}
