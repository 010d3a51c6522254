import type { Evidence, Role } from "../../db/schema";
import type { Actions } from "./actions";

export const channels = ["telegram", "zalo"] as const;
export type Channel = (typeof channels)[number];

export interface SendOptions {
  /** The text uses our HTML subset (b, i, code, a); otherwise it is plain and shown as is. */
  html?: boolean;
  actions?: Actions;
}

/** Who sent the update, as the channel knows them. */
export interface Sender {
  userId: string;
  chatId: string;
  displayName: string;
  /** Memberships bind private chats only: alerts must never go to a group. */
  privateChat: boolean;
}

/**
 * How a feature answers a person, whatever the channel. Features decide what
 * to show (text and actions) and what to write; a port shows it: Telegram with
 * buttons and edits in place, Zalo as plain text with a numbered menu.
 */
export interface ChatPort {
  readonly channel: Channel;
  /** Where this chat's open flow and last menu are kept (conversations.chat_id). */
  readonly chatKey: string;
  readonly sender: Sender | null;
  /** A new message. */
  send(text: string, options?: SendOptions): Promise<void>;
  /** A screen (HTML) in place of the one whose action was taken, where the channel can edit; a new message otherwise. */
  show(text: string, actions?: Actions): Promise<void>;
  /** Acknowledges an action; with text, tells the person why nothing happened (a notice, or an alert to read). */
  answer(options?: { text?: string; alert?: boolean }): Promise<void>;
  /** Takes the actions off the message whose action was taken (a flow was cancelled or finished). Nothing where messages cannot be edited. */
  clearActions(): Promise<void>;
  /**
   * Replaces the actions under the message whose action was taken (an alert's
   * mute choices). Where messages cannot be edited, sends `text` with them.
   */
  setActions(actions: Actions, text: string): Promise<void>;
  /** Adds a line (HTML) to the message whose action was taken ("✔ confirmed by …"); a message of its own where edits do not exist. */
  annotate(note: string): Promise<void>;
  /** "typing…" while something slow runs. */
  working(kind: "typing" | "upload_document"): Promise<void>;
  /** Shows an evidence file kept with a report. */
  sendEvidence(file: Evidence): Promise<void>;
  /** A generated file (an export): a document on Telegram, a signed download link where documents cannot be sent. */
  sendFile(file: { bytes: Uint8Array; name: string; mime: string }, caption: string, actions?: Actions): Promise<void>;
  /** Downloads a file the person sent (a plan document), or null when the channel cannot. */
  download(fileId: string): Promise<Uint8Array | null>;
  /** The channel's command menu for this person's role (null: removed). */
  syncCommands(role: Role | null): Promise<void>;
}
