/**
 * `npm run import -- <file> [options]`: imports a plan document into the local D1
 * (the database `npm start` uses), as an admin of the monitoring unit would.
 *
 *   --monitor "<name>"   the unit that monitors the plan (default: the demo's Ban Tổ chức Huyện ủy)
 *   --issuer "<name>"    the issuing unit: the monitor itself or a unit that designated it (default: the header's, else the designating unit)
 *   --dry-run            read and extract only; nothing is written, no database needed
 *   --json               with --dry-run: print the extraction as JSON (header, targets, units, tasks)
 *   --persist-to DIR     the local D1 directory, as given to wrangler
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { cleanFileName } from "../core/text/file-name";
import { extractionJson } from "../core/plan-import/dry-run";
import { extractPlan, type ExtractedPlan } from "../core/plan-import/extract";
import { planRows } from "../core/plan-import/plan-rows";
import { initialChoices, summarize } from "../core/plan-import/review";
import { maxPlanFileBytes, readPlanFile } from "../core/plan-import/source-file";
import { sourceHash } from "../core/plan-import/source-hash";
import { formatDate } from "../core/time/vietnam-date";
import { unitKey } from "../core/units/match";
import { importTexts } from "../bot/texts/import";
import { createDb, type Db } from "../db/client";
import { units } from "../db/schema";
import { demoPlan } from "../db/demo";
import { importScope, planBySourceHash, writeImportedPlan } from "../db/queries/plan-import";

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const flag = (name: string) => args.includes(name);
const valued = new Set(["--monitor", "--issuer", "--persist-to"]);
const file = args.find((arg, i) => !arg.startsWith("--") && !valued.has(args[i - 1] ?? ""));
const plain = (html: string) => html.replace(/<[^>]+>/g, "");

/** A message for the user; the script ends with status 1. */
class Refusal extends Error {}

function fail(message: string): never {
  throw new Refusal(message);
}

// No process.exit: it would cut off a long --json output still being written to a pipe.
try {
  await main();
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

async function main(): Promise<void> {
  if (!file)
    fail('Dùng: npm run import -- <tệp .docx|.pdf|.txt|.md> [--monitor "<tên đơn vị>"] [--issuer "<tên>"] [--dry-run [--json]]');
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    fail(`Không thấy tệp: ${file}`);
  }
  const name = cleanFileName(basename(file)) ?? "ke-hoach";
  if (size > maxPlanFileBytes({ name, mime: null }))
    fail(plain(importTexts.rejected[name.toLowerCase().endsWith(".pdf") ? "pdf_too_large" : "too_large"]));

  const source = await readPlanFile({ name, mime: null, size }, new Uint8Array(readFileSync(file)));
  if (!source.ok) fail(plain(importTexts.rejected[source.reason]));
  const plan = extractPlan(source.text);

  if (flag("--dry-run")) {
    if (flag("--json")) console.log(JSON.stringify(extractionJson(plan), null, 2));
    else printExtraction(name, plan);
    return;
  }
  if (plan.tasks.length === 0) fail(plain(importTexts.noTasks));

  const persistTo = option("--persist-to");
  // Loaded only when a database is needed: wrangler takes seconds to import, a dry run none.
  const { getPlatformProxy } = await import("wrangler");
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: "wrangler.toml",
    persist: persistTo ? { path: `${persistTo}/v3` } : true,
  });
  try {
    await importInto(createDb(proxy.env.DB), name, plan, await sourceHash(source.text));
  } finally {
    await proxy.dispose();
  }
}

async function importInto(db: Db, name: string, plan: ExtractedPlan, hash: string): Promise<void> {
  const existing = await planBySourceHash(db, hash);
  if (existing)
    fail(`Kế hoạch này đã được nhập ngày ${formatDate(existing.createdAt)} (#${existing.id} ${existing.title}). Không nhập lại.`);

  const monitor = await findUnit(db, option("--monitor") ?? demoPlan.monitor, option("--monitor") === undefined);
  const scope = await importScope(db, monitor.id);
  const choices = initialChoices(plan, scope.units, { unitId: monitor.id, issuerIds: scope.issuers.map((i) => i.unitId) });
  const issuerName = option("--issuer");
  if (issuerName) {
    // The same rule as in the chat: the monitor's own unit, or a unit that designated it as its office.
    const issuer = scope.issuers.find((u) => unitKey(u.name) === unitKey(issuerName) || `#${u.unitId}` === issuerName);
    if (!issuer)
      fail(
        `«${issuerName}» không phải ${monitor.name} hay đơn vị đã giao ${monitor.name} theo dõi kế hoạch cho mình: ${scope.issuers.map((i) => i.name).join("; ")}.`,
      );
    choices.issuerUnitId = issuer.unitId;
  }
  const summary = summarize(plan, choices, scope.units);
  const rows = planRows(plan, choices, { sourceHash: hash, scope: scope.units, fileName: name });
  const result = await writeImportedPlan(db, rows, {
    memberId: null,
    draftId: null,
    detail: { source: "cli", file: name, tasks: rows.tasks.length, newUnits: rows.newUnits.map((u) => u.name) },
  });
  if (!result.ok) fail("Kế hoạch này đã được nhập (trùng nội dung). Không nhập lại.");

  const unitName = (id: number) => scope.units.find((u) => u.id === id)?.name ?? `#${id}`;
  console.log(`Đã nhập kế hoạch #${result.planId}: ${rows.plan.title}`);
  console.log(`  ban hành: ${unitName(choices.issuerUnitId)} · theo dõi: ${monitor.name}`);
  console.log(
    `  ${result.counts.tasks} nhiệm vụ, ${result.counts.assignments} lượt giao, ${result.counts.targets} chỉ tiêu, ${result.counts.newUnits} đơn vị mới`,
  );
  if (summary.newUnits.length > 0) console.log(`  đơn vị mới: ${summary.newUnits.join("; ")}`);
  if (rows.groupsWithoutMembers.length > 0)
    console.log(`  giao cho cả nhóm (chưa biết thành viên): ${rows.groupsWithoutMembers.join("; ")}`);
  if (rows.refusedTasks.length > 0)
    console.log(`  không lưu (chủ trì không thuộc đơn vị ban hành): ${rows.refusedTasks.map((t) => t.ref).join(", ")}`);
  if (rows.leftOutUnits.length > 0) console.log(`  không giao (không thuộc đơn vị ban hành): ${rows.leftOutUnits.join("; ")}`);
  if (summary.withoutDeadline > 0) console.log(`  ${summary.withoutDeadline} nhiệm vụ chưa có thời hạn`);
  for (const warning of summary.warnings) console.log(`  ⚠ ${warning}`);
}

/** A unit by name (folded, abbreviations expanded) or "#id"; the demo's monitor by default. */
async function findUnit(db: Db, wanted: string, isDefault: boolean): Promise<{ id: number; name: string }> {
  const all = await db.select({ id: units.id, name: units.name, nameKey: units.nameKey, isGroup: units.isGroup }).from(units);
  const byId = /^#(\d+)$/.exec(wanted);
  const found = all.filter((u) => !u.isGroup && (byId ? u.id === Number(byId[1]) : unitKey(u.name) === unitKey(wanted)));
  if (found.length === 1) return found[0]!;
  if (found.length > 1)
    fail(`Có ${found.length} đơn vị tên «${wanted}»: ${found.map((u) => `#${u.id}`).join(", ")}. Dùng --monitor "#<số>".`);
  if (isDefault) fail(`Chưa có đơn vị «${wanted}» (dữ liệu mẫu). Hãy chỉ định đơn vị theo dõi: --monitor "<tên đơn vị>"`);
  fail(`Không thấy đơn vị «${wanted}». Hãy kiểm tra tên, hoặc dùng --monitor "#<số>".`);
}

function printExtraction(name: string, plan: ExtractedPlan): void {
  const h = plan.header;
  console.log(`${name}: ${h.title ?? "(không có tên)"}`);
  console.log(`  số ${h.number ?? "?"} · ngày ${h.issued_on ?? "?"} · ban hành: ${h.issuer ?? "?"}`);
  console.log(`  ${plan.tasks.length} nhiệm vụ, ${plan.units.length} đơn vị, ${plan.targets.length} chỉ tiêu`);
  for (const task of plan.tasks) {
    const deadline = task.deadline.due ?? task.deadline.recurrence ?? task.deadline.kind;
    console.log(`  ${task.ref.padEnd(10)} ${task.lead.join("; ") || "—"} · ${deadline} · ${task.title.slice(0, 70)}`);
  }
  for (const warning of plan.warnings) console.log(`  ⚠ ${warning}`);
}
