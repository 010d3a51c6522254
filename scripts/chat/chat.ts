/**
 * Terminal chat with the bot, as a demo user. Typed lines become Telegram
 * updates POSTed to the local worker's webhook; the bot's answers are read back
 * from the fake Bot API (long-polling /__fake/wait) and printed.
 *
 *   npx tsx scripts/chat/chat.ts [--worker http://127.0.0.1:8787] [--fake http://127.0.0.1:8790] [--user 3]
 *
 * (`npm start` runs it for you.) REPL commands start with ":" so they can never
 * be confused with bot commands: :help, :doi (switch user), :file, :text, :xem, :q.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import * as readline from "node:readline";
import { pathToFileURL } from "node:url";
import type { ChatEvent, StoredMessage, TgUser, Update } from "../fake-telegram/types";
import { forwardWebhookReply } from "../lib/webhook-reply";
import { localTelegramSettings } from "./env";
import {
  ansi,
  buttonsOf,
  formatSize,
  indentLines,
  renderBody,
  renderButtons,
  type ChatButton,
  type Style,
  ROLE_LABELS,
} from "./render";
import { buildUserList, loadDemoMembers, renderUserMenu, shortName, type ChatUser } from "./users";

export interface ChatOptions {
  /** The local worker, e.g. http://127.0.0.1:8787 (webhook at /telegram/webhook). */
  workerUrl: string;
  /** The fake Bot API, e.g. http://127.0.0.1:8790. */
  fakeUrl: string;
  /** TELEGRAM_WEBHOOK_SECRET, sent as X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  /** The bot's token at the fake Bot API, for the call a webhook answer carries. */
  token: string;
  /** Project root (db/demo.ts, .wrangler/). Default: cwd. */
  root?: string;
  /** Where documents from the bot are saved. Default: <root>/.wrangler/chat-downloads. */
  downloadsDir?: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  color?: boolean;
  /** Start as this user: menu number, or a Telegram id. */
  user?: number;
  /** How long to wait for a first answer after sending, ms. Default 3000. */
  replyTimeoutMs?: number;
}

const HELP = [
  "Gõ tin nhắn rồi Enter để gửi cho bot (vd. /start).",
  "  <số>            bấm nút số đó trên tin gần nhất có nút",
  "  :doi [số]       đổi người dùng (cũng: :user, :u)",
  "  :id <id> [tên]  nói với tư cách một Telegram id bất kỳ",
  "  :file <đường dẫn> [chú thích]   gửi tệp cho bot",
  "  :text <nội dung>  gửi nguyên văn (vd. một con số)",
  "  :xem [n]        xem lại n tin gần nhất của bot",
  "  :help           trợ giúp   ·   :q  thoát",
];

export async function runChat(opts: ChatOptions): Promise<void> {
  const root = resolve(opts.root ?? process.cwd());
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const isTTY = !!output.isTTY && !!(input as { isTTY?: boolean }).isTTY;
  const st: Style = { color: opts.color ?? (!!output.isTTY && !process.env.NO_COLOR) };
  const downloads = opts.downloadsDir ?? resolve(root, ".wrangler/chat-downloads");
  const fakeUrl = opts.fakeUrl.replace(/\/+$/, "");
  const webhookUrl = `${opts.workerUrl.replace(/\/+$/, "")}/telegram/webhook`;
  const replyTimeoutMs = opts.replyTimeoutMs ?? 3000;

  // ------------------------------------------------------------ users
  const demo = await loadDemoMembers(root);
  const stranger = { telegramId: 8_000_000_000 + Math.floor(Math.random() * 999_999_999), fullName: "Người lạ" };
  const users = buildUserList(demo.members, stranger);
  let current: ChatUser | null = null;

  // ------------------------------------------------------------ output
  const rl = readline.createInterface({ input, output, terminal: isTTY, historySize: 500 });
  let promptShown = false;
  let mode: "choose" | "chat" = "choose";

  function say(...lines: string[]) {
    const text = lines.join("\n");
    if (isTTY) {
      // keep what the user is typing: clear the line, print, redraw prompt + partial input
      readline.clearLine(output, 0);
      readline.cursorTo(output, 0);
      output.write(`${text}\n`);
      if (promptShown || rl.line) rl.prompt(true);
    } else {
      output.write(`${text}\n`);
    }
  }

  function setPrompt() {
    rl.setPrompt(mode === "chat" && current ? `${ansi.green(shortName(current.fullName), st)}› ` : "Chọn số› ");
  }

  function showPrompt() {
    setPrompt();
    rl.prompt();
    promptShown = true;
  }

  // ------------------------------------------------------------ fake API
  async function fake<T>(path: string, init?: RequestInit & { signal?: AbortSignal }): Promise<T> {
    const res = await fetch(`${fakeUrl}/__fake/${path}`, init);
    const body = (await res.json()) as T & { ok?: boolean; description?: string };
    if (!res.ok || body.ok === false) throw new Error(body.description ?? `HTTP ${res.status}`);
    return body;
  }

  let lastSeq = 0;
  const keyboards = new Map<number, ChatButton[]>();
  const shownOrder: number[] = [];
  let printedForChat = 0;

  function fromUser(u: ChatUser): Partial<TgUser> & { id: number } {
    return { id: u.telegramId, first_name: u.fullName, language_code: "vi" };
  }

  function activeButtons(): { messageId: number; buttons: ChatButton[] } | null {
    for (let i = shownOrder.length - 1; i >= 0; i--) {
      const id = shownOrder[i]!;
      const b = keyboards.get(id);
      if (b?.length) return { messageId: id, buttons: b };
    }
    return null;
  }

  function remember(m: StoredMessage) {
    const idx = shownOrder.indexOf(m.message_id);
    if (idx >= 0) shownOrder.splice(idx, 1);
    shownOrder.push(m.message_id);
    const markup = m.reply_markup;
    if (markup && "remove_keyboard" in markup) {
      for (const [id, bs] of keyboards) if (bs.some((b) => b.kind === "reply")) keyboards.delete(id);
    }
    const buttons = buttonsOf(markup);
    if (buttons.length) keyboards.set(m.message_id, buttons);
    else keyboards.delete(m.message_id);
  }

  async function saveFile(fileId: string, name: string): Promise<string | null> {
    try {
      const res = await fetch(`${fakeUrl}/__fake/files/${encodeURIComponent(fileId)}`);
      if (!res.ok) return null;
      const bytes = new Uint8Array(await res.arrayBuffer());
      mkdirSync(downloads, { recursive: true });
      const safe = basename(name).replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_") || "tep";
      let target = resolve(downloads, safe);
      for (let i = 1; existsSync(target); i++) {
        const dot = safe.lastIndexOf(".");
        target = resolve(downloads, dot > 0 ? `${safe.slice(0, dot)} (${i})${safe.slice(dot)}` : `${safe} (${i})`);
      }
      writeFileSync(target, bytes);
      return target;
    } catch {
      return null;
    }
  }

  async function printMessage(m: StoredMessage, how: "new" | "edit" | "old") {
    const head =
      how === "edit" ? `🤖 ${ansi.yellow("(đã sửa)", st)} ` : how === "old" ? `🤖 ${ansi.dim("(tin trước)", st)} ` : "🤖 ";
    const lines: string[] = [];
    const file = m.document ?? m.photo;
    if (file) {
      const name = file.file_name ?? (m.photo ? `anh-${m.message_id}.jpg` : `tep-${m.message_id}`);
      let line = `${head}📎 ${ansi.bold(name, st)} (${formatSize(file.file_size)})`;
      if (how !== "old") {
        const saved = file.url ? null : await saveFile(file.file_id, name);
        if (saved) line += ansi.dim(` → ${relative(process.cwd(), saved) || saved}`, st);
        else if (file.url) line += ansi.dim(` 🔗 ${file.url}`, st);
      }
      lines.push(line);
      const cap = renderBody(m, st);
      if (cap) lines.push(indentLines(cap, "   "));
    } else {
      const body = renderBody(m, st);
      const [first = "", ...rest] = body.split("\n");
      lines.push(head + first);
      if (rest.length) lines.push(indentLines(rest.join("\n"), "   "));
    }
    lines.push(...renderButtons(buttonsOf(m.reply_markup), st));
    remember(m);
    say(...lines);
  }

  const noticeFor = (chatId: number) => {
    const u = users.find((x) => x.telegramId === chatId);
    if (!u) return `📨 Bot vừa nhắn cho chat ${chatId}.`;
    return `📨 Bot vừa nhắn cho ${u.fullName} — gõ ${ansi.bold(`:doi ${u.n}`, st)} để xem.`;
  };

  let eventChain: Promise<void> = Promise.resolve();
  function handleEvents(events: ChatEvent[]) {
    // serialise: two pollers may deliver overlapping batches
    eventChain = eventChain.then(async () => {
      const otherChats = new Set<number>();
      for (const e of events.sort((a, b) => a.seq - b.seq)) {
        if (e.seq <= lastSeq) continue;
        lastSeq = e.seq;
        const mine = mode === "chat" && current !== null && e.chat_id === current.telegramId;
        if (!mine) {
          if (e.type === "message" && e.message?.from_bot) otherChats.add(e.chat_id);
          continue;
        }
        if (e.type === "message" && e.message?.from_bot) {
          printedForChat++;
          await printMessage(e.message, "new");
        } else if (e.type === "edit" && e.message) {
          printedForChat++;
          await printMessage(e.message, "edit");
        } else if (e.type === "delete" && e.message) {
          printedForChat++;
          keyboards.delete(e.message.message_id);
          const preview = (e.message.text ?? e.message.caption ?? e.message.document?.file_name ?? "")
            .split("\n")[0]!
            .slice(0, 40);
          say(ansi.dim(`🗑  Bot đã xoá một tin${preview ? `: “${preview}${preview.length >= 40 ? "…" : ""}”` : ""}`, st));
        } else if (e.type === "callback_answer") {
          printedForChat++;
          if (e.text) say(e.show_alert ? ansi.yellow(`⚠️  ${e.text}`, st) : `🔔 ${e.text}`);
          if (e.url) say(`🔗 ${e.url}`);
        }
      }
      for (const id of otherChats) say(ansi.dim(noticeFor(id), st));
    });
    return eventChain;
  }

  // background listener: everything the bot does, in every chat
  let stopped = false;
  const pollAbort = new AbortController();
  async function listen() {
    while (!stopped) {
      try {
        const r = await fake<{ events: ChatEvent[] }>(`wait?since=${lastSeq}&timeout_ms=25000`, {
          method: "POST",
          signal: pollAbort.signal,
        });
        await handleEvents(r.events);
      } catch {
        if (stopped) break;
        await new Promise((res) => setTimeout(res, 1000));
      }
    }
  }

  // ------------------------------------------------------------ sending
  async function deliver(update: Update): Promise<boolean> {
    try {
      const res = await fetch(webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": opts.secret },
        body: JSON.stringify(update),
      });
      await forwardWebhookReply(res.clone(), fakeUrl, opts.token);
      const text = await res.text();
      if (!res.ok) {
        say(ansi.red(`⚠️  Worker trả lời ${res.status}${text ? `: ${text.slice(0, 300)}` : ""}`, st));
        return false;
      }
      return true;
    } catch (e) {
      say(ansi.red(`⚠️  Không gửi được tới worker (${webhookUrl}): ${e instanceof Error ? e.message : String(e)}`, st));
      return false;
    }
  }

  /** After an update: print what the bot did; wait a little if it answers asynchronously. */
  async function settle(before: number) {
    const u = current;
    if (!u) return;
    try {
      const now = await fake<{ events: ChatEvent[] }>(`events?since=${lastSeq}`);
      await handleEvents(now.events);
      if (printedForChat === before) {
        const r = await fake<{ events: ChatEvent[] }>(
          `wait?chat_id=${u.telegramId}&since=${lastSeq}&timeout_ms=${replyTimeoutMs}`,
          { method: "POST" },
        );
        await handleEvents(r.events);
        // a burst usually follows the first answer
        if (r.events.length) {
          const more = await fake<{ events: ChatEvent[] }>(`events?since=${lastSeq}`);
          await handleEvents(more.events);
        }
      }
    } catch (e) {
      say(ansi.red(`⚠️  Không đọc được Bot API giả (${fakeUrl}): ${e instanceof Error ? e.message : String(e)}`, st));
      return;
    }
    if (printedForChat === before) say(ansi.dim("(bot không trả lời)", st));
  }

  async function sendUserMessage(body: Record<string, unknown>) {
    const u = current!;
    let update: Update;
    try {
      update = (
        await fake<{ update: Update }>(`chats/${u.telegramId}/send`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ from: fromUser(u), ...body }),
        })
      ).update;
    } catch (e) {
      say(ansi.red(`⚠️  Bot API giả không nhận tin: ${e instanceof Error ? e.message : String(e)}`, st));
      return;
    }
    const before = printedForChat;
    if (await deliver(update)) await settle(before);
  }

  async function press(messageId: number, b: ChatButton) {
    const u = current!;
    if (b.kind === "url") {
      say(`🔗 ${b.url}`);
      return;
    }
    if (b.kind === "reply") {
      say(ansi.dim(`→ ${b.text}`, st));
      await sendUserMessage({ text: b.text });
      return;
    }
    if (b.kind === "other") {
      say(ansi.dim("Nút này không dùng được trong terminal.", st));
      return;
    }
    say(ansi.dim(`👆 ${b.text}`, st));
    let update: Update;
    try {
      update = (
        await fake<{ update: Update }>(`chats/${u.telegramId}/press`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ from: fromUser(u), message_id: messageId, data: b.data }),
        })
      ).update;
    } catch (e) {
      say(ansi.red(`⚠️  Không bấm được nút: ${e instanceof Error ? e.message : String(e)}`, st));
      return;
    }
    const before = printedForChat;
    if (await deliver(update)) await settle(before);
  }

  async function sendFile(args: string) {
    let path = args.trim();
    let caption = "";
    const quoted = /^(["'])(.+?)\1\s*(.*)$/.exec(path);
    if (quoted) {
      path = quoted[2]!;
      caption = quoted[3]!;
    } else if (!existsSync(resolve(path))) {
      const sp = path.indexOf(" ");
      if (sp > 0) {
        caption = path.slice(sp + 1).trim();
        path = path.slice(0, sp);
      }
    }
    if (!path) {
      say("Dùng: :file <đường dẫn> [chú thích]");
      return;
    }
    const full = resolve(path);
    if (!existsSync(full)) {
      say(ansi.red(`Không thấy tệp: ${path}`, st));
      return;
    }
    const bytes = readFileSync(full);
    say(ansi.dim(`📤 ${basename(full)} (${formatSize(bytes.length)})`, st));
    await sendUserMessage({
      document: { file_name: basename(full), data_base64: bytes.toString("base64") },
      ...(caption ? { caption } : {}),
    });
  }

  async function showRecent(n: number) {
    const u = current!;
    const r = await fake<{ messages: StoredMessage[] }>(`chats/${u.telegramId}/messages`);
    const recent = r.messages.slice(-Math.max(1, n));
    if (!recent.length) {
      say(ansi.dim("(chưa có tin nào từ bot)", st));
      return;
    }
    for (const m of recent) await printMessage(m, "old");
  }

  // ------------------------------------------------------------ users
  function showMenu() {
    const lines = ["", ansi.bold("Chọn người dùng để chat với bot:", st)];
    if (demo.problem) lines.push(ansi.yellow(`(Chưa có người dùng mẫu: ${demo.problem}.)`, st));
    lines.push(...renderUserMenu(users, st, current?.telegramId));
    lines.push(ansi.dim("Nhập số, hoặc :id <telegram id> [tên]. :q để thoát.", st));
    say(...lines);
    mode = "choose";
  }

  async function become(u: ChatUser) {
    current = u;
    mode = "chat";
    keyboards.clear();
    shownOrder.length = 0;
    const who = u.stranger
      ? `${u.fullName} (id ${u.telegramId}, chưa là thành viên)`
      : u.role
        ? `${u.fullName} — ${ROLE_LABELS[u.role] ?? u.role}, ${u.unitName}`
        : `${u.fullName} (id ${u.telegramId})`;
    say("", `Bạn là ${ansi.bold(who, st)}.`, ansi.dim("Gõ tin nhắn (vd. /start), số để bấm nút, :help để xem lệnh.", st));
    // show the latest message of this chat, so its buttons can be pressed
    try {
      const r = await fake<{ messages: StoredMessage[] }>(`chats/${u.telegramId}/messages`);
      const last = r.messages[r.messages.length - 1];
      if (last) await printMessage(last, "old");
    } catch {
      /* the fake may be restarting */
    }
  }

  function pick(t: string): ChatUser | null {
    const n = Number(t);
    if (!/^\d+$/.test(t)) return null;
    return users.find((u) => u.n === n) ?? users.find((u) => u.telegramId === n) ?? null;
  }

  // ------------------------------------------------------------ REPL
  let quit!: () => void;
  const finished = new Promise<void>((res) => (quit = res));
  let closing = false;
  function stop() {
    if (closing) return;
    closing = true;
    stopped = true;
    pollAbort.abort();
    promptShown = false;
    rl.close();
    quit();
  }

  async function command(t: string) {
    const [cmdRaw = "", ...restParts] = t.slice(1).split(/\s+/);
    const cmd = cmdRaw.toLowerCase();
    const rest = t.slice(1 + cmdRaw.length).trim();
    switch (cmd) {
      case "q":
      case "quit":
      case "exit":
      case "thoat":
        stop();
        return;
      case "h":
      case "help":
      case "?":
        say(...HELP);
        return;
      case "u":
      case "user":
      case "doi": {
        const u = restParts[0] ? pick(restParts[0]) : null;
        if (u) await become(u);
        else showMenu();
        return;
      }
      case "id": {
        const id = Number(restParts[0]);
        if (!Number.isInteger(id) || id <= 0) {
          say("Dùng: :id <telegram id> [tên]");
          return;
        }
        const known = users.find((u) => u.telegramId === id);
        await become(known ?? { n: -1, telegramId: id, fullName: restParts.slice(1).join(" ") || `Người dùng ${id}` });
        return;
      }
      case "file":
      case "tep":
        if (mode !== "chat") return showMenu();
        await sendFile(rest);
        return;
      case "text":
      case "gui":
        if (mode !== "chat") return showMenu();
        if (rest) await sendUserMessage({ text: rest });
        return;
      case "xem":
      case "last":
        if (mode !== "chat") return showMenu();
        await showRecent(Number(restParts[0]) || 1);
        return;
      default:
        say(`Lệnh không rõ: :${cmd}. Gõ :help.`);
    }
  }

  async function handleLine(line: string) {
    const t = line.trim();
    if (t.startsWith(":")) return command(t);
    if (mode === "choose") {
      if (!t) return;
      const u = pick(t);
      if (u) await become(u);
      else say(`Không có số ${t}. Nhập một số trong danh sách.`);
      return;
    }
    if (!t) return;
    if (/^\d{1,3}$/.test(t)) {
      const active = activeButtons();
      const b = active?.buttons.find((x) => x.n === Number(t));
      if (active && b) return press(active.messageId, b);
    }
    await sendUserMessage({ text: line.replace(/\s+$/, "") });
  }

  const queue: string[] = [];
  let pumping = false;
  let inputEnded = false;
  let ready = false;
  async function pump() {
    if (pumping || !ready) return;
    pumping = true;
    while (queue.length && !closing) {
      try {
        await handleLine(queue.shift()!);
      } catch (e) {
        say(ansi.red(`⚠️  ${e instanceof Error ? e.message : String(e)}`, st));
      }
    }
    pumping = false;
    if (inputEnded) stop();
    else if (!closing) showPrompt();
  }

  rl.on("line", (line) => {
    promptShown = false;
    queue.push(line);
    void pump();
  });
  rl.on("SIGINT", () => {
    promptShown = false;
    output.write("\n");
    stop();
  });
  rl.on("close", () => {
    if (closing) return;
    inputEnded = true;
    if (!pumping && ready && !queue.length) stop();
  });

  // start
  try {
    lastSeq = (await fake<{ seq: number }>(`events?since=${Number.MAX_SAFE_INTEGER}`)).seq;
  } catch (e) {
    say(ansi.red(`⚠️  Không kết nối được Bot API giả ở ${fakeUrl}: ${e instanceof Error ? e.message : String(e)}`, st));
  }
  void listen();
  const preset =
    opts.user !== undefined ? (users.find((u) => u.n === opts.user) ?? users.find((u) => u.telegramId === opts.user)) : undefined;
  if (preset) await become(preset);
  else showMenu();
  ready = true;
  if (queue.length) void pump();
  else if (inputEnded) stop();
  else if (!closing) showPrompt();
  await finished;
}

// ------------------------------------------------------------------ CLI

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.cwd();
  const settings = localTelegramSettings(root);
  const user = arg("--user");
  await runChat({
    workerUrl: arg("--worker") ?? "http://127.0.0.1:8787",
    fakeUrl: arg("--fake") ?? process.env.FAKE_TELEGRAM_URL ?? "http://127.0.0.1:8790",
    secret: arg("--secret") ?? settings.secret,
    token: settings.token,
    root,
    ...(user !== undefined ? { user: Number(user) } : {}),
  });
  process.exit(0);
}
