import { keysInUse, type LiveMenu, type MenuItem } from "../../db/queries/chat-menus";
import type { Evidence } from "../../db/schema";
import type { BotContext, LinkMaker } from "../context";
import type { Actions } from "./actions";
import type { ChatPort, Sender, SendOptions } from "./port";
import { zaloMessage } from "./zalo-message";
import { zaloTexts as texts } from "../texts/zalo";

/** What the Zalo port needs from the Worker: sending, and storage for files it cannot attach. */
export interface ZaloOutlet {
  sendMessage(chatId: string, text: string): Promise<unknown>;
  sendChatAction(chatId: string): Promise<unknown>;
  /** A photo Zalo fetches from a (signed) URL. */
  sendPhoto(chatId: string, url: string, caption: string): Promise<unknown>;
  /** Keeps a generated file in storage and returns a signed download link. */
  storeFile(file: { bytes: Uint8Array; name: string; mime: string }): Promise<string>;
  links: LinkMaker | null;
}

/** A menu this update showed, to keep for the chat. */
export interface NewMenu {
  title: string;
  items: MenuItem[];
}

/**
 * Zalo: no buttons, no edits, no documents. Every screen is a new plain-text
 * message with its actions as a menu of typed keys (letters while a flow
 * waits for typed numbers, so "50" stays a percentage). A chat keeps several
 * live menus, each with keys no other uses, so a typed key is dispatched
 * exactly as its own button would have been. What Telegram does to the
 * message whose button was pressed (edited into the next screen, its buttons
 * taken off) retires that message's menu here, so its keys act no more.
 */
export class ZaloPort implements ChatPort {
  readonly channel = "zalo" as const;
  /** Menus shown during this update, to be saved for the chat (the webhook does, after the answer). */
  readonly shownMenus: NewMenu[] = [];
  /** Live menus this update answered: their keys are freed. */
  readonly retiredMenuIds = new Set<number>();

  constructor(
    private readonly ctx: BotContext,
    readonly sender: Sender,
    private readonly out: ZaloOutlet,
    /** The chat's live menus when the update arrived. */
    private readonly liveMenus: LiveMenu[] = [],
    /** The menu whose key was typed: the "message whose button was pressed". */
    private readonly pickedMenuId: number | null = null,
  ) {}

  get chatKey(): string {
    return `zl:${this.sender.chatId}`;
  }

  async send(text: string, options: SendOptions = {}): Promise<void> {
    const style = this.ctx.conversation ? "letters" : "numbers";
    const actions = options.actions?.lines;
    // A new screen replaces the person's previous one (as Telegram edits a screen in place), so a list
    // typed for again keeps its numbers; alerts and others' notices stay live until answered.
    if (actions?.length) for (const m of this.liveMenus) if (m.kind === "reply") this.retire(m.id);
    const taken = new Set([
      ...keysInUse(this.liveMenus.filter((m) => !this.retiredMenuIds.has(m.id))),
      ...this.shownMenus.flatMap((m) => m.items.map((i) => i.key)),
    ]);
    const message = zaloMessage(text, { html: options.html, actions, style, taken });
    for (const part of message.parts) await this.out.sendMessage(this.sender.chatId, part);
    if (message.menu) this.shownMenus.push(message.menu);
  }

  private retire(id: number | null): void {
    if (id !== null) this.retiredMenuIds.add(id);
  }

  show(text: string, actions?: Actions): Promise<void> {
    this.retire(this.pickedMenuId);
    return this.send(text, { html: true, actions });
  }

  async answer(options: { text?: string; alert?: boolean } = {}): Promise<void> {
    if (options.text) await this.send(options.text);
  }

  async clearActions(): Promise<void> {
    this.retire(this.pickedMenuId);
  }

  setActions(actions: Actions, text: string): Promise<void> {
    this.retire(this.pickedMenuId);
    return this.send(text, { actions });
  }

  annotate(note: string): Promise<void> {
    this.retire(this.pickedMenuId);
    return this.send(note.trim(), { html: true });
  }

  async working(): Promise<void> {
    await this.out.sendChatAction(this.sender.chatId).catch(() => undefined);
  }

  async sendEvidence(file: Evidence): Promise<void> {
    const name = file.name ?? (file.kind === "photo" ? "Ảnh" : "Tệp đính kèm");
    if (file.fileId.startsWith("r2:") && this.out.links) {
      const link = await this.out.links.download(file.fileId.slice(3), file.name ?? "tep");
      if (file.kind === "photo") {
        // Zalo fetches the photo from the signed link; where it cannot, the link itself still opens it.
        const shown = await this.out.sendPhoto(this.sender.chatId, link, `📎 ${name}`).then(
          () => true,
          () => false,
        );
        if (shown) return;
      }
      return this.send(texts.evidenceLink(name, link));
    }
    await this.send(texts.evidenceOnTelegram(name));
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
