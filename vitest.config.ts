import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { TEST_BOT_TOKEN, TEST_WEBHOOK_SECRET } from "./test/support/constants";
import { ZALO_TEST_TOKEN, ZALO_TEST_WEBHOOK_SECRET } from "./test/support/zalo-constants";

/**
 * Two projects: everything in the Workers runtime against a real local D1
 * ("workers"), and the back office driven in Chromium against `wrangler dev`
 * ("browser", Node: a browser cannot run inside workerd).
 */
export default defineConfig({
  test: {
    projects: [
      {
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
                // The fake serves the photos users "send"; only it, by its whole origin (a local run).
                ZALO_PHOTO_HOSTS: new URL(inject("fakeZaloUrl")).origin,
                ZALO_BOT_TOKEN: ZALO_TEST_TOKEN,
                ZALO_WEBHOOK_SECRET: ZALO_TEST_WEBHOOK_SECRET,
                EXPOSE_METRICS: "true",
                // The tests run on the repository's demo secrets (core/settings/secrets.ts).
                ALLOW_DEMO_SECRETS: "true",
              },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["test/**/*.test.ts"],
          exclude: ["test/browser/**"],
          globalSetup: ["./test/global-setup.ts"],
          setupFiles: ["./test/apply-migrations.ts"],
          // End-to-end tests go through the webhook and fake APIs; a loaded 2-core machine can take seconds per screen.
          testTimeout: 20_000,
        },
      },
      {
        // Checks that need a program of the machine (LibreOffice), in Node; each skips with a message without it.
        test: {
          name: "tools",
          environment: "node",
          include: ["test/tools/**/*.test.ts"],
          testTimeout: 240_000,
        },
      },
      {
        test: {
          name: "browser",
          environment: "node",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["./test/browser/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
