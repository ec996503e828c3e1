import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes SQL + meta journal into db/migrations/, which is committed
// and applied at startup by src/db/open.ts. Never edit a generated migration by hand.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./db/migrations",
});
