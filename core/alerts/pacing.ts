/**
 * Spaces Bot API sends: `perSecond` overall and one per `chatIntervalMs` in
 * each chat (Telegram's flood limits are about 30/s per bot and 1/s per chat).
 * Pure bookkeeping on times the caller passes in; one pacer is shared by
 * every batch an isolate handles, so concurrent batches still add up to the
 * limit.
 *
 * The overall pace is a virtual schedule (GCRA): each send books the next
 * slot one interval on, and a send may go up to `burst` intervals ahead of
 * its slot. A consumer that wakes a few milliseconds late (timers, awaiting
 * D1) therefore catches up instead of losing that time for good, while no
 * second ever carries more than about `perSecond + burst` sends.
 */
export class SendPacer {
  /** Theoretical time of the next send at exactly the configured pace. */
  private nextSlot = 0;
  private readonly interval: number;
  private readonly tolerance: number;
  private readonly nextInChat = new Map<string, number>();

  constructor(
    perSecond: number,
    private readonly chatIntervalMs: number,
    burst = 2,
  ) {
    this.interval = 1000 / perSecond;
    this.tolerance = burst * this.interval;
  }

  /** The earliest time a message to `chat` may start. */
  readyAt(chat: string): number {
    return Math.max(this.nextSlot - this.tolerance, this.nextInChat.get(chat) ?? 0);
  }

  /** Takes the slot for `chat` at `at` (≥ readyAt) and books the next ones. */
  take(chat: string, at: number): void {
    this.nextSlot = Math.max(this.nextSlot, at) + this.interval;
    this.nextInChat.set(chat, at + this.chatIntervalMs);
    if (this.nextInChat.size > 10_000) this.forget(at);
  }

  /** Telegram said "retry after": nothing to this chat before `until`, nothing at all before `allUntil`. */
  holdOff(chat: string, until: number, allUntil = until): void {
    this.nextInChat.set(chat, Math.max(this.nextInChat.get(chat) ?? 0, until));
    this.nextSlot = Math.max(this.nextSlot, allUntil + this.tolerance);
  }

  private forget(now: number): void {
    for (const [chat, at] of this.nextInChat) if (at <= now) this.nextInChat.delete(chat);
  }
}
