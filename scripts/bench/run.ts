/**
 * `npm run bench`: every benchmark, each reported against a baseline measured
 * in the same run. `--runs N` sets requests per scenario (default 300);
 * `--alerts N` / `--alerts-full` the alerts delivered (1,000 / 10,000);
 * `--only webhook,bundle,…` runs some sections (parse, docx, webhook, pdf, bundle,
 * alerts, admin, chain).
 */
import { adminBenchmark } from "./admin";
import { alertBenchmarks } from "./alerts";
import { bundleBenchmark } from "./bundle";
import { docxWorkerdBenchmark } from "./docx-workerd";
import { parseBenchmark } from "./parse";
import { pdfBenchmark } from "./pdf";
import { planChainBenchmark } from "./plan-chain";
import { measureReportFlow } from "./report-flow";
import { measureZaloMenuPick } from "./zalo-update";
import { callbackFrom, demoAdmin, demoOfficial, measure, textFrom, webhookTable, withBenchStack } from "./webhook";

const flag = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(flag("--runs") ?? 300);
const only = flag("--only")?.split(",");
const section = (name: string) => !only || only.includes(name);

if (section("parse")) {
  console.log("## Plan extraction: each document in ../shared/plans, in Node, median of 25 runs after 5 warm-up\n");
  console.log(await parseBenchmark());
  console.log("");
}

if (section("docx")) {
  console.log("## A zip bomb in workerd: CPU and peak memory of the worker's own workerd reading one .docx\n");
  console.log(await docxWorkerdBenchmark());
  console.log("");
}

if (section("webhook")) {
  console.log(`## Webhook: one update through the full stack (workerd, local D1, demo data), ${runs} runs each\n`);
  console.log(
    "Batches of 15 updates to the app, then 15 to each floor: a bare grammY echo bot (the floor every ratio is taken against), and the same bot making 1, 2 or 3 D1 round trips first. CPU per update: the worker's workerd user+system time, read from /proc, between one request and the next, local D1 included (locally D1 runs in the worker's own workerd; on Cloudflare its work is not the Worker's CPU); the bench's Node process (fake Bot API) is not in it.\n",
  );
  await withBenchStack(async (stack) => {
    const user = demoOfficial.telegramId;
    await stack.send("app", textFrom(user, "/viec")());
    const list = (await stack.botMessages(user)).at(-1)!;
    const cards = list
      .reply_markup!.inline_keyboard!.flat()
      .filter((b) => b.callback_data?.startsWith("task:"))
      .map((b) => b.callback_data!);
    let cardTurn = 0;
    const single = await measure(
      stack,
      [
        { name: "/viec (demo official, UBND huyện)", update: textFrom(user, "/viec") },
        // Two cards in turn on the list message: each open edits it (the same card twice would be "not modified").
        {
          name: "mở thẻ nhiệm vụ (nút task:<id>)",
          update: () => callbackFrom(user, list.message_id, cards[cardTurn++ % Math.min(2, cards.length)]!),
        },
        { name: "/tongquan (demo admin, Ban Tổ chức)", update: textFrom(demoAdmin.telegramId, "/tongquan") },
      ],
      runs,
    );
    console.log(webhookTable(single.rows, single.floors));
    console.log(`\n${single.check}`);

    const flowRuns = Math.max(20, Math.round(runs / 4));
    console.log(`\n## Report flow, update by update (${flowRuns} flows), against the echo floor measured alongside\n`);
    const flow = await measureReportFlow(stack, flowRuns);
    console.log(webhookTable(flow.steps, flow.floors));
    console.log(`\n${flow.check}`);

    console.log(
      `\n## Zalo: one update, a menu pick in the report flow (${flowRuns} runs), against the echo floor measured alongside\n`,
    );
    const zalo = await measureZaloMenuPick(stack, flowRuns);
    console.log(webhookTable([zalo.pick], zalo.floors));
    console.log(`\n${zalo.check}`);
  });
  console.log("");
}

if (section("pdf")) {
  console.log("## PDF plans: reading in workerd, and hostile PDFs refused\n");
  console.log(await pdfBenchmark());
  console.log("");
}

if (section("bundle")) {
  console.log("## Worker bundle: wrangler deploy --dry-run --minify\n");
  console.log(await bundleBenchmark());
  console.log("");
}

if (section("alerts")) {
  console.log(await alertBenchmarks(process.argv));
}

if (section("admin")) {
  console.log("\n## Monitoring office: /tongquan, /quahan and /xuat on one plan of 100,000 assignments\n");
  console.log(await adminBenchmark());
}

if (section("chain")) {
  console.log("\n## Plans carrying out a plan: the overview of a parent plan with 100 units' plans of 50 tasks each\n");
  console.log(await planChainBenchmark());
}
