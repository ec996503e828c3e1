import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testWebAssets } from "../support/web-assets.js";
import {
  availability,
  book,
  booking,
  inProcess,
  type InProcess,
  putDealer,
  romeDealer,
  search,
} from "../support/http.js";

// The customer pages as HTTP resources: the widget script (size budget, CORS for any
// embedding site), the hosted booking page and the manage page (CSP frame-ancestors from
// the dealer's widgetOrigins, 404 pages, no caching of a token's page). Their behaviour
// in a browser is test/browser/.

let t: InProcess;
let token: string;
beforeAll(async () => {
  t = inProcess({ deps: { webAssets: await testWebAssets() } });
  await putDealer(
    t.api,
    "listed",
    romeDealer({ widgetOrigins: ["https://www.dealer.example", "https://shop.dealer.example"], locale: "en" }),
  );
  await putDealer(t.api, "unlisted", romeDealer());
  const [o] = (await search(t.api, "listed", availability())).options;
  token = (await book(t.api, "listed", booking({ optionId: o.optionId }))).manageToken!;
});
afterAll(() => t?.close());

describe("GET /widget.js", () => {
  it("is one ES module of at most 25 KB gzipped, preact included, loadable from any site", async () => {
    const res = await t.request("/widget.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const code = await res.text();
    expect(code).toContain("pitlane-booking");
    expect(code).not.toMatch(/^\s*import\s/m); // self-contained: no imports left to fetch
    expect(gzipSync(code).length).toBeLessThanOrEqual(25 * 1024);
  });

  it("the manage page's script is served too, for Pitlane's own origin only", async () => {
    const res = await t.request("/manage.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("GET /book/{dealerId}", () => {
  it("frames only in the dealer's widgetOrigins, loads only Pitlane's own script, speaks the dealer's language", async () => {
    const res = await t.request("/book/listed");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors https://www.dealer.example https://shop.dealer.example");
    expect(csp).not.toMatch(/frame-ancestors[^;]*'self'/);
    expect(csp).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<script type="module" src="/widget.js"></script>');
    expect(html).toContain('<pitlane-booking dealer="listed"');
    expect(html).not.toMatch(/https?:\/\//); // no CDN, no external font
    expect(html).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/); // no /favicon.ico 404 on every load
  });

  it("frames only in Pitlane itself when the dealer lists no origin", async () => {
    const res = await t.request("/book/unlisted");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    expect(await res.text()).toContain('<html lang="it">');
  });

  it("passes lang and the widget's presets from the query, escaped", async () => {
    const html = await (
      await t.request('/book/unlisted?lang=en&vehicle-model=Gr"><script>x</script>&interventions=maintenance')
    ).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('lang="en"');
    expect(html).toContain('vehicle-model="Gr&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(html).toContain('interventions="maintenance"');
  });

  it("answers an unknown dealer with a 404 page in words", async () => {
    const res = await t.request("/book/nobody?lang=en");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Workshop not found");
  });
});

describe("GET /m/{manageToken}", () => {
  it("serves the customer's page, never cached, no Referer, framed like the booking page", async () => {
    const res = await t.request(`/m/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors https://www.dealer.example");
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/manage.js"></script>');
    expect(html).not.toContain(token); // the script reads it from the address bar
  });

  it.each(["listed_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "short", "%3Cscript%3E"])(
    "answers a wrong token (%s) with the same 404 page",
    async (bad) => {
      const res = await t.request(`/m/${bad}?lang=en`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain("Appointment not found");
    },
  );
});

describe("GET /board", () => {
  it("carries the pages' icon inline: no /favicon.ico request, no 404 in the console", async () => {
    const res = await t.request("/board");
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);
  });
});

describe("abuse limits", () => {
  it("the hosted pages are rate limited per address like a search", async () => {
    const limited = inProcess({
      deps: {
        webAssets: await testWebAssets(),
        rateLimits: {
          search: { perSecond: 1, burst: 2 },
          booking: { perSecond: 1, burst: 1 },
          dealer: { perSecond: 100, burst: 100 },
        },
      },
    });
    try {
      await putDealer(limited.api, "listed", romeDealer());
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.request("/book/listed")).status);
      expect(statuses).toContain(429);
      expect((await limited.request("/widget.js")).status).toBe(200); // the script is static: never limited
    } finally {
      limited.close();
    }
  });
});
