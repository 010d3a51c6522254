/**
 * The report flow as an official taps through it: open "Báo cáo tiến độ",
 * pick 50%, type a note, press Gửi. Each update is timed and its D1 round
 * trips counted; the echo floor is measured between iterations.
 */
import { percentile } from "./stats";
import { callbackFrom, demoOfficial, textFrom, type BenchStack, type WebhookFigures } from "./webhook";

const STEPS = ["mở báo cáo (nút)", "chọn 50% (nút)", "gõ ghi chú", "gửi báo cáo (nút)"] as const;

export async function measureReportFlow(stack: BenchStack, iterations: number): Promise<{ steps: WebhookFigures[]; floor: WebhookFigures }> {
  const user = demoOfficial.telegramId;
  await stack.send("app", textFrom(user, "/viec")());
  const list = (await stack.botMessages(user)).at(-1)!;
  const firstTask = list.reply_markup!.inline_keyboard!.flat().find((b) => b.callback_data?.startsWith("task:"))!;
  const assignmentId = Number(firstTask.callback_data!.slice("task:".length));

  const times: number[][] = STEPS.map(() => []);
  const trips: number[][] = STEPS.map(() => []);
  const floor: number[] = [];
  const latestButton = async (prefix: string) => {
    const messages = await stack.botMessages(user);
    for (const m of [...messages].reverse()) {
      const b = m.reply_markup?.inline_keyboard?.flat().find((x) => x.callback_data?.startsWith(prefix));
      if (b) return { messageId: m.message_id, data: b.callback_data! };
    }
    throw new Error(`no button ${prefix}`);
  };

  for (let i = 0; i < iterations + 5; i++) {
    const results = [];
    results.push(await stack.send("app", callbackFrom(user, list.message_id, `rp:${assignmentId}`)));
    const percent = await latestButton("rf:");
    results.push(await stack.send("app", callbackFrom(user, percent.messageId, percent.data.replace(/:p\d+$/, ":p50"))));
    results.push(await stack.send("app", textFrom(user, `Bench ${i}: đã triển khai thêm một phần việc`)()));
    const sendButton = await latestButton("rf:");
    results.push(await stack.send("app", callbackFrom(user, sendButton.messageId, sendButton.data)));
    const echo = await stack.send("echo", textFrom(42, "xin chào")());
    if (i < 5) continue;
    results.forEach((r, step) => {
      times[step]!.push(r.ms);
      if (r.roundTrips !== null) trips[step]!.push(r.roundTrips);
    });
    floor.push(echo.ms);
  }
  return {
    steps: STEPS.map((name, step) => ({
      name: `báo cáo: ${name}`,
      medianMs: percentile(times[step]!, 50),
      p99Ms: percentile(times[step]!, 99),
      roundTrips: Math.max(...trips[step]!),
    })),
    floor: { name: "floor: bare grammY echo bot", medianMs: percentile(floor, 50), p99Ms: percentile(floor, 99), roundTrips: 0 },
  };
}
