import type { Transformer } from "grammy";

/** Longer waits are not worth holding a person's answer (and the webhook) for: those fail as before. */
const MAX_WAIT_SECONDS = 5;
const ATTEMPTS = 3;

/**
 * Telegram allows a chat about a message a second: when alerts to that chat
 * were just delivered, a reply to the person gets 429 with `retry_after`.
 * The reply then waits that long and is sent again, rather than being lost
 * (with the apology, which would meet the same limit).
 */
export const waitWhenTooMany: Transformer = async (prev, method, payload, signal) => {
  for (let attempt = 1; ; attempt++) {
    const result = await prev(method, payload, signal);
    const wait = !result.ok && result.error_code === 429 ? result.parameters?.retry_after : undefined;
    if (wait === undefined || wait > MAX_WAIT_SECONDS || attempt >= ATTEMPTS) return result;
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  }
};
