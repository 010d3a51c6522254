/**
 * Plan import: the committee an admin imports into, the review drafts
 * (plan_imports) and the one batch that writes a confirmed plan.
 */
import { cleanFileName } from "../../core/text/file-name";
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { IssuerRef } from "../../core/access/policy";
import type { ReviewPlan, ScopeUnit } from "../../core/plan-import/review";
import type { PlanRows } from "../../core/plan-import/plan-rows";
import type { ExtractedPlan } from "../../core/plan-import/types";
import type { Db } from "../client";
import { auditLog, planImports, plans, units } from "../schema";

export interface ImportScope {
  /** The units this admin may import a plan for (core/access canImportFor): their own, and those that designated the admin's unit as their office. */
  issuers: (IssuerRef & { name: string })[];
  /**
   * Every unit of the tree the admin's unit is in, groups with their member units and each with its lineage,
   * top first, then by name: the document's names are matched against all of them, and those outside the
   * chosen issuer's tree are shown as left out.
   */
  units: ScopeUnit[];
}

const collator = new Intl.Collator("vi");

export async function importScope(db: Db, adminUnitId: number): Promise<ImportScope> {
  const rows = await db.all<{
    id: number;
    name: string;
    is_group: number;
    monitor_office_id: number | null;
    members: string | null;
    path: string;
  }>(sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from units where id = ${adminUnitId}
      union all
      select units.id, units.parent_id from units join up on units.id = up.parent_id
    ),
    tree(id, path) as (
      select id, cast(id as text) from up where parent_id is null
      union all
      select units.id, tree.path || ',' || units.id from units join tree on units.parent_id = tree.id
    )
    select units.id, units.name, units.is_group, units.monitor_office_id, tree.path,
      (select group_concat(m.unit_id) from unit_group_members m where m.group_id = units.id) as members
    from units join tree on tree.id = units.id`);
  const top = (r: (typeof rows)[number]) => !r.path.includes(",");
  const units = rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      isGroup: r.is_group === 1,
      memberIds: r.members ? r.members.split(",").map(Number) : [],
      lineage: r.path.split(",").map(Number).reverse(),
      top: top(r),
    }))
    .sort((a, b) => Number(b.top) - Number(a.top) || Number(a.isGroup) - Number(b.isGroup) || collator.compare(a.name, b.name))
    .map(({ top: _top, ...unit }) => unit);
  const issuers = rows
    .filter((r) => r.is_group === 0 && (r.id === adminUnitId || r.monitor_office_id === adminUnitId))
    .map((r) => ({ unitId: r.id, name: r.name, monitorOfficeId: r.monitor_office_id }))
    .sort((a, b) => Number(b.unitId === adminUnitId) - Number(a.unitId === adminUnitId) || collator.compare(a.name, b.name));
  return { issuers, units };
}

/**
 * An issuer's admins designate the office that monitors its plans by saving a
 * plan monitored by it: that office may then import and monitor plans for it.
 */
export function designateMonitorOffice(db: Db, issuerUnitId: number, officeUnitId: number) {
  return db.update(units).set({ monitorOfficeId: officeUnitId }).where(eq(units.id, issuerUnitId));
}

export interface ImportedPlanRef {
  id: number;
  number: string | null;
  title: string;
  createdAt: string;
}

export async function planBySourceHash(db: Db, sourceHash: string): Promise<ImportedPlanRef | null> {
  const rows = await db
    .select({ id: plans.id, number: plans.number, title: plans.title, createdAt: plans.createdAt })
    .from(plans)
    .where(eq(plans.sourceHash, sourceHash))
    .limit(1);
  return rows[0] ?? null;
}

/** What plan_imports.extraction holds: the extraction without its prose (never written anywhere). */
export type StoredExtraction = ReviewPlan;

export interface ImportDraft {
  id: number;
  memberId: number;
  sourceHash: string;
  fileName: string | null;
  status: "reviewing" | "confirmed" | "cancelled";
  planId: number | null;
  plan: StoredExtraction;
}

/**
 * Keeps the extraction for review; any earlier draft of the same admin is abandoned. Beside it, the
 * document numbers the preamble names (core/plan-chain implementedNumbers, read from the whole text,
 * which the draft does not keep): the plan above is proposed from them.
 */
export async function saveImportDraft(
  db: Db,
  draft: { memberId: number; sourceHash: string; fileName: string | null; plan: ExtractedPlan; implementsNumbers?: string[] },
): Promise<number> {
  const { content: _prose, ...stored } = draft.plan;
  const [, inserted] = await db.batch([
    db
      .update(planImports)
      .set({ status: "cancelled" })
      .where(and(eq(planImports.memberId, draft.memberId), eq(planImports.status, "reviewing"))),
    db
      .insert(planImports)
      .values({
        memberId: draft.memberId,
        sourceHash: draft.sourceHash,
        fileName: cleanFileName(draft.fileName),
        extraction: draft.implementsNumbers?.length
          ? { plan: stored, implementsNumbers: draft.implementsNumbers }
          : { plan: stored },
      })
      .returning({ id: planImports.id }),
  ]);
  return inserted[0]!.id;
}

export async function importDraft(db: Db, id: number): Promise<ImportDraft | null> {
  const rows = await db.select().from(planImports).where(eq(planImports.id, id)).limit(1);
  const row = rows[0];
  if (!row) return null;
  const { plan } = row.extraction as { plan: StoredExtraction };
  return {
    id: row.id,
    memberId: row.memberId,
    sourceHash: row.sourceHash,
    fileName: row.fileName,
    status: row.status,
    planId: row.planId,
    plan,
  };
}

/**
 * The extraction as the admin edited it in the chat (tasks added, renamed, split); only while still under review.
 * What else the draft keeps beside it (db/queries/plan-chain-import: the numbers its preamble names) stays.
 */
export async function updateImportDraftPlan(db: Db, id: number, plan: StoredExtraction): Promise<void> {
  await db
    .update(planImports)
    .set({ extraction: sql`json_set(${planImports.extraction}, '$.plan', json(${JSON.stringify(plan)}))` })
    .where(and(eq(planImports.id, id), eq(planImports.status, "reviewing")));
}

export function cancelImportDraft(db: Db, id: number) {
  return db
    .update(planImports)
    .set({ status: "cancelled" })
    .where(and(eq(planImports.id, id), eq(planImports.status, "reviewing")));
}

export type WriteResult =
  | { ok: true; planId: number; counts: { tasks: number; assignments: number; newUnits: number; targets: number } }
  | { ok: false; reason: "duplicate" };

/**
 * Writes a reviewed plan in one D1 batch (one transaction): new units, the plan,
 * targets, tasks, assignments, the audit entry, the draft marked confirmed, and
 * whatever the caller adds (the end of its chat flow).
 *
 * D1 allows 100 bound parameters a statement and, on the free plan, 50 queries
 * an invocation; a plan has hundreds of rows. So each table gets one
 * INSERT … SELECT over json_each(?) — a whole table's rows in one parameter
 * (split only past CHUNK_BYTES) — and rows find their plan, task and new
 * units by natural keys (source hash, sort order, parent + name key) inside
 * the statement. About eight statements, whatever the plan's size.
 *
 * The unique source hash makes a second import of the same document fail as a
 * whole; that is reported as "duplicate".
 */
export async function writeImportedPlan(
  db: Db,
  rows: PlanRows,
  audit: { memberId: number | null; draftId: number | null; detail: Record<string, unknown> },
  extra: Statement[] = [],
): Promise<WriteResult> {
  const hash = rows.plan.sourceHash;
  const planId = sql`(select id from plans where source_hash = ${hash})`;
  const field = (name: string) => sql.raw(`json_extract(j.value, '$.${name}')`);
  const statements: Query[] = [];

  for (const chunk of chunked(rows.newUnits)) {
    statements.push(
      raw(sql`insert into units (parent_id, name, name_key, is_group)
        select ${rows.rootUnitId}, ${field("name")}, ${field("key")}, ${field("isGroup")}
        from json_each(${chunk}) j where true
        on conflict (parent_id, name_key) do nothing`),
    );
  }
  const planAt = statements.push(db.insert(plans).values(rows.plan).returning({ id: plans.id }).toSQL()) - 1;
  for (const chunk of chunked(rows.targets)) {
    statements.push(
      raw(sql`insert into targets (plan_id, text, value, comparator, unit_of_measure, by_year)
        select ${planId}, ${field("text")}, ${field("value")}, ${field("comparator")}, ${field("unitOfMeasure")}, ${field("byYear")}
        from json_each(${chunk}) j`),
    );
  }
  for (const chunk of chunked(rows.tasks)) {
    statements.push(
      raw(sql`insert into tasks (plan_id, ref, section, title, deadline_text, deadline_kind, due_on, starts_on, recurrence, deadline_note, sort_order)
        select ${planId}, ${field("ref")}, ${field("section")}, ${field("title")}, ${field("deadlineText")}, ${field("deadlineKind")},
          ${field("dueOn")}, ${field("startsOn")}, ${field("recurrence")}, ${field("deadlineNote")}, ${field("order")}
        from json_each(${chunk}) j`),
    );
  }
  const unitOf: SQL = sql`coalesce(${field("unitId")}, (select u.id from units u where u.parent_id = ${rows.rootUnitId} and u.name_key = ${field("unitKey")}))`;
  for (const chunk of chunked(rows.assignments)) {
    statements.push(
      raw(sql`insert into assignments (task_id, unit_id, role, via_group_id)
        select t.id, ${unitOf}, ${field("role")}, ${field("viaGroupId")}
        from json_each(${chunk}) j join tasks t on t.plan_id = ${planId} and t.sort_order = ${field("taskOrder")}`),
    );
  }
  statements.push(
    db
      .insert(auditLog)
      .values({ actorMemberId: audit.memberId, action: "plan.import", entity: "plan", entityId: planId, detail: audit.detail })
      .toSQL(),
  );
  if (audit.draftId !== null) {
    statements.push(
      db
        .update(planImports)
        .set({ status: "confirmed", planId })
        .where(and(eq(planImports.id, audit.draftId), ne(planImports.status, "confirmed")))
        .toSQL(),
    );
  }
  statements.push(...extra.map((s) => s.toSQL()));

  // Straight to D1: drizzle 0.45 cannot batch raw SQL that has parameters.
  const d1 = db.$client;
  try {
    const results = await d1.batch(statements.map((q) => d1.prepare(q.sql).bind(...q.params)));
    const inserted = results[planAt]!.results as { id: number }[];
    return {
      ok: true,
      planId: inserted[0]!.id,
      counts: {
        tasks: rows.tasks.length,
        assignments: rows.assignments.length,
        newUnits: rows.newUnits.length,
        targets: rows.targets.length,
      },
    };
  } catch (error) {
    if (String(error).includes("UNIQUE constraint failed: plans.source_hash")) return { ok: false, reason: "duplicate" };
    throw error;
  }
}

interface Query {
  sql: string;
  params: unknown[];
}

/** A drizzle statement to run in the same batch (the end of a chat flow). */
export interface Statement {
  toSQL(): Query;
}

const dialect = new SQLiteSyncDialect();

function raw(query: SQL): Query {
  return dialect.sqlToQuery(query);
}

/** D1 keeps a value under 2 MB; a quarter of that per parameter leaves room for any plan. */
const CHUNK_BYTES = 512 * 1024;

function chunked<T>(rows: T[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 2;
  const encoder = new TextEncoder();
  for (const row of rows) {
    const json = JSON.stringify(row);
    const bytes = encoder.encode(json).length + 1;
    if (current.length > 0 && size + bytes > CHUNK_BYTES) {
      chunks.push(`[${current.join(",")}]`);
      current = [];
      size = 2;
    }
    current.push(json);
    size += bytes;
  }
  if (current.length > 0) chunks.push(`[${current.join(",")}]`);
  return chunks;
}

/** Units a plan assigns work to that nobody has joined yet: the admin's next step is /moi. */
export async function assignedUnitsWithoutMembers(db: Db, planId: number): Promise<{ id: number; name: string }[]> {
  return db.all<{ id: number; name: string }>(sql`
    select u.id, u.name from units u
    where u.id in (select a.unit_id from assignments a join tasks t on t.id = a.task_id where t.plan_id = ${planId})
      and not exists (select 1 from members m where m.unit_id = u.id and m.removed_at is null)
    order by u.name_key`);
}
