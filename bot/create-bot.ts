import { Bot } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { Conversation } from "../db/queries/conversations";
import type { MemberProfile } from "../db/queries/members";
import type { Prefetched } from "../db/queries/prefetch";
import type { BotContext, BotDeps } from "./context";
import { approvalsFeature } from "./features/admin/approvals";
import { exportFeature } from "./features/admin/export";
import { overdueFeature } from "./features/admin/overdue";
import { linkPlanFeature } from "./features/admin/link-plan";
import { unitPlansFeature } from "./features/admin/unit-plans";
import { overviewFeature } from "./features/admin/overview";
import { peopleFeature } from "./features/admin/people";
import { plansFeature } from "./features/admin/plans";
import { planReportFeature } from "./features/admin/plan-report";
import { unitsInChargeFeature } from "./features/admin/units-in-charge";
import { targetUnitFeature } from "./features/admin/target-unit";
import { targetsFeature } from "./features/admin/targets";
import { taskViewFeature } from "./features/admin/task-view";
import { unitViewFeature } from "./features/admin/unit-view";
import { alertSettings } from "./features/alert-settings";
import { cancelFlow } from "./features/cancel-flow";
import { chatMembership } from "./features/chat-membership";
import { extension } from "./features/extension";
import { fallback } from "./features/fallback";
import { help } from "./features/help";
import { webLogin } from "./features/web-login";
import { importPlan } from "./features/import-plan";
import { invite } from "./features/invite";
import { linkChannel } from "./features/link-channel";
import { inviteListFeature } from "./features/invite-list";
import { myTasks } from "./features/my-tasks";
import { onboarding } from "./features/onboarding";
import { report } from "./features/report";
import { reviewCompletionFeature } from "./features/review-completion";
import { taskCardFeature } from "./features/task-card";
import { taskHistoryFeature } from "./features/task-history";
import { membersOnly } from "./filters/members-only";
import type { ChatPort } from "./ports/port";
import { waitWhenTooMany } from "./wait-when-too-many";

export interface BotConfig {
  token: string;
  apiRoot: string;
  botUsername: string;
}

/** What one update brings along: loaded by the webhook in its first D1 round trip. */
export interface UpdateState {
  deps: BotDeps;
  member: MemberProfile | null;
  conversation: Conversation | null;
  /** Reads fetched in the same round trip, for the update's feature (bot/prefetch.ts). */
  prefetched?: Prefetched;
  /** How this update is answered (bot/ports). */
  port: (ctx: BotContext) => ChatPort;
}

const states = new WeakMap<Update, UpdateState>();
const bots = new Map<string, Bot<BotContext>>();

/**
 * Handles one update with the bot for this configuration. The bot and its
 * composers are built once per isolate; what differs per update (the member,
 * the open flow, the channel's port) rides on the update object.
 */
export async function handleUpdate(config: BotConfig, update: Update, state: UpdateState): Promise<void> {
  const key = `${config.token}\n${config.apiRoot}\n${config.botUsername}`;
  let bot = bots.get(key);
  if (!bot) {
    bot = createBot(config);
    bots.set(key, bot);
  }
  states.set(update, state);
  try {
    await bot.handleUpdate(update);
  } finally {
    states.delete(update);
  }
}

/** botInfo is given so grammY never calls getMe on a cold isolate. */
export function createBot(config: BotConfig): Bot<BotContext> {
  const bot = new Bot<BotContext>(config.token, {
    botInfo: botInfoFor(config),
    client: { apiRoot: config.apiRoot },
  });
  bot.api.config.use(waitWhenTooMany);
  bot.use((ctx, next) => {
    const state = states.get(ctx.update);
    if (!state) throw new Error("update handled without its state");
    const { deps, member, conversation } = state;
    ctx.deps = deps;
    ctx.member = member;
    ctx.port = state.port(ctx);
    ctx.prefetched = state.prefetched ?? null;
    const ours = conversation !== null && conversation.memberId === member?.id;
    const live = ours && conversation.expiresAt > deps.now().toISOString();
    ctx.conversation = live ? conversation : null;
    ctx.flowExpired = ours && !live;
    return next();
  });
  bot.use(chatMembership);
  bot.use(onboarding, linkChannel);
  bot.use(
    membersOnly(
      // Flows first: while one runs, typed text and files are its answers (commands pass through).
      cancelFlow,
      report,
      extension,
      reviewCompletionFeature,
      // Plan import: also takes an admin's file sent outside any flow, so it stays before the fallback.
      importPlan,
      myTasks,
      taskCardFeature,
      taskHistoryFeature,
      invite,
      inviteListFeature,
      alertSettings,
      help,
      webLogin,
      // The monitoring office's screens (bot/features/admin): admins and viewers of a plan.
      overviewFeature,
      unitViewFeature,
      overdueFeature,
      taskViewFeature,
      approvalsFeature,
      exportFeature,
      planReportFeature,
      unitsInChargeFeature,
      targetsFeature,
      targetUnitFeature,
      peopleFeature,
      plansFeature,
      linkPlanFeature,
      unitPlansFeature,
      fallback,
    ),
  );
  return bot;
}

function botInfoFor(config: BotConfig): UserFromGetMe {
  return {
    id: Number(config.token.split(":")[0]) || 0,
    is_bot: true,
    first_name: "Theo dõi kế hoạch",
    username: config.botUsername,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}
