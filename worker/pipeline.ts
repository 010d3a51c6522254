import type { Context } from "hono";
import type { Update } from "grammy/types";
import type { BotContext, BotDeps } from "../bot/context";
import type { BotConfig } from "../bot/create-bot";
import type { ChatPort } from "../bot/ports/port";
import { createDb } from "../db/client";
import { type Conversation, conversationByChat, conversationFrom } from "../db/queries/conversations";
import { activeMemberByIdentity, type MemberProfile } from "../db/queries/members";
import { type PrefetchNeed, type PrefetchSender, prefetchedFrom, prefetchStatements } from "../db/queries/prefetch";
import { claimStateStatement, claimUpdate, UpdateClaim } from "../db/queries/updates";
import { countRoundTrips } from "../db/round-trip-counter";
import type { Channel } from "../db/schema";
import { type Env, readConfig } from "../services/env";
import { botDeps, runClaimed, settleAfterAnswer } from "./inbound";

export type InboundContext = Context<{ Bindings: Env }>;

/**
 * A channel's side of one inbound request (worker/channels): it reads and
 * verifies the request, then says what the pipeline is to claim and read.
 * Everything else — the claim, the member, flow and reads ahead in one D1
 * batch, the features, the settlement and the metrics — is the pipeline's.
 */
export type ChannelAdapter = (c: InboundContext) => Promise<InboundEvent | Response>;

/** A verified event, as the pipeline needs it. */
export interface InboundEvent {
  /** Unique per event on its channel ("tg:<update_id>", "zl:<message_id>"): a repeat finds it claimed. */
  claimKey: string;
  sender: PrefetchSender & { channel: Channel };
  /** What the features will read, fetched in the same batch; null when the event does not say yet. */
  need: PrefetchNeed | null;
  /**
   * Nothing the update does writes. Its claim still stays processing until the update is answered (settled
   * after the answer): a read-only update that dies mid-way is answered on the platform's retry.
   */
  readOnly: boolean;
  /** The channel's own reads in the same batch (Zalo: the chat's last menu); their rows reach prepare(). */
  reads?: (d1: D1Database) => D1PreparedStatement[];
  /**
   * With the member and flow loaded: the update for the features and how to
   * answer it, or null when the channel has answered by itself (a sticker on
   * Zalo, a key of no menu): the claim is then settled and nothing else runs.
   */
  prepare(loaded: Loaded): Promise<ForFeatures | null>;
}

export interface Loaded {
  member: MemberProfile | null;
  conversation: Conversation | null;
  /** Results of InboundEvent.reads, in order. */
  reads: D1Result<Record<string, unknown>>[];
  now: Date;
}

export interface ForFeatures {
  /** The update grammY routes (the channel's own, or one made for it). */
  update: Update;
  port: (ctx: BotContext, deps: BotDeps) => ChatPort;
  /** A handler failed: tell the person in the same chat, and whether what they sent was saved (a write went through). */
  apologize: (saved: boolean) => Promise<void>;
  /** Written with the claim's settlement after the answer (Zalo: the menu just shown). */
  alsoSettle?: () => D1PreparedStatement[];
  /** The HTTP answer; "OK" unless the channel carries something in it (Telegram: a button's answer). */
  respond?: (c: InboundContext) => Response;
}

/**
 * One inbound request, whatever the channel: verified and read by the
 * adapter, claimed once with the sender's membership, open flow and reads
 * ahead in one D1 round trip, handled by the features, and settled after
 * the answer (waitUntil), with X-D1-Round-Trips when metrics are exposed.
 */
export async function receive(c: InboundContext, adapter: ChannelAdapter): Promise<Response> {
  const event = await adapter(c);
  if (event instanceof Response) return event;

  const counter = countRoundTrips(c.env.DB);
  const db = createDb(counter.d1);
  const now = new Date();
  const t0 = performance.now();
  const claim = new UpdateClaim(event.claimKey);
  const own = event.reads?.(counter.d1) ?? [];
  const [claimed, claimState, memberRows, conversationRows, ...rest] = await counter.d1.batch<Record<string, unknown>>([
    claimUpdate(counter.d1, claim, now),
    claimStateStatement(counter.d1, claim),
    activeMemberByIdentity(counter.d1, event.sender.channel, event.sender.userId),
    conversationByChat(counter.d1, event.sender.chatKey),
    ...own,
    ...prefetchStatements(counter.d1, event.need, event.sender),
  ]);
  if (claimed!.results.length === 0) {
    // Another run holds a fresh claim and has not answered yet (or died within the minute): not "done" —
    // the platform must try again, or the update is lost if that run never finishes.
    if ((claimState!.results[0] as { state?: string } | undefined)?.state === "processing")
      return c.text("Service Unavailable (đang xử lý)", 503);
    return c.text("OK (đã xử lý)", 200);
  }
  const t1 = performance.now();

  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  const member = (memberRows!.results[0] as MemberProfile | undefined) ?? null;
  const conversation = conversationFrom(conversationRows!.results[0]);
  const features = await event.prepare({ member, conversation, reads: rest.slice(0, own.length), now });
  if (!features) {
    settleAfterAnswer(c.env.DB, claim, [], waitUntil);
    return c.text("OK", 200);
  }

  const bot = botConfigOf(c.env);
  const deps = { ...botDeps(c.env, db, bot.botUsername, waitUntil), claim };
  const outcome = await runClaimed(
    createDb(c.env.DB),
    claim,
    bot,
    features.update,
    {
      deps,
      member,
      conversation,
      prefetched: prefetchedFrom(event.need, rest.slice(own.length), conversation),
      port: (ctx) => features.port(ctx, deps),
    },
    () => features.apologize(counter.wrote()),
  );
  if (outcome === "retry") return c.text("Service Unavailable", 503);
  // Settled after the answer: X-D1-Round-Trips counts what the person waits for.
  const tripsAfter = settleAfterAnswer(c.env.DB, claim, features.alsoSettle?.() ?? [], waitUntil);
  if (c.env.EXPOSE_METRICS === "true") {
    c.header("X-D1-Round-Trips", String(counter.roundTrips()));
    c.header("X-D1-Round-Trips-After", String(tripsAfter));
    c.header("Server-Timing", `claim;dur=${(t1 - t0).toFixed(1)}, handle;dur=${(performance.now() - t1).toFixed(1)}`);
  }
  return features.respond?.(c) ?? c.text("OK", 200);
}

/**
 * The one bot every channel's updates run through, named after the Telegram
 * bot. grammY needs a token to build it even where only Zalo is served; the
 * Telegram API stays reachable from a Zalo update where there is a Telegram
 * bot (a role change also sets the person's Telegram command menu).
 */
function botConfigOf(env: Env): BotConfig {
  const telegram = env.TELEGRAM_BOT_TOKEN ? readConfig(env) : null;
  return {
    token: telegram?.TELEGRAM_BOT_TOKEN ?? "0:zalo-only",
    apiRoot: telegram?.TELEGRAM_API_ROOT ?? "https://api.telegram.org",
    botUsername: telegram?.BOT_USERNAME ?? "kehoach_demo_bot",
  };
}
