/**
 * One Zalo update through the full stack: an official types the menu key
 * that starts "Báo cáo tiến độ" on a task's card — a menu pick dispatched as
 * the button would be. Timed, and its workerd CPU read, beside the same bare
 * grammY echo floor as the Telegram updates, in interleaved batches.
 */
import { demoMembers } from "../../db/demo";
import {
  cpuCheck,
  figures,
  closeRound,
  floorFigures,
  newFloorTimes,
  zaloTextFrom,
  type BenchStack,
  type WebhookFigures,
} from "./webhook";

const official = demoMembers.find((m) => m.unitName === "UBND huyện" && m.role === "member")!;
const PICK = "Zalo: gõ số chọn «Báo cáo tiến độ» (menu)";

export async function measureZaloMenuPick(
  stack: BenchStack,
  iterations: number,
  batch = 15,
): Promise<{ pick: WebhookFigures; floors: WebhookFigures[]; check: string }> {
  const times: number[] = [];
  const trips: number[] = [];
  const after: number[] = [];
  const floor = newFloorTimes();
  const appCpu = stack.meter("app");
  const echoCpu = stack.meter("echo");
  const lastMenuKey = async (label: string) => {
    const last = (await stack.zaloMessages(official.zaloId)).at(-1)?.text ?? "";
    const line = last.split("\n").find((l) => l.endsWith(label));
    if (!line) throw new Error(`no "${label}" in the last Zalo message: ${last}`);
    return line.split(".")[0]!;
  };
  const rounds = Math.ceil(iterations / batch);
  for (let round = -1; round < rounds; round++) {
    const warmUp = round < 0;
    for (let i = 0; i < (warmUp ? 5 : batch); i++) {
      appCpu.start("other");
      await stack.sendZalo(zaloTextFrom(official.zaloId, "/viec"));
      await stack.sendZalo(zaloTextFrom(official.zaloId, "1"));
      const key = await lastMenuKey("Báo cáo tiến độ");
      appCpu.start(PICK);
      const pick = await stack.sendZalo(zaloTextFrom(official.zaloId, key));
      appCpu.start("other");
      await stack.sendZalo(zaloTextFrom(official.zaloId, "/huy"));
      if (warmUp) continue;
      times.push(pick.ms);
      if (pick.roundTrips !== null) trips.push(pick.roundTrips);
      if (pick.tripsAfter !== null) after.push(pick.tripsAfter);
    }
    await closeRound(stack, appCpu, echoCpu, { count: warmUp ? 5 : batch, floorTimes: floor, warmUp });
  }
  return {
    pick: figures(PICK, times, trips, appCpu.perUpdateMs(PICK), after),
    floors: floorFigures(floor, echoCpu),
    check: cpuCheck(appCpu, echoCpu),
  };
}
