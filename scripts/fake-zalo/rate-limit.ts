/** At most `perSecond` calls in any sliding second. */
export class SlidingWindowLimit {
  #times: number[] = [];

  constructor(readonly perSecond: number) {}

  /** 0 when the call may go now (and it is counted), otherwise whole seconds to wait. */
  take(now: number): number {
    while (this.#times.length > 0 && this.#times[0]! <= now - 1000) this.#times.shift();
    if (this.#times.length >= this.perSecond) return Math.max(1, Math.ceil((this.#times[0]! + 1000 - now) / 1000));
    this.#times.push(now);
    return 0;
  }
}
