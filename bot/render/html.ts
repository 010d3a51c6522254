/** Telegram HTML parse mode needs only these three escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** What a reply echoes of a search term or a typed value: enough to recognise it, never enough to overflow a message. */
export const ECHO_MAX = 100;

/** Shortens on a word boundary; long plan sentences make unreadable lists on a phone. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
