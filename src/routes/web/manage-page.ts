import type { ApiApp } from "../../api/deps.js";
import { findDealerByManageToken } from "../../scheduler/page-dealer.js";
import { ManageTokenParam } from "../manage/get.js";
import { escapeHtml, htmlResponse, pageHtml, queryLang } from "./html.js";

// GET /m/{manageToken}: the customer's page (see, reschedule, cancel, .ics), a second
// bundle (src/web/manage). The token is the secret: no-store, no Referer leaves the page,
// and a wrong token is the same plain 404 as the API's.

/** The page's own words (its title, a wrong link's): formal Italian, like the page's. */
export const MANAGE_PAGE_WORDS = {
  it: { title: "Il suo appuntamento", notFound: "Appuntamento non trovato. Il link potrebbe essere errato o scaduto." },
  en: { title: "Your appointment", notFound: "Appointment not found. The link may be wrong or out of date." },
};

export function registerManagePage(app: ApiApp): void {
  app.get("/m/:token", (c) => {
    const token = c.req.param("token");
    const dealer = ManageTokenParam.safeParse({ token }).success
      ? findDealerByManageToken(c.get("services"), { token })
      : null;
    const lang = queryLang(c) ?? dealer?.config.locale ?? "it";
    if (!dealer) {
      const body = `<main><h1>${escapeHtml(MANAGE_PAGE_WORDS[lang].notFound)}</h1></main>`;
      return htmlResponse(
        c,
        pageHtml({ lang, title: MANAGE_PAGE_WORDS[lang].notFound, body, script: "/manage.js" }),
        404,
        undefined,
        "no-store",
      );
    }
    const title = `${MANAGE_PAGE_WORDS[lang].title} – ${dealer.config.name}`;
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
