import type { Context } from "hono";

// The hosted pages' HTML shell and headers. Everything they load comes from Pitlane
// itself (script-src 'self', no CDN, no external fonts). frame-ancestors is the dealer's
// `widgetOrigins` (the sites that may put the page in an iframe), or 'self' when the
// dealer lists none. Styles: the bundles adopt constructed stylesheets, the shell has
// one small <style>, hence 'unsafe-inline' for styles only (never for scripts).

export function frameAncestors(origins: readonly string[] | undefined): string {
  return origins && origins.length > 0 ? origins.join(" ") : "'self'";
}

export function contentSecurityPolicy(origins: readonly string[] | undefined): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "connect-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors(origins)}`,
  ].join("; ");
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);

const SHELL_CSS =
  "body{margin:0;padding:1rem;background:#fff;color:#1c1c1c;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}h1{font-size:1.5rem;margin:0 0 0.5rem 1rem}";

/**
 * The pages' icon, inline: without one every page load asks for /favicon.ico, which is a
 * 404 (a console error on every page). A data: URI (img-src allows data:), percent-encoded
 * whole so the page still names no http(s) address.
 */
export const FAVICON_LINK = `<link rel="icon" href="data:image/svg+xml,%3Csvg%20xmlns%3D%27http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%27%20viewBox%3D%270%200%2016%2016%27%3E%3Ccircle%20cx%3D%278%27%20cy%3D%278%27%20r%3D%277%27%20fill%3D%27%2314213d%27%2F%3E%3Cpath%20d%3D%27M5%208h6%27%20stroke%3D%27%23fff%27%20stroke-width%3D%272%27%2F%3E%3C%2Fsvg%3E">`;

export interface Page {
  lang: string;
  title: string;
  /** Already-escaped HTML for <body>. */
  body: string;
  /** Path of the module script, e.g. /widget.js. */
  script: string;
}

export function pageHtml(p: Page): string {
  return `<!doctype html>
<html lang="${escapeHtml(p.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
${FAVICON_LINK}
<style>${SHELL_CSS}</style>
<script type="module" src="${escapeHtml(p.script)}"></script>
</head>
<body>
${p.body}
</body>
</html>
`;
}

/** An HTML answer with the hosted pages' security headers. */
export function htmlResponse(
  c: Context,
  html: string,
  status: 200 | 404,
  origins: readonly string[] | undefined,
  cache: string,
): Response {
  return c.html(html, status, {
    "Content-Security-Policy": contentSecurityPolicy(origins),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": cache,
  });
}

/** ?lang= when it is one we speak, else undefined (the dealer's locale then). */
export function queryLang(c: Context): "it" | "en" | undefined {
  const l = c.req.query("lang");
  return l === "it" || l === "en" ? l : undefined;
}
