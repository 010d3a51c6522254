/**
 * Terminal chat with the bot as a Zalo user (`npm start -- --zalo`). Typed
 * lines go to the local fake Zalo API, which delivers them to the worker's
 * Zalo webhook as Zalo would; the bot's answers (plain text, menus as
 * numbered lines) are read back from the fake and printed. Zalo has no
 * buttons: answer a menu by typing its number or letter, as on a phone.
 *
 *   :doi [số]  đổi người dùng   ·   :anh  gửi một ảnh   ·   :tep  gửi một tệp (Zalo không chuyển)   ·   :q  thoát
 */
import * as readline from "node:readline";
import { ansi, type Style } from "./render";
import { buildUserList, loadDemoMembers, renderUserMenu, shortName, type ChatUser } from "./users";

export interface ZaloChatOptions {
  /** The fake Zalo API (its webhook already pointed at the worker). */
  fakeUrl: string;
  root: string;
  user?: number;
  replyTimeoutMs?: number;
}

const HELP = [
  "Gõ tin nhắn rồi Enter để gửi cho bot trên Zalo (vd. /viec).",
  "  Zalo không có nút: trả lời danh sách bằng số (1, 2…) hoặc chữ cái (a, b…) như trên điện thoại.",
  "  :doi [số]   đổi người dùng      :anh   gửi một ảnh (minh chứng)",
  "  :tep        gửi một tệp PDF (Zalo không chuyển tệp cho bot)",
  "  :help       trợ giúp            :q     thoát",
];

export async function runZaloChat(opts: ZaloChatOptions): Promise<void> {
  const st: Style = { color: !!process.stdout.isTTY && !process.env.NO_COLOR };
  const fakeUrl = opts.fakeUrl.replace(/\/+$/, "");
  const demo = await loadDemoMembers(opts.root);
  const users = buildUserList(demo.members, {
    telegramId: 8_000_000_000 + Math.floor(Math.random() * 1e9),
    fullName: "Người lạ",
  });
  const zaloIdOf = (u: ChatUser) => u.zaloId ?? `zl-stranger-${u.telegramId}`;
  let current: ChatUser | null = null;
  let seq = 0;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: !!process.stdin.isTTY });
  const out = (line = "") => process.stdout.write(`${line}\n`);

  async function deliver(body: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${fakeUrl}/__fake/deliver`, { method: "POST", body: JSON.stringify(body) });
    const result = (await response.json()) as { delivered?: boolean; status?: number; reason?: string };
    if (!result.delivered) out(ansi.red(`(không tới được worker: ${result.reason ?? "?"})`, st));
    else if (result.status !== 200) out(ansi.red(`(worker trả lời HTTP ${result.status})`, st));
  }

  async function printReplies(): Promise<void> {
    const deadline = Date.now() + (opts.replyTimeoutMs ?? 3000);
    let got = 0;
    while (Date.now() < deadline) {
      const response = await fetch(`${fakeUrl}/__fake/chats/${encodeURIComponent(zaloIdOf(current!))}/messages?since=${seq}`);
      const body = (await response.json()) as { messages: { text: string; seq: number }[] };
      for (const m of body.messages) {
        seq = Math.max(seq, m.seq);
        out(ansi.cyan("Bot (Zalo) ›", st));
        out(
          m.text
            .split("\n")
            .map((l) => `  ${l}`)
            .join("\n"),
        );
        got++;
      }
      // Answers come in a burst: stop shortly after the last one.
      if (got > 0 && body.messages.length === 0) break;
      await new Promise((r) => setTimeout(r, got > 0 ? 300 : 150));
    }
    if (got === 0) out(ansi.dim("(bot chưa trả lời)", st));
  }

  function choose(n?: number): boolean {
    const found = users.find((u) => u.n === n);
    if (!found) {
      out(renderUserMenu(users, st).join("\n"));
      return false;
    }
    current = found;
    out(ansi.green(`Đang nói với tư cách ${found.fullName}${found.unitName ? ` (${found.unitName})` : ""} trên Zalo.`, st));
    return true;
  }

  out(HELP.join("\n"));
  if (!choose(opts.user)) out("Chọn người dùng bằng số:");
  const prompt = () => {
    rl.setPrompt(current ? `${ansi.green(shortName(current.fullName), st)} (Zalo)› ` : "Chọn số› ");
    rl.prompt();
  };
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!current) {
      choose(Number(line));
      prompt();
      continue;
    }
    if (line === ":q" || line === ":quit") break;
    if (line === ":help") out(HELP.join("\n"));
    else if (line.startsWith(":doi") || line.startsWith(":user")) {
      const n = Number(line.split(/\s+/)[1]);
      if (!choose(Number.isFinite(n) ? n : undefined)) current = null;
    } else if (line === ":anh" || line === ":tep") {
      const me = current as ChatUser;
      const id = zaloIdOf(me);
      const event =
        line === ":anh"
          ? {
              event_name: "message.image.received",
              message: {
                message_id: `t${Date.now()}`,
                date: Date.now(),
                from: { id, display_name: me.fullName },
                chat: { id, chat_type: "PRIVATE" },
                photo_url: `${fakeUrl}/__fake/photos/anh-${Date.now()}.jpg`,
              },
            }
          : {
              event_name: "message.unsupported.received",
              message: {
                message_id: `t${Date.now()}`,
                date: Date.now(),
                from: { id, display_name: me.fullName },
                chat: { id, chat_type: "PRIVATE" },
              },
            };
      await deliver({ event });
      await printReplies();
    } else if (line) {
      const me = current as ChatUser;
      await deliver({ chat_id: zaloIdOf(me), text: line, display_name: me.fullName });
      await printReplies();
    }
    prompt();
  }
  rl.close();
}
