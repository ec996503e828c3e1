import { createRoute, z } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { ReportQuery, ReportView } from "../../scheduler/journey/contracts.js";
import { dealerReport } from "../../scheduler/journey/report-load.js";
import { reportCsv } from "../../scheduler/journey/reports.js";
import { DealerParam } from "../shared.js";

export const reportRoute = createRoute({
  operationId: "getReport",
  method: "get",
  path: "/v1/dealers/{dealerId}/reports",
  tags: ["journey"],
  summary: "Daily, weekly or monthly statistics, as JSON or CSV (staff)",
  description:
    "Bookings by channel and the 24-hour confirmation count requests CREATED in the period; no-shows, express within one day and quiet hours count receptions IN the period; utilisations count capacity held inside it.",
  security: bearerSecurity,
  request: { params: DealerParam, query: ReportQuery },
  responses: {
    200: {
      description: "The figures",
      content: { "application/json": { schema: ReportView }, "text/csv": { schema: z.string() } },
    },
    ...problemResponses("not_found"),
  },
});

export function registerReport(app: ApiApp): void {
  app.openapi({ ...reportRoute, middleware: [staffOnly] as const }, (c) => {
    const { dealerId } = c.req.valid("param");
    const query = c.req.valid("query");
    const report = dealerReport(c.get("ctx"), { dealerId, query });
    if (query.format === "csv") {
      return c.body(reportCsv(report), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${dealerId}-${query.period}-${report.from}.csv"`,
      });
    }
    return c.json(report, 200);
  });
}
