import type { ReminderPayload } from "../../../db/queries/outbox";

/** How a failed send is treated: wait and retry, give the channel up for this person, give up, or try again later. */
export type SendFailure =
  | {
      kind: "rate_limited";
      retryAfterSeconds: number;
      /** How long to hold every send before trying again, when shorter than retryAfterSeconds. */
      pauseSeconds?: number;
      description: string;
    }
  | { kind: "unreachable"; description: string }
  | { kind: "permanent"; description: string }
  | { kind: "transient"; description: string };

/** One channel's way of delivering an outbox row to a chat. */
export interface ChannelSender {
  send(chatId: string, payload: ReminderPayload, signal: AbortSignal): Promise<void>;
  classify(error: unknown): SendFailure;
}
