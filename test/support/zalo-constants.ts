/** The Zalo bindings tests run with; vitest.config.ts sets the same values (ZALO_BOT_TOKEN, ZALO_WEBHOOK_SECRET). */
export const ZALO_TEST_TOKEN = "zalo-test-token";
export const ZALO_TEST_WEBHOOK_SECRET = "zalo-test-secret";
