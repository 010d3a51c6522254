/**
 * Multi-step flows (report progress, complete, ask for an extension…). Their
 * state lives in D1, because every update may reach a fresh isolate; it is
 * loaded with the member in the webhook's first round trip. Each flow gets a
 * random token that its buttons carry, so a button from an older or finished
 * flow is recognised and answered politely.
 */
import type { Conversation } from "../db/queries/conversations";
import { endConversation, saveConversation } from "../db/queries/conversations";
import { writeSettling } from "../db/queries/updates";
import type { MemberContext } from "./context";

/** Long enough to find a document on the phone; short enough that a forgotten flow does not swallow next week's text. */
const FLOW_LIFETIME_MS = 30 * 60 * 1000;

export type FlowData = Record<string, unknown>;

export function newFlowToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}

export function flowState(
  ctx: MemberContext,
  flow: string,
  step: string,
  data: FlowData,
  token: string,
): Omit<Conversation, "updatedAt"> {
  return {
    chatId: ctx.port.chatKey,
    memberId: ctx.member.id,
    flow,
    step,
    data,
    token,
    expiresAt: new Date(ctx.deps.now().getTime() + FLOW_LIFETIME_MS).toISOString(),
  };
}

/** Starts a flow (replacing any other in this chat) and returns its token. */
export async function startFlow(ctx: MemberContext, flow: string, step: string, data: FlowData): Promise<string> {
  const token = newFlowToken();
  const state = flowState(ctx, flow, step, data, token);
  await save(ctx, state);
  ctx.conversation = { ...state, updatedAt: state.expiresAt };
  return token;
}

/** Moves the current flow to its next step, keeping its token. */
export async function advanceFlow(ctx: MemberContext, step: string, data: FlowData): Promise<void> {
  const current = ctx.conversation!;
  const state = flowState(ctx, current.flow, step, data, current.token);
  await save(ctx, state);
  ctx.conversation = { ...state, updatedAt: state.expiresAt };
}

/** A flow's step is the update's write: the claim is settled with it. */
async function save(ctx: MemberContext, state: Omit<Conversation, "updatedAt">): Promise<void> {
  const d1 = ctx.deps.db.$client;
  await writeSettling(d1, ctx.deps.claim, [saveConversation(d1, state)]);
}

/** The delete statement, to put in the same batch as the flow's final write. */
export function endFlowStatement(ctx: MemberContext) {
  return endConversation(ctx.deps.db, ctx.port.chatKey);
}

export async function endFlow(ctx: MemberContext): Promise<void> {
  await endFlowStatement(ctx);
  ctx.conversation = null;
}

/** The current flow if it is `flow` and, when a token is given, the one that button belongs to. */
export function activeFlow(ctx: MemberContext, flow: string, token?: string): Conversation | null {
  const c = ctx.conversation;
  if (!c || c.flow !== flow) return null;
  if (token !== undefined && c.token !== token) return null;
  return c;
}
