/**
 * `npm run bench`: every benchmark, each reported against a baseline measured
 * in the same run. `--runs N` sets requests per scenario (default 300);
 * `--alerts N` / `--alerts-full` the alerts delivered (1,000 / 10,000).
 */
import { adminBenchmark } from "./admin";
import { alertBenchmarks } from "./alerts";
import { parseBenchmark } from "./parse";
import { measureReportFlow } from "./report-flow";
import { measureZaloMenuPick } from "./zalo-update";
import { demoOfficial, measure, textFrom, webhookTable, withBenchStack } from "./webhook";

const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 300;

console.log("## Plan extraction: each document in ../shared/plans, in Node, median of 25 runs after 5 warm-up\n");
console.log(await parseBenchmark());
console.log("");

console.log(`## Webhook: one update through the full stack (workerd, local D1, demo data), ${runs} runs each\n`);
await withBenchStack(async (stack) => {
  const [viec, floor] = await measure(
    stack.send,
    { name: "/viec (demo official, UBND huyện)", update: textFrom(demoOfficial.telegramId, "/viec") },
    { name: "floor: bare grammY echo bot", update: textFrom(42, "xin chào") },
    runs,
  );
  console.log(webhookTable([viec], floor));

  const flowRuns = Math.max(20, Math.round(runs / 4));
  console.log(`\n## Report flow, update by update (${flowRuns} flows), against the echo floor measured alongside\n`);
  const flow = await measureReportFlow(stack, flowRuns);
  console.log(webhookTable(flow.steps, flow.floor));

  console.log(`\n## Zalo: one update, a menu pick in the report flow (${flowRuns} runs), against the echo floor measured alongside\n`);
  const zalo = await measureZaloMenuPick(stack, flowRuns);
  console.log(webhookTable([zalo.pick], zalo.floor));
});

console.log("");
console.log(await alertBenchmarks(process.argv));

console.log("\n## Monitoring office: /tongquan, /quahan and /xuat on one plan of 100,000 assignments\n");
console.log(await adminBenchmark());
