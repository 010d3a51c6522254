import { inject } from "vitest";
import { callbackUpdate, postUpdate, textUpdate, type TestUser } from "./webhook";

/** What the fake Bot API recorded: the messages a user would see in their chat. */
export interface SentMessage {
  message_id: number;
  text?: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data?: string; url?: string }[][] };
  edited?: boolean;
}

const root = () => inject("fakeTelegramUrl");

export async function chatMessages(chatId: number): Promise<SentMessage[]> {
  const response = await fetch(`${root()}/__fake/chats/${chatId}/messages`);
  const body = (await response.json()) as { messages?: SentMessage[] } | SentMessage[];
  return Array.isArray(body) ? body : (body.messages ?? []);
}

export async function lastMessage(chatId: number): Promise<SentMessage> {
  const messages = await chatMessages(chatId);
  const last = messages.at(-1);
  if (!last) throw new Error(`the bot sent nothing to chat ${chatId}`);
  return last;
}

export async function apiCalls(method: string, chatId?: number): Promise<{ method: string; params: Record<string, unknown> }[]> {
  const query = new URLSearchParams({ method, ...(chatId === undefined ? {} : { chat_id: String(chatId) }) });
  const response = await fetch(`${root()}/__fake/calls?${query}`);
  const body = (await response.json()) as { calls?: { method: string; params: Record<string, unknown> }[] };
  return Array.isArray(body) ? body : (body.calls ?? []);
}

export function buttons(message: SentMessage): { text: string; data?: string }[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data ?? b.url }));
}

/** Presses the button labelled `label` on the latest message in the user's chat that has it. */
export async function pressButton(user: TestUser, label: string | RegExp): Promise<Response> {
  const messages = await chatMessages(user.id);
  for (const message of [...messages].reverse()) {
    const button = buttons(message).find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
    if (button) return postUpdate(callbackUpdate(user, message.message_id, button.data!));
  }
  throw new Error(`no button "${label}" in chat ${user.id}; last message: ${messages.at(-1)?.text}`);
}

export async function say(user: TestUser, text: string): Promise<string> {
  await postUpdate(textUpdate(user, text));
  return (await lastMessage(user.id)).text ?? "";
}
