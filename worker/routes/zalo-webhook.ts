import { Hono } from "hono";
import type { Update } from "grammy/types";
import type { BotContext } from "../../bot/context";
import { ZaloPort } from "../../bot/ports/zalo";
import { zaloTexts } from "../../bot/texts";
import { readTypedInput } from "../../bot/zalo-input";
import { isReadOnly, prefetchNeedForZaloText } from "../../bot/prefetch";
import { createDb } from "../../db/client";
import { chatMenuByKey, chatMenuFrom, chatMenuStatement, zaloChatKey } from "../../db/queries/chat-menus";
import { conversationByChat, conversationFrom } from "../../db/queries/conversations";
import { activeMemberByIdentity, type MemberProfile } from "../../db/queries/members";
import { prefetchedFrom, prefetchStatements } from "../../db/queries/prefetch";
import { claimUpdate, UpdateClaim } from "../../db/queries/updates";
import { countRoundTrips } from "../../db/round-trip-counter";
import { readConfig, readZaloConfig, type Env } from "../env";
import { fileLinks } from "../file-links";
import { botDeps, runClaimed, settleAfterAnswer } from "../inbound";
import { secretMatches } from "../secret";
import { ZaloApi } from "../zalo/client";
import { keepPhoto, photoHostsOf, storeExport } from "../zalo/files";
import { syntheticUpdate } from "../zalo/synthetic-update";
import { parseZaloWebhook, type ZaloEvent } from "../zalo/update";

export const zaloWebhook = new Hono<{ Bindings: Env }>();

/**
 * Zalo Bot Platform webhook. The same features as on Telegram: the event is
 * read (both body shapes), claimed once by its message_id, and turned into
 * the update grammY would get on Telegram — a typed key of the last menu
 * becomes the button press it stands for — then answered through the Zalo
 * port (plain text and menus).
 */
zaloWebhook.post("/webhook", async (c) => {
  const zalo = readZaloConfig(c.env);
  if (!zalo) return c.text("Not Found", 404);
  const given = c.req.header("X-Bot-Api-Secret-Token");
  const body = await c.req.json().catch(() => null);
  const event = parseZaloWebhook(body);
  if (given === undefined && event === null) return c.text("OK", 200); // setWebhook's check carries no secret and no message
  if (!secretMatches(given, zalo.ZALO_WEBHOOK_SECRET)) return c.text("Unauthorized", 401);
  if (!event) return c.text("OK (bỏ qua)", 200);

  const counter = countRoundTrips(c.env.DB);
  const db = createDb(counter.d1);
  const chatKey = zaloChatKey(event.chatId);
  const now = new Date();
  // A typed command is known now; a menu pick only once the chat's menu is read.
  const need = event.kind === "text" ? prefetchNeedForZaloText(event.text) : null;
  const claim = new UpdateClaim(`zl:${event.messageId}`, event.kind === "text" && isReadOnly({ text: event.text }, need));
  const [claimed, memberRows, conversationRows, menuRows, ...fetched] = await counter.d1.batch<Record<string, unknown>>([
    claimUpdate(counter.d1, claim, now),
    activeMemberByIdentity(counter.d1, "zalo", event.userId),
    conversationByChat(counter.d1, chatKey),
    chatMenuByKey(counter.d1, chatKey),
    ...prefetchStatements(counter.d1, need, { channel: "zalo", userId: event.userId, chatKey }),
  ]);
  if (claimed!.results.length === 0) return c.text("OK (đã xử lý)", 200);

  const api = new ZaloApi({ token: zalo.ZALO_BOT_TOKEN, apiRoot: zalo.ZALO_API_ROOT });
  const plainDb = createDb(c.env.DB);
  const waitUntil = (p: Promise<unknown>) => c.executionCtx.waitUntil(p);
  const settle = (also: D1PreparedStatement[] = []) => settleAfterAnswer(c.env.DB, claim, also, waitUntil);
  const member = (memberRows!.results[0] as MemberProfile | undefined) ?? null;
  const conversation = conversationFrom(conversationRows!.results[0]);
  const flowOpen = conversation !== null && conversation.memberId === member?.id && conversation.expiresAt > now.toISOString();
  const reply = (text: string) => api.sendMessage(event.chatId, text);

  // What cannot reach the features: say why, and what to do instead.
  const early = await earlyAnswer(event, flowOpen, member !== null, async () => {
    // A document sent during a report: the same report, with its files, on the web.
    const data = conversation?.flow === "report" ? (conversation.data as { assignmentId?: number; kind?: string }) : null;
    if (!member || !data?.assignmentId) return null;
    return fileLinks(c.env).reportForm(member.id, data.assignmentId, data.kind === "completion" ? "completion" : "progress");
  });
  if (early) {
    await reply(early).catch((error) =>
      console.warn(JSON.stringify({ event: "zalo.reply_failed", error: error instanceof Error ? error.name : "error" })),
    );
    settle();
    return c.text("OK", 200);
  }
  const menu = chatMenuFrom(menuRows!.results[0] as { items: string; createdAt: string } | undefined);
  // A stranger's "1" is not a menu pick: they get how to join, like any other text.
  const input =
    event.kind === "text" && member ? readTypedInput(event.text ?? "", menu, flowOpen, now.getTime()) : { kind: "text" as const };
  if (input.kind === "unknown_key" || input.kind === "stale_menu") {
    const text = input.kind === "unknown_key" ? zaloTexts.unknownKey(input.key, input.keys) : zaloTexts.staleMenu;
    await reply(text).catch(() => undefined);
    settle();
    return c.text("OK", 200);
  }

  let photoKey: string | null = null;
  if (event.kind === "image" && event.photoUrl && member && flowOpen && c.env.FILES) {
    // Zalo's photo URLs expire: the photo is kept now, while it can still be fetched.
    photoKey = await keepPhoto(c.env.FILES, event.photoUrl, member.id, photoHostsOf(c.env));
    if (!photoKey) {
      await reply(zaloTexts.photoFailed).catch(() => undefined);
      settle();
      return c.text("OK", 200);
    }
  }
  const update: Update = syntheticUpdate(event, input.kind === "action" ? input.data : null, photoKey);

  const telegram = c.env.TELEGRAM_BOT_TOKEN ? readConfig(c.env) : null;
  const botConfig = {
    // The Telegram API stays reachable from a Zalo update (a role change sets the person's Telegram menu too).
    token: telegram?.TELEGRAM_BOT_TOKEN ?? "0:zalo-only",
    apiRoot: telegram?.TELEGRAM_API_ROOT ?? "https://api.telegram.org",
    botUsername: telegram?.BOT_USERNAME ?? "kehoach_demo_bot",
  };
  const deps = { ...botDeps(c.env, db, botConfig.botUsername, waitUntil), claim };
  let port: ZaloPort | null = null;
  const outlet = {
    sendMessage: (chatId: string, text: string) => api.sendMessage(chatId, text),
    sendChatAction: (chatId: string) => api.sendChatAction(chatId, "typing"),
    storeFile: (file: { bytes: Uint8Array; name: string; mime: string }) => storeExport(c.env, file),
    links: deps.links ?? null,
  };
  const sender = {
    userId: event.userId,
    chatId: event.chatId,
    displayName: event.displayName.normalize("NFC"),
    privateChat: event.chatType.toUpperCase() === "PRIVATE",
  };
  const outcome = await runClaimed(
    plainDb,
    claim,
    botConfig,
    update,
    {
      deps,
      member,
      conversation,
      prefetched: prefetchedFrom(need, fetched, conversation),
      port: (ctx) => (port = new ZaloPort(ctx as BotContext, sender, outlet)),
    },
    () => reply(counter.wrote() ? zaloTexts.handlerFailedAfterSaving : zaloTexts.handlerFailed).then(() => undefined),
  );
  if (outcome === "retry") return c.text("Service Unavailable", 503);
  const shown = port as ZaloPort | null;
  // The menu just shown is what the person's next number picks from.
  const tripsAfter = settle(shown?.lastMenu ? [chatMenuStatement(c.env.DB, chatKey, shown.lastMenu)] : []);
  if (c.env.EXPOSE_METRICS === "true") {
    c.header("X-D1-Round-Trips", String(counter.roundTrips()));
    c.header("X-D1-Round-Trips-After", String(tripsAfter));
  }
  return c.text("OK", 200);
});

/** Messages Zalo delivers that the features cannot take: answered here. */
async function earlyAnswer(
  event: ZaloEvent,
  flowOpen: boolean,
  isMember: boolean,
  reportForm: () => Promise<string | null>,
): Promise<string | null> {
  if (!isMember && event.kind !== "text") return zaloTexts.notMember;
  switch (event.kind) {
    case "sticker":
    case "voice":
      return flowOpen ? zaloTexts.textExpected : zaloTexts.stickerOrVoice;
    case "unsupported": {
      const link = flowOpen ? await reportForm() : null;
      return link ? zaloTexts.fileInReport(link) : zaloTexts.fileUnsupported;
    }
    case "other":
      return zaloTexts.stickerOrVoice;
    case "image":
      return flowOpen ? null : zaloTexts.photoOutsideFlow;
    default:
      return (event.text ?? "").trim() === "" ? zaloTexts.stickerOrVoice : null;
  }
}
