import type { MenuItem } from "../../db/queries/chat-menus";
import type { Evidence } from "../../db/schema";
import type { BotContext, LinkMaker } from "../context";
import type { Actions } from "./actions";
import type { ChatPort, Sender, SendOptions } from "./port";
import { zaloMessage } from "./zalo-message";

/** What the Zalo port needs from the Worker: sending, and storage for files it cannot attach. */
export interface ZaloOutlet {
  sendMessage(chatId: string, text: string): Promise<unknown>;
  sendChatAction(chatId: string): Promise<unknown>;
  /** Keeps a generated file in storage and returns a signed download link. */
  storeFile(file: { bytes: Uint8Array; name: string; mime: string }): Promise<string>;
  links: LinkMaker | null;
}

/**
 * Zalo: no buttons, no edits, no documents. Every screen is a new plain-text
 * message with its actions as a numbered menu (lettered while a flow waits
 * for typed numbers, so "50" stays a percentage); the last menu is kept for
 * the chat (saved by the webhook after the update) so a typed key is
 * dispatched exactly as the button would have been.
 */
export class ZaloPort implements ChatPort {
  readonly channel = "zalo" as const;
  /** The last menu shown during this update, to be saved for the chat. */
  lastMenu: MenuItem[] | null = null;

  constructor(
    private readonly ctx: BotContext,
    readonly sender: Sender,
    private readonly out: ZaloOutlet,
  ) {}

  get chatKey(): string {
    return `zl:${this.sender.chatId}`;
  }

  async send(text: string, options: SendOptions = {}): Promise<void> {
    const style = this.ctx.conversation ? "letters" : "numbers";
    const message = zaloMessage(text, { html: options.html, actions: options.actions?.lines, style });
    for (const part of message.parts) await this.out.sendMessage(this.sender.chatId, part);
    if (message.menu) this.lastMenu = message.menu;
  }

  show(text: string, actions?: Actions): Promise<void> {
    return this.send(text, { html: true, actions });
  }

  async answer(options: { text?: string; alert?: boolean } = {}): Promise<void> {
    if (options.text) await this.send(options.text);
  }

  async clearActions(): Promise<void> {}

  setActions(actions: Actions, text: string): Promise<void> {
    return this.send(text, { actions });
  }

  annotate(note: string): Promise<void> {
    return this.send(note.trim(), { html: true });
  }

  async working(): Promise<void> {
    await this.out.sendChatAction(this.sender.chatId).catch(() => undefined);
  }

  async sendEvidence(file: Evidence): Promise<void> {
    const name = file.name ?? (file.kind === "photo" ? "Ảnh" : "Tệp đính kèm");
    if (file.fileId.startsWith("r2:") && this.out.links) {
      const link = await this.out.links.download(file.fileId.slice(3), file.name ?? "tep");
      return this.send(`📎 ${name}: ${link}`);
    }
    await this.send(`📎 ${name} được gửi qua Telegram, nên chỉ mở được trong Telegram hoặc trên trang quản trị (/web).`);
  }

  async sendFile(file: { bytes: Uint8Array; name: string; mime: string }, caption: string, actions?: Actions): Promise<void> {
    const link = await this.out.storeFile(file);
    await this.send(`${caption}\n\n📥 Tải tệp ${file.name} (hiệu lực 1 giờ):\n${link}`, { html: true, actions });
  }

  async download(): Promise<Uint8Array | null> {
    return null;
  }

  async syncCommands(): Promise<void> {}
}
