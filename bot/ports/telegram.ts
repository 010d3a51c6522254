import { InlineKeyboard, InputFile, type Context } from "grammy";
import type { Evidence, Role } from "../../db/schema";
import { menuFor } from "../command-menu";
import { escapeHtml } from "../render/html";
import type { Actions } from "./actions";
import type { ChatPort, Sender, SendOptions } from "./port";

/** Signed links to files kept in storage (R2): evidence handed in on Zalo or the web. */
export interface FileLinks {
  download(key: string, name: string): Promise<string>;
}

export function toInlineKeyboard(actions: Actions | undefined): InlineKeyboard | undefined {
  if (!actions || actions.isEmpty) return undefined;
  return new InlineKeyboard(
    actions.lines.map((row) =>
      row.map((a) => ("url" in a ? InlineKeyboard.url(a.label, a.url) : InlineKeyboard.text(a.label, a.data))),
    ),
  );
}

/**
 * One Bot API call carried by the webhook's HTTP answer: Telegram makes it
 * (its result is never known), so the worker makes one request fewer. Used
 * for answering a button, which needs no result.
 */
export class WebhookReply {
  call: { method: string; params: Record<string, unknown> } | null = null;
}

/** Telegram: HTML messages, inline buttons, screens edited in place, toasts for button answers. */
export class TelegramPort implements ChatPort {
  readonly channel = "telegram" as const;

  constructor(
    private readonly ctx: Context,
    private readonly files: FileLinks | null = null,
    private readonly webhookReply: WebhookReply | null = null,
  ) {}

  get chatKey(): string {
    return String(this.ctx.chat?.id ?? "");
  }

  get sender(): Sender | null {
    const from = this.ctx.from;
    const chat = this.ctx.chat;
    if (!from || !chat) return null;
    return {
      userId: String(from.id),
      chatId: String(chat.id),
      displayName: [from.first_name, from.last_name].filter(Boolean).join(" ").normalize("NFC"),
      privateChat: chat.type === "private",
    };
  }

  async send(text: string, options: SendOptions = {}): Promise<void> {
    await this.ctx.reply(text, {
      ...(options.html ? { parse_mode: "HTML" as const } : {}),
      reply_markup: toInlineKeyboard(options.actions),
      link_preview_options: { is_disabled: true },
    });
  }

  /** In place of the message whose button was pressed, or anew when that one cannot be edited (deleted, too old, not ours). */
  async show(text: string, actions?: Actions): Promise<void> {
    if (!this.ctx.callbackQuery?.message) return this.send(text, { html: true, actions });
    const options = {
      parse_mode: "HTML" as const,
      reply_markup: toInlineKeyboard(actions),
      link_preview_options: { is_disabled: true },
    };
    try {
      await this.ctx.editMessageText(text, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : "";
      if (message.includes("message is not modified")) return;
      if (/message to edit not found|message can't be edited|there is no text in the message/.test(message)) {
        await this.ctx.reply(text, options);
        return;
      }
      throw error;
    }
  }

  async answer(options: { text?: string; alert?: boolean } = {}): Promise<void> {
    const query = this.ctx.callbackQuery;
    if (query) {
      // Telegram refuses a button's answer over 200 characters.
      const text = options.text && options.text.length > 200 ? `${options.text.slice(0, 199)}…` : options.text;
      const answer = { ...(text ? { text } : {}), ...(options.alert ? { show_alert: true } : {}) };
      if (this.webhookReply && !this.webhookReply.call) {
        this.webhookReply.call = { method: "answerCallbackQuery", params: { callback_query_id: query.id, ...answer } };
        return;
      }
      await this.ctx.answerCallbackQuery(answer);
    } else if (options.text) {
      await this.send(options.text);
    }
  }

  async clearActions(): Promise<void> {
    if (this.ctx.callbackQuery?.message) await this.ctx.editMessageReplyMarkup().catch(() => undefined);
  }

  async setActions(actions: Actions): Promise<void> {
    if (!this.ctx.callbackQuery?.message) return;
    await this.ctx.editMessageReplyMarkup({ reply_markup: toInlineKeyboard(actions) }).catch((error: unknown) => {
      // Pressed twice, or the message is too old to edit: what the action saved stands either way.
      if (
        error instanceof Error &&
        /message is not modified|message to edit not found|message can't be edited/.test(error.message)
      )
        return;
      throw error;
    });
  }

  async annotate(note: string): Promise<void> {
    const message = this.ctx.callbackQuery?.message;
    if (!message || !("text" in message) || !message.text) return;
    await this.ctx.editMessageText(escapeHtml(message.text) + note, { parse_mode: "HTML" }).catch(() => undefined);
  }

  async working(kind: "typing" | "upload_document"): Promise<void> {
    await this.ctx.replyWithChatAction(kind).catch(() => undefined);
  }

  async sendEvidence(file: Evidence): Promise<void> {
    if (file.fileId.startsWith("r2:")) {
      if (!this.files)
        return this.send("Tệp này được lưu trên máy chủ nhưng chưa tạo được đường dẫn tải. Hãy mở trang quản trị.");
      const link = await this.files.download(file.fileId.slice(3), file.name ?? "tep");
      return this.send(`📎 ${file.name ?? "Tệp đính kèm"}: ${link}`);
    }
    if (file.kind === "photo") await this.ctx.replyWithPhoto(file.fileId);
    else await this.ctx.replyWithDocument(file.fileId);
  }

  async sendFile(file: { bytes: Uint8Array; name: string; mime: string }, caption: string, actions?: Actions): Promise<void> {
    await this.ctx.replyWithDocument(new InputFile(file.bytes, file.name), {
      caption,
      parse_mode: "HTML",
      reply_markup: toInlineKeyboard(actions),
    });
  }

  /** getFile, then the file URL the Bot API gives (the local fake serves the same path). */
  async download(fileId: string): Promise<Uint8Array | null> {
    const api = this.ctx.api;
    try {
      const file = await api.getFile(fileId);
      if (!file.file_path) return null;
      const root = api.options?.apiRoot ?? "https://api.telegram.org";
      const response = await fetch(`${root}/file/bot${api.token}/${file.file_path}`);
      if (!response.ok) return null;
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      console.warn("file download failed", error instanceof Error ? error.name : "error");
      return null;
    }
  }

  /** A failure is logged: the menu is a convenience, never a reason to fail a reply. */
  async syncCommands(role: Role | null): Promise<void> {
    const chatId = this.ctx.chat?.id;
    if (chatId === undefined) return;
    const scope = { type: "chat" as const, chat_id: chatId };
    try {
      if (role === null) await this.ctx.api.deleteMyCommands({ scope });
      else await this.ctx.api.setMyCommands(menuFor(role), { scope });
    } catch (error) {
      console.warn("could not set the command menu", error instanceof Error ? error.name : "error");
    }
  }
}
