import { ZaloPort } from "../../bot/ports/zalo";
import { isReadOnly, prefetchNeedForZaloText } from "../../bot/prefetch";
import { zaloTexts } from "../../bot/texts";
import { readTypedInput } from "../../bot/zalo-input";
import {
  insertMenuStatement,
  liveMenusFrom,
  liveMenusStatement,
  retireMenusStatement,
  zaloChatKey,
} from "../../db/queries/chat-menus";
import type { Conversation } from "../../db/queries/conversations";
import { firstWordToGroup } from "../../db/queries/group-chats";
import type { MemberProfile } from "../../db/queries/members";
import { readZaloConfig } from "../../services/env";
import { fileLinks } from "../../services/file-links";
import { keepPhoto, photoHostsOf, storeExport } from "../../services/files";
import { ZaloApi } from "../../services/zalo/client";
import { secretMatches } from "../secret";
import { syntheticUpdate } from "../zalo/synthetic-update";
import { parseZaloWebhook, type ZaloEvent } from "../zalo/update";
import type { ChannelAdapter } from "../pipeline";

/**
 * Zalo Bot Platform webhook. The same features as on Telegram: the event is
 * read (both body shapes), claimed once by its message_id, and turned into
 * the update grammY would get on Telegram — a typed key of the last menu
 * becomes the button press it stands for — then answered through the Zalo
 * port (plain text and menus). What the features cannot take (stickers,
 * files, a key of no menu) is answered here.
 */
export const zaloAdapter: ChannelAdapter = async (c) => {
  const zalo = readZaloConfig(c.env);
  if (!zalo) return c.text("Not Found", 404);
  const given = c.req.header("X-Bot-Api-Secret-Token");
  const event = parseZaloWebhook(await c.req.json().catch(() => null));
  if (given === undefined && event === null) return c.text("OK", 200); // setWebhook's check carries no secret and no message
  if (!secretMatches(given, zalo.ZALO_WEBHOOK_SECRET)) return c.text("Unauthorized", 401);
  if (!event) return c.text("OK (bỏ qua)", 200);
  // Another bot is never answered; a private chat is its sender's own, so an event naming another chat is refused.
  if (event.fromBot) return c.text("OK (bỏ qua)", 200);
  if (event.chatType.toUpperCase() === "PRIVATE" && event.chatId !== event.userId) return c.text("OK (bỏ qua)", 200);

  const api = new ZaloApi({ token: zalo.ZALO_BOT_TOKEN, apiRoot: zalo.ZALO_API_ROOT });
  const reply = (text: string) => api.sendMessage(event.chatId, text);
  const chatKey = zaloChatKey(event.chatId);
  // A typed command is known now; a menu pick only once the chat's menu is read.
  const need = event.kind === "text" ? prefetchNeedForZaloText(event.text) : null;
  return {
    claimKey: `zl:${event.messageId}`,
    sender: { channel: "zalo", userId: event.userId, chatKey },
    need,
    readOnly: event.kind === "text" && isReadOnly({ text: event.text }, need),
    reads: (d1) => [liveMenusStatement(d1, chatKey)],
    async prepare({ member, conversation, reads: [menuRows], now }) {
      const flowOpen =
        conversation !== null && conversation.memberId === member?.id && conversation.expiresAt > now.toISOString();
      // A group hears once that the bot works in private chat; after that the bot stays silent there.
      if (event.chatType.toUpperCase() !== "PRIVATE") {
        if (await firstWordToGroup(c.env.DB, chatKey)) await reply(zaloTexts.groupOnce).catch(() => undefined);
        return null;
      }
      // What cannot reach the features: say why, and what to do instead.
      const early = await earlyAnswer(event, flowOpen, member !== null, () => reportFormLink(c.env, member, conversation));
      if (early) {
        await reply(early).catch((error) =>
          console.warn(JSON.stringify({ event: "zalo.reply_failed", error: error instanceof Error ? error.name : "error" })),
        );
        return null;
      }
      const menus = liveMenusFrom(menuRows?.results);
      // A stranger's "1" is not a menu pick: they get how to join, like any other text.
      const input =
        event.kind === "text" && member ? readTypedInput(event.text ?? "", menus, flowOpen) : { kind: "text" as const };
      if (input.kind === "unknown_key" || input.kind === "stale_menu") {
        await reply(input.kind === "unknown_key" ? zaloTexts.unknownKey(input.key, input.menus) : zaloTexts.staleMenu).catch(
          () => undefined,
        );
        return null;
      }
      let photoKey: string | null = null;
      if (event.kind === "image" && event.photoUrl && member && flowOpen && c.env.FILES) {
        // Zalo's photo URLs expire: the photo is kept now, while it can still be fetched.
        photoKey = await keepPhoto(c.env.FILES, event.photoUrl, member.id, photoHostsOf(c.env));
        if (!photoKey) {
          await reply(zaloTexts.photoFailed).catch(() => undefined);
          return null;
        }
      }
      const sender = {
        userId: event.userId,
        chatId: event.chatId,
        displayName: event.displayName.normalize("NFC"),
        privateChat: event.chatType.toUpperCase() === "PRIVATE",
      };
      let port: ZaloPort | null = null;
      return {
        update: syntheticUpdate(event, input.kind === "action" ? input.data : null, photoKey),
        port: (ctx, deps) => {
          const outlet = {
            sendMessage: (chatId: string, text: string) => api.sendMessage(chatId, text),
            sendChatAction: (chatId: string) => api.sendChatAction(chatId, "typing"),
            sendPhoto: (chatId: string, url: string, caption: string) => api.sendPhoto(chatId, url, caption),
            storeFile: (file: { bytes: Uint8Array; name: string; mime: string }) => storeExport(c.env, file),
            links: deps.links ?? null,
          };
          // The menu whose key was typed is the "message whose button was pressed".
          port = new ZaloPort(ctx, sender, outlet, menus, input.kind === "action" ? input.menuId : null);
          return port;
        },
        apologize: (saved) => reply(saved ? zaloTexts.handlerFailedAfterSaving : zaloTexts.handlerFailed).then(() => undefined),
        // The menus just shown join the chat's live ones; those this update answered act no more.
        alsoSettle: () => (port ? menuWrites(c.env.DB, chatKey, port) : []),
      };
    },
  };
};

/** A document sent during a report: the same report, with its files, on the web. */
async function reportFormLink(
  env: Parameters<typeof fileLinks>[0],
  member: MemberProfile | null,
  conversation: Conversation | null,
): Promise<string | null> {
  const data = conversation?.flow === "report" ? (conversation.data as { assignmentId?: number; kind?: string }) : null;
  if (!member || !data?.assignmentId) return null;
  return fileLinks(env).reportForm(member.id, data.assignmentId, data.kind === "completion" ? "completion" : "progress");
}

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

function menuWrites(d1: D1Database, chatKey: string, port: ZaloPort): D1PreparedStatement[] {
  return [
    ...(port.retiredMenuIds.size > 0 || port.shownMenus.length > 0
      ? [retireMenusStatement(d1, chatKey, [...port.retiredMenuIds])]
      : []),
    ...port.shownMenus.map((m) => insertMenuStatement(d1, chatKey, "reply", m)),
  ];
}
