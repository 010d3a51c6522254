/**
 * `npm run bench`: every benchmark, each reported against a baseline measured
 * in the same run. `--runs N` sets requests per scenario (default 300).
 */
import { demoOfficial, measure, textFrom, webhookTable, withBenchStack } from "./webhook";

const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 300;

console.log(`## Webhook: one update through the full stack (workerd, local D1, demo data), ${runs} runs each\n`);
await withBenchStack(async ({ send }) => {
  const [viec, floor] = await measure(
    send,
    { name: "/viec (demo official, UBND huyện)", update: textFrom(demoOfficial.telegramId, "/viec") },
    { name: "floor: bare grammY echo bot", update: textFrom(42, "xin chào") },
    runs,
  );
  console.log(webhookTable([viec], floor));
});
