/**
 * The report flow as an official taps through it: open "Báo cáo tiến độ",
 * pick 50%, type a note, press Gửi. Each update is timed, its D1 round trips
 * counted and its workerd CPU time read; flows run in batches, each followed
 * by as many updates to the echo floor.
 */
import {
  callbackFrom,
  cpuCheck,
  demoOfficial,
  figures,
  closeRound,
  floorFigures,
  newFloorTimes,
  textFrom,
  type BenchStack,
  type WebhookFigures,
} from "./webhook";

const STEPS = ["mở báo cáo (nút)", "chọn 50% (nút)", "gõ ghi chú", "gửi báo cáo (nút)"] as const;

export async function measureReportFlow(
  stack: BenchStack,
  iterations: number,
  batch = 15,
): Promise<{ steps: WebhookFigures[]; floors: WebhookFigures[]; check: string }> {
  const user = demoOfficial.telegramId;
  await stack.send("app", textFrom(user, "/viec")());
  const list = (await stack.botMessages(user)).at(-1)!;
  const firstTask = list.reply_markup!.inline_keyboard!.flat().find((b) => b.callback_data?.startsWith("task:"))!;
  const assignmentId = Number(firstTask.callback_data!.slice("task:".length));

  const times: number[][] = STEPS.map(() => []);
  const trips: number[][] = STEPS.map(() => []);
  const after: number[][] = STEPS.map(() => []);
  const floor = newFloorTimes();
  const appCpu = stack.meter("app");
  const echoCpu = stack.meter("echo");
  const latestButton = async (prefix: string) => {
    const messages = await stack.botMessages(user);
    for (const m of [...messages].reverse()) {
      const b = m.reply_markup?.inline_keyboard?.flat().find((x) => x.callback_data?.startsWith(prefix));
      if (b) return { messageId: m.message_id, data: b.callback_data! };
    }
    throw new Error(`no button ${prefix}`);
  };
  const step = async (index: number, update: unknown, warmUp: boolean) => {
    appCpu.start(STEPS[index]!);
    const r = await stack.send("app", update);
    if (warmUp) return;
    times[index]!.push(r.ms);
    if (r.roundTrips !== null) trips[index]!.push(r.roundTrips);
    if (r.tripsAfter !== null) after[index]!.push(r.tripsAfter);
  };

  const rounds = Math.ceil(iterations / batch);
  for (let round = -1; round < rounds; round++) {
    const warmUp = round < 0;
    for (let i = 0; i < (warmUp ? 5 : batch); i++) {
      await step(0, callbackFrom(user, list.message_id, `rp:${assignmentId}`), warmUp);
      const percent = await latestButton("rf:");
      await step(1, callbackFrom(user, percent.messageId, percent.data.replace(/:p\d+$/, ":p50")), warmUp);
      await step(2, textFrom(user, `Bench ${round}.${i}: đã triển khai thêm một phần việc`)(), warmUp);
      const sendButton = await latestButton("rf:");
      await step(3, callbackFrom(user, sendButton.messageId, sendButton.data), warmUp);
    }
    await closeRound(stack, appCpu, echoCpu, { count: warmUp ? 5 : batch, floorTimes: floor, warmUp });
  }
  return {
    steps: STEPS.map((name, index) =>
      figures(`báo cáo: ${name}`, times[index]!, trips[index]!, appCpu.perUpdateMs(name), after[index]!),
    ),
    floors: floorFigures(floor, echoCpu),
    check: cpuCheck(appCpu, echoCpu),
  };
}
