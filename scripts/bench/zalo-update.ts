/**
 * One Zalo update through the full stack: an official types the menu key
 * that starts "Báo cáo tiến độ" on a task's card — a menu pick dispatched as
 * the button would be. Timed beside the same bare grammY echo floor as the
 * Telegram updates, interleaved.
 */
import { demoMembers } from "../../db/demo";
import { percentile } from "./stats";
import { textFrom, zaloTextFrom, type BenchStack, type WebhookFigures } from "./webhook";

const official = demoMembers.find((m) => m.unitName === "UBND huyện" && m.role === "member")!;

export async function measureZaloMenuPick(stack: BenchStack, iterations: number): Promise<{ pick: WebhookFigures; floor: WebhookFigures }> {
  const times: number[] = [];
  const trips: number[] = [];
  const floor: number[] = [];
  const lastMenuKey = async (label: string) => {
    const last = (await stack.zaloMessages(official.zaloId)).at(-1)?.text ?? "";
    const line = last.split("\n").find((l) => l.endsWith(label));
    if (!line) throw new Error(`no "${label}" in the last Zalo message: ${last}`);
    return line.split(".")[0]!;
  };
  for (let i = 0; i < iterations + 5; i++) {
    await stack.sendZalo(zaloTextFrom(official.zaloId, "/viec"));
    await stack.sendZalo(zaloTextFrom(official.zaloId, "1"));
    const key = await lastMenuKey("Báo cáo tiến độ");
    const pick = await stack.sendZalo(zaloTextFrom(official.zaloId, key));
    const echo = await stack.send("echo", textFrom(42, "xin chào")());
    await stack.sendZalo(zaloTextFrom(official.zaloId, "/huy"));
    if (i < 5) continue;
    times.push(pick.ms);
    if (pick.roundTrips !== null) trips.push(pick.roundTrips);
    floor.push(echo.ms);
  }
  return {
    pick: { name: "Zalo: gõ số chọn «Báo cáo tiến độ» (menu)", medianMs: percentile(times, 50), p99Ms: percentile(times, 99), roundTrips: Math.max(...trips) },
    floor: { name: "floor: bare grammY echo bot", medianMs: percentile(floor, 50), p99Ms: percentile(floor, 99), roundTrips: 0 },
  };
}
