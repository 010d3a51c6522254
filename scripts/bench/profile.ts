/**
 * A CPU profile of the app's isolate while it handles one kind of update
 * (for finding where an update's time goes): `tsx scripts/bench/profile.ts
 * [viec|card|flow|tongquan] [N]`. Prints self time by function, top first,
 * and writes the .cpuprofile (open it in Chrome DevTools) to .wrangler/.
 */
import { writeFileSync } from "node:fs";

/** `ws` comes with wrangler (no types here); Node 20 has no WebSocket client of its own. */
interface Socket {
  once(event: "open", listener: () => void): void;
  on(event: "message", listener: (data: unknown) => void): void;
  send(data: string): void;
  close(): void;
}
const { default: WebSocket } = (await import("ws" as string)) as { default: new (url: string) => Socket };
import { callbackFrom, demoAdmin, demoOfficial, textFrom, withBenchStack } from "./webhook";

const PORT = 9331;
const what = process.argv[2] ?? "viec";
const n = Number(process.argv[3] ?? 200);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

await withBenchStack(
  async (stack) => {
    const user = demoOfficial.telegramId;
    await stack.send("app", textFrom(user, "/viec")());
    const list = (await stack.botMessages(user)).at(-1)!;
    const cards = list
      .reply_markup!.inline_keyboard!.flat()
      .filter((b) => b.callback_data?.startsWith("task:"))
      .map((b) => b.callback_data!);
    let turn = 0;
    const one = async () => {
      if (what === "viec") await stack.send("app", textFrom(user, "/viec")());
      else if (what === "card") await stack.send("app", callbackFrom(user, list.message_id, cards[turn++ % 2]!));
      else if (what === "tongquan") await stack.send("app", textFrom(demoAdmin.telegramId, "/tongquan")());
      else if (what === "echo") await stack.send("echo", textFrom(42, "xin chào")());
    };
    for (let i = 0; i < 30; i++) await one();
    const targets = (await (await fetch(`http://127.0.0.1:${PORT}/json`)).json()) as {
      webSocketDebuggerUrl: string;
      title: string;
    }[];
    const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl);
    await new Promise((resolve) => ws.once("open", () => resolve(undefined)));
    let id = 0;
    const pending = new Map<number, (v: unknown) => void>();
    ws.on("message", (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
    });
    const call = (method: string, params: object = {}) =>
      new Promise<unknown>((resolve) => {
        pending.set(++id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      });
    await call("Profiler.enable");
    await call("Profiler.setSamplingInterval", { interval: 100 });
    await call("Profiler.start");
    const meter = stack.meter(what === "echo" ? "echo" : "app");
    meter.start("x");
    for (let i = 0; i < n; i++) await one();
    meter.stop();
    const { profile } = (await call("Profiler.stop")) as {
      profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };
    };
    ws.close();
    writeFileSync(`.wrangler/profile-${what}.cpuprofile`, JSON.stringify(profile));
    const total = profile.samples.length;
    const self = new Map<string, number>();
    for (const node of profile.nodes) {
      const key = `${node.callFrame.functionName || "(anon)"} ${node.callFrame.url.split("/").slice(-2).join("/")}:${node.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + node.hitCount);
    }
    console.log(
      `${n} updates; workerd CPU ${meter.perUpdateMs("x")?.toFixed(2)} ms/update; profile ${((profile.endTime - profile.startTime) / 1000 / n).toFixed(2)} ms wall/update, ${total} samples`,
    );
    for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 45))
      console.log(`${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
  },
  { appArgs: ["--inspector-port", String(PORT)] },
);
