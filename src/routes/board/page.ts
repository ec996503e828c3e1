import type { ApiApp } from "../../api/deps.js";
import { FAVICON_LINK } from "../web/html.js";
import { BOARD_CSS } from "./styles.js";

// GET /board: the advisors' page, an HTML shell around /board.js (src/web/board/). No
// third-party origin anywhere (CSP 'self'), never framed (a drag in a hidden frame is a
// click-jacking vector), never cached (it is the door to a session).

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pitlane · advisors' day</title>
${FAVICON_LINK}
<style>${BOARD_CSS}</style>
</head>
<body>
<div id="board"><p class="loading">Pitlane…</p></div>
<script type="module" src="/board.js"></script>
</body>
</html>`;

export function registerBoardPage(app: ApiApp): void {
  app.get("/board", (c) => {
    c.header("Content-Security-Policy", CSP);
    c.header("X-Frame-Options", "DENY");
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
    return c.html(HTML);
  });
}
