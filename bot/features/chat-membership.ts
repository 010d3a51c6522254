import { Composer } from "grammy";
import { setReachable } from "../../db/queries/members";
import type { BotContext } from "../context";

/**
 * Telegram sends my_chat_member when a user blocks the bot ("kicked") or
 * starts it again ("member"). Keeping members.unreachableSince in step means
 * alerts skip a blocked member and admins see them in /donvi and /tamnghi,
 * and an unblocked member is alerted again without typing anything.
 */
export const chatMembership = new Composer<BotContext>();

chatMembership.on("my_chat_member", async (ctx) => {
  const update = ctx.myChatMember;
  if (update.chat.type !== "private" || !ctx.member) return;
  const status = update.new_chat_member.status;
  if (status !== "kicked" && status !== "member") return;
  const reachable = status === "member";
  if (reachable === (ctx.member.unreachableSince === null)) return; // nothing changes
  await setReachable(ctx.deps.db, ctx.member.id, "telegram", reachable, ctx.deps.now().toISOString());
});
