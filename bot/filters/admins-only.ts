import type { NextFunction } from "grammy";
import { isAdmin } from "../../core/access/policy";
import type { MemberContext } from "../context";
import { texts } from "../texts";

export async function adminsOnly(ctx: MemberContext, next: NextFunction): Promise<void> {
  if (isAdmin(ctx.member)) return next();
  if (ctx.callbackQuery) await ctx.port.answer({ text: texts.adminOnly, alert: true });
  else await ctx.port.send(texts.adminOnly);
}
