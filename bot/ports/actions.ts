/**
 * What a person can do next from a screen: rows of actions, each a label and
 * either callback data (a button on Telegram, a numbered menu item on Zalo)
 * or a link. Features build these; a channel's port decides how they look.
 */
export type Action = { label: string; data: string; info?: true } | { label: string; url: string };

export class Actions {
  readonly rows: Action[][] = [[]];

  text(label: string, data: string): this {
    this.rows[this.rows.length - 1]!.push({ label, data });
    return this;
  }

  /** A button that only tells where the person is ("Trang 2/5"): a line of text where menus are typed. */
  info(label: string, data: string): this {
    this.rows[this.rows.length - 1]!.push({ label, data, info: true });
    return this;
  }

  url(label: string, url: string): this {
    this.rows[this.rows.length - 1]!.push({ label, url });
    return this;
  }

  /** Starts a new row (an empty last row is reused, so row() twice adds no gap). */
  row(): this {
    if (this.rows[this.rows.length - 1]!.length > 0) this.rows.push([]);
    return this;
  }

  /** Adds another set's rows below this one's. */
  append(other: Actions): this {
    this.row();
    for (const row of other.rows) if (row.length > 0) this.rows.push([...row]);
    return this;
  }

  /** From the plain rows the outbox stores with an alert's text. */
  static fromRows(rows: { text: string; data: string }[][] | undefined): Actions {
    const actions = new Actions();
    for (const row of rows ?? []) {
      actions.row();
      for (const b of row) actions.text(b.text, b.data);
    }
    return actions;
  }

  /** The plain rows to store (link actions are not stored). */
  toRows(): { text: string; data: string }[][] {
    return this.lines
      .map((row) => row.flatMap((a) => ("data" in a ? [{ text: a.label, data: a.data }] : [])))
      .filter((r) => r.length > 0);
  }

  /** The non-empty rows. */
  get lines(): Action[][] {
    return this.rows.filter((r) => r.length > 0);
  }

  get isEmpty(): boolean {
    return this.lines.length === 0;
  }
}
