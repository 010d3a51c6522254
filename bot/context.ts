import type { Context } from "grammy";
import type { Db } from "../db/client";
import type { Conversation } from "../db/queries/conversations";
import type { MemberProfile } from "../db/queries/members";
import type { Prefetched } from "../db/queries/prefetch";
import type { UpdateClaim } from "../db/queries/updates";
import type { ChatPort } from "./ports/port";

export interface LinkMaker {
  /** A short-lived download link for a file kept in R2. */
  download(key: string, name: string): Promise<string>;
  /** The web form for a report with documents, where the channel cannot take them (Zalo). */
  reportForm(memberId: number, assignmentId: number, kind: "progress" | "completion"): Promise<string>;
}

export interface BotDeps {
  db: Db;
  now: () => Date;
  botUsername: string;
  /** The Zalo bot people open to use an invite (name, and zalo.me link where set). */
  zaloBot?: { name: string; url: string | null };
  /**
   * Puts reminders already written to the outbox on the alert queue, which
   * sends them at Telegram's pace (services/alerts/scheduled enqueuePending). Absent
   * without a queue binding: the rows wait for the next cron run.
   */
  enqueueReminders?: (reminderIds: number[]) => Promise<number>;
  /** Sends outbox rows now (notices a person's action caused); what fails is left to the queue's retries. */
  deliverNow?: (reminderIds: number[]) => Promise<void>;
  /** Puts a large export on the queue: built there, stored, and the member gets the link (services/export-job). */
  enqueueExport?: (job: { planId: number; memberId: number; format: "xlsx" | "csv" }) => Promise<void>;
  /** Above this many assignments, /xuat is built by the queue rather than in the chat request. */
  exportInlineMaxRows?: number;
  /** Signed links for files kept in storage and for pages of the back office. */
  links?: LinkMaker;
  /** A one-time login link to the web back office (services/links.ts) and how long it lasts; absent where the bot runs without the Worker. */
  webLoginLink?: (memberId: number) => Promise<{ url: string; validMinutes: number }>;
  /** This request's claim on the update: a flow's write settles it in the same batch (db/queries/updates writeSettling). */
  claim?: UpdateClaim;
}

/** The member is loaded by the webhook in the same D1 round trip that claims the update. */
export type BotContext = Context & {
  member: MemberProfile | null;
  /** The multi-step flow this chat is in, if any (loaded with the member). */
  conversation: Conversation | null;
  /** The chat had a flow that timed out: free text gets "start again" rather than "not understood". */
  flowExpired: boolean;
  /** What the webhook read ahead for this update (bot/prefetch.ts); use through bot/reads.ts. */
  prefetched: Prefetched | null;
  deps: BotDeps;
  /** How this chat is answered: Telegram or Zalo (bot/ports). */
  port: ChatPort;
};

/** Narrowed context for handlers that run only for members. */
export type MemberContext = BotContext & { member: MemberProfile };
