import type { ApiApp } from "../../api/deps.js";
import { Id } from "../../core/primitives.js";
import { findDealer } from "../../scheduler/page-dealer.js";
import { escapeHtml, htmlResponse, pageHtml, queryLang } from "./html.js";

// GET /book/{dealerId}: the booking widget on a plain page, for links and iframes. The
// query may preset the widget's attributes (?lang=en&vehicle-model=Grecale&vin=…&
// interventions=maintenance&theme=dark). Framing is allowed to the dealer's widgetOrigins.

const PASSED = ["vehicle-model", "vin", "interventions", "theme"] as const;
/** The page's own words (its title, a wrong link's): formal Italian, like the widget's. */
export const BOOK_PAGE_WORDS = {
  it: { title: "Prenotazione di un appuntamento", notFound: "Officina non trovata. Controlli il link." },
  en: { title: "Book an appointment", notFound: "Workshop not found. Please check the link." },
};

export function registerBookPage(app: ApiApp): void {
  app.get("/book/:dealerId", (c) => {
    const dealerId = c.req.param("dealerId");
    const dealer = Id.safeParse(dealerId).success ? findDealer(c.get("services"), { dealerId }) : null;
    const lang = queryLang(c) ?? dealer?.config.locale ?? "it";
    if (!dealer) {
      const body = `<main><h1>${escapeHtml(BOOK_PAGE_WORDS[lang].notFound)}</h1></main>`;
      return htmlResponse(
        c,
        pageHtml({ lang, title: BOOK_PAGE_WORDS[lang].notFound, body, script: "/widget.js" }),
        404,
        undefined,
        "no-store",
      );
    }
    const attrs = [`dealer="${escapeHtml(dealer.id)}"`];
    if (queryLang(c)) attrs.push(`lang="${lang}"`);
    for (const name of PASSED) {
      const v = c.req.query(name);
      if (v) attrs.push(`${name}="${escapeHtml(v.slice(0, 200))}"`);
    }
    const title = `${BOOK_PAGE_WORDS[lang].title} – ${dealer.config.name}`;
    const body = `<main><h1>${escapeHtml(dealer.config.name)}</h1><pitlane-booking ${attrs.join(" ")}></pitlane-booking></main>`;
    return htmlResponse(
      c,
      pageHtml({ lang, title, body, script: "/widget.js" }),
      200,
      dealer.config.widgetOrigins,
      "public, max-age=60",
    );
  });
}
