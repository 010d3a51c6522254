export const TEST_BOT_TOKEN = "123456789:TEST-TOKEN";
export const TEST_WEBHOOK_SECRET = "test-webhook-secret";
