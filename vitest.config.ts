import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { TEST_BOT_TOKEN, TEST_WEBHOOK_SECRET } from "./test/support/constants";

export default defineConfig({
  plugins: [
    cloudflareTest(async ({ inject }) => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
          TELEGRAM_API_ROOT: inject("fakeTelegramUrl"),
          TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
          TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
          ZALO_API_ROOT: inject("fakeZaloUrl"),
          ZALO_BOT_TOKEN: "zalo-test-token",
          ZALO_WEBHOOK_SECRET: "zalo-test-secret",
          EXPOSE_METRICS: "true",
        },
      },
    })),
  ],
  test: {
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/apply-migrations.ts"],
    // End-to-end tests go through the webhook and fake APIs; a loaded 2-core machine can take seconds per screen.
    testTimeout: 20_000,
  },
});
