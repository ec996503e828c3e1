import { createRoute } from "@hono/zod-openapi";
import { bearerSecurity, staffOnly } from "../../api/auth.js";
import type { ApiApp } from "../../api/deps.js";
import { problemResponses } from "../../api/openapi.js";
import { TaskList, TaskQuery } from "../../scheduler/tasks/contracts.js";
import { listTasks } from "../../scheduler/tasks/tasks.js";
import { DealerParam } from "../shared.js";

export const listTasksRoute = createRoute({
  operationId: "listTasks",
  method: "get",
  path: "/v1/dealers/{dealerId}/tasks",
  tags: ["journey"],
  summary: "The service desk's tasks: calls to make, open or done (staff)",
  description:
    "A task is a staff message the desk must act on (a no-show call, a call that replaces a customer message, a parts notice overdue); its id is the message's. Open: not withdrawn and not closed by an attempt (reached, not_needed), oldest first, every one of them however many newer messages there are. Done: the last closed first. A list longer than `limit` says `truncated` and gives `next`: send it as `after` for the following page. Customers are named, never their addresses.",
  security: bearerSecurity,
  request: { params: DealerParam, query: TaskQuery },
  responses: {
    200: { description: "The tasks, with their attempts", content: { "application/json": { schema: TaskList } } },
    ...problemResponses("not_found", "unauthorized", "forbidden"),
  },
});

export function registerListTasks(app: ApiApp): void {
  app.openapi({ ...listTasksRoute, middleware: [staffOnly] as const }, (c) =>
    c.json(listTasks(c.get("ctx"), { dealerId: c.req.valid("param").dealerId, query: c.req.valid("query") }), 200),
  );
}
