import type { ApiApp } from "../../api/deps.js";
import { findDealerByManageToken } from "../../scheduler/page-dealer.js";
import { ManageTokenParam } from "../manage/get.js";
import { escapeHtml, htmlResponse, pageHtml, queryLang } from "./html.js";

// GET /m/{manageToken}: the customer's page (see, reschedule, cancel, .ics), a second
// bundle (src/web/manage). The token is the secret: no-store, no Referer leaves the page,
// and a wrong token is the same plain 404 as the API's.

const NOT_FOUND = {
  it: "Appuntamento non trovato. Il link potrebbe essere errato o scaduto.",
  en: "Appointment not found. The link may be wrong or out of date.",
};

export function registerManagePage(app: ApiApp): void {
  app.get("/m/:token", (c) => {
    const token = c.req.param("token");
    const dealer = ManageTokenParam.safeParse({ token }).success
      ? findDealerByManageToken(c.get("services"), { token })
      : null;
    const lang = queryLang(c) ?? dealer?.config.locale ?? "it";
    if (!dealer) {
      const body = `<main><h1>${escapeHtml(NOT_FOUND[lang])}</h1></main>`;
      return htmlResponse(
        c,
        pageHtml({ lang, title: NOT_FOUND[lang], body, script: "/manage.js" }),
        404,
        undefined,
        "no-store",
      );
    }
    const title =
      lang === "it" ? `Il suo appuntamento – ${dealer.config.name}` : `Your appointment – ${dealer.config.name}`;
    const body = `<main id="pitlane-manage"></main>`;
    return htmlResponse(
      c,
      pageHtml({ lang, title, body, script: "/manage.js" }),
      200,
      dealer.config.widgetOrigins,
      "no-store",
    );
  });
}
