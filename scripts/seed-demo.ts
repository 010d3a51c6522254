/**
 * Loads the demo data into the local D1 (idempotent). Run after migrations:
 * `npx tsx scripts/seed-demo.ts [--persist-to DIR]` (DIR as given to wrangler).
 */
import { getPlatformProxy } from "wrangler";
import { createDb } from "../db/client";
import { seedDemo } from "../db/seed-demo";

const at = process.argv.indexOf("--persist-to");
const persistTo = at > 0 ? process.argv[at + 1] : undefined;
const proxy = await getPlatformProxy<{ DB: D1Database }>({
  configPath: "wrangler.toml",
  persist: persistTo ? { path: `${persistTo}/v3` } : true,
});
try {
  const result = await seedDemo(createDb(proxy.env.DB));
  console.log(result === "seeded" ? "Đã nạp dữ liệu mẫu." : "Dữ liệu mẫu đã có sẵn.");
} finally {
  await proxy.dispose();
}
