/**
 * Linking a plan as it is imported (web review and chat /nhapkh): the plans
 * it may carry out, the one its header names, the link written in the same
 * batch as the plan; and the draft a unit starts from the tasks a parent plan
 * gave it. The link's own rules are in plan-chain.ts.
 */
import { type Actor, canImportFor } from "../../core/access/policy";
import { assignmentsToLink, handedDownPlan, matchParent, type ParentCandidate } from "../../core/plan-chain";
import type { PlanRows } from "../../core/plan-import/plan-rows";
import { sourceHash } from "../../core/plan-import/source-hash";
import type { Db } from "../client";
import { linkCheck, linkStatements, type LinkRefusal, type LinkStatement } from "./plan-chain";
import { importScope, type StoredExtraction } from "./plan-import";

/**
 * The live plans that give work to `issuerUnitId` or a unit above it, each
 * with those assignments, nearest issuer first, newest first. One statement.
 */
export async function parentCandidates(db: Db, issuerUnitId: number): Promise<ParentCandidate[]> {
  const { results } = await db.$client
    .prepare(
      `with recursive up(id, parent_id, depth) as (
         select id, parent_id, 0 from units where id = ?1
         union all
         select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 64
       ), given as (
         select t.plan_id, json_group_array(json_array(a.id, up.depth, t.title, t.deadline_text)) as assignments
         from up join assignments a on a.unit_id = up.id join tasks t on t.id = a.task_id
         group by t.plan_id
       )
       select p.id as planId, p.number, p.title, p.issued_on as issuedOn, iu.name as issuerName,
              coalesce((select depth from up where up.id = p.issuer_unit_id), -1) as issuerDepth, g.assignments,
              exists(select 1 from plans c where c.parent_plan_id = p.id and c.issuer_unit_id = ?1 and c.archived = 0) as implemented
       from given g join plans p on p.id = g.plan_id join units iu on iu.id = p.issuer_unit_id
       where p.archived = 0
       order by issuerDepth, p.id desc`,
    )
    .bind(issuerUnitId)
    .all<Omit<ParentCandidate, "assignments" | "implemented"> & { assignments: string; implemented: number }>();
  return results.map((r) => ({
    ...r,
    implemented: r.implemented === 1,
    assignments: (JSON.parse(r.assignments) as [number, number, string, string | null][]).map(
      ([id, unitDepth, title, deadlineText]) => ({ id, unitDepth, title, deadlineText }),
    ),
  }));
}

export interface ImportParent {
  candidates: ParentCandidate[];
  /** What the document's header names, or the plan a handed-down draft came from. */
  proposed: ParentCandidate | null;
}

/** The parent proposed for a draft: the one it was handed down from, else the one its header names. */
export async function importParent(
  db: Db,
  draft: { id: number; issuerUnitId: number; implementsText: string | null },
): Promise<ImportParent> {
  const [candidates, hints] = await Promise.all([parentCandidates(db, draft.issuerUnitId), draftHints(db, draft.id)]);
  const proposed =
    (hints.parentPlanId !== null ? candidates.find((c) => c.planId === hints.parentPlanId) : undefined) ??
    matchParent(candidates, draft.implementsText, hints.numbers);
  return { candidates, proposed };
}

/**
 * The link of a plan about to be saved (`rows`, inserted by the same batch) to
 * `parent`, as statements for writeImportedPlan's `extra`; refused as
 * linkCheck refuses. The planning task it answers is reported done in the
 * same batch.
 */
export async function importLinkStatements(
  db: Db,
  rows: PlanRows,
  parent: ParentCandidate,
  memberId: number | null,
  now = new Date().toISOString(),
): Promise<{ ok: true; statements: LinkStatement[]; reported: number } | { ok: false; reason: LinkRefusal }> {
  const checked = await linkCheck(db, {
    parentPlanId: parent.planId,
    assignmentIds: assignmentsToLink(parent),
    child: {
      issuerUnitId: rows.plan.issuerUnitId,
      number: rows.plan.number,
      issuedOn: rows.plan.issuedOn,
      title: rows.plan.title,
    },
  });
  if (!checked.ok) return checked;
  return {
    ok: true,
    statements: linkStatements(checked.link, { sourceHash: rows.plan.sourceHash }, memberId, now),
    reported: checked.link.planningAssignmentIds.length,
  };
}

/** A parent plan's tasks for one of the units an admin imports for: each can start that unit's own plan. */
export interface HandDownOffer {
  parent: ParentCandidate;
  unitId: number;
  unitName: string;
  /** Tasks the parent gives the unit itself (not a unit above it). */
  tasks: number;
}

/**
 * What "Bắt đầu từ nhiệm vụ được giao" offers an admin (web and chat): for
 * each unit they may import for (core/access canImportFor), the live plans
 * issued above it that give that unit tasks of its own (not its own plans,
 * nor those giving only a unit above it). Nothing for anyone else. A plan the
 * unit already carries out is listed only with `includeImplemented` (a press on
 * an old screen is then told the plan exists).
 */
export async function handDownOffers(db: Db, actor: Actor, { includeImplemented = false } = {}): Promise<HandDownOffer[]> {
  const { issuers } = await importScope(db, actor.unitId);
  const offers = await Promise.all(
    issuers
      .filter((issuer) => canImportFor(actor, issuer))
      .map(async (issuer) =>
        (await parentCandidates(db, issuer.unitId))
          .map((parent) => ({
            parent,
            unitId: issuer.unitId,
            unitName: issuer.name,
            tasks: parent.assignments.filter((a) => a.unitDepth === 0).length,
          }))
          // A plan above the unit already carries out (imported from a file, or handed down before) is not offered again.
          .filter(
            (offer) => offer.tasks > 0 && offer.parent.issuerDepth > 0 && (includeImplemented || !offer.parent.implemented),
          ),
      ),
  );
  return offers.flat();
}

/**
 * A review draft of the unit's own plan made from the tasks `parent` gave it
 * (core/plan-chain handedDownPlan), remembering the parent; any earlier draft
 * of the admin is abandoned, as a file's is. Null when the parent gives the
 * unit nothing; "duplicate" when the unit already saved a plan made so.
 */
export async function startHandedDownDraft(
  db: Db,
  p: { memberId: number; unitId: number; unitName: string; parent: ParentCandidate },
): Promise<
  | { ok: true; draftId: number; plan: StoredExtraction; sourceHash: string }
  | { ok: false; reason: "nothing" | "duplicate"; planId?: number }
> {
  const d1 = db.$client;
  const own = p.parent.assignments.filter((a) => a.unitDepth === 0);
  if (own.length === 0) return { ok: false, reason: "nothing" };
  const tasks = await d1
    .prepare(
      `select t.ref, t.title, t.deadline_text as deadlineText from assignments a join tasks t on t.id = a.task_id
       where a.id in (select value from json_each(?1)) order by t.sort_order, t.id`,
    )
    .bind(JSON.stringify(own.map((a) => a.id)))
    .all<{ ref: string; title: string; deadlineText: string | null }>();
  // One plan a unit per parent: a second made this way is the same document, and one imported from a file already carries it out.
  const hash = await sourceHash(`handed-down:${p.parent.planId}:${p.unitId}`);
  const existing = await d1
    .prepare(
      `select id from plans where source_hash = ?1
       or (issuer_unit_id = ?2 and parent_plan_id = ?3 and archived = 0) order by id limit 1`,
    )
    .bind(hash, p.unitId, p.parent.planId)
    .first<{ id: number }>();
  if (existing) return { ok: false, reason: "duplicate", planId: existing.id };
  const { content: _none, ...plan } = handedDownPlan(p.parent, p.unitName, tasks.results);
  const [, inserted] = await d1.batch([
    d1.prepare("update plan_imports set status = 'cancelled' where member_id = ?1 and status = 'reviewing'").bind(p.memberId),
    d1
      .prepare("insert into plan_imports (member_id, source_hash, file_name, extraction) values (?1, ?2, null, ?3) returning id")
      .bind(p.memberId, hash, JSON.stringify({ plan, parentPlanId: p.parent.planId })),
  ]);
  return { ok: true, draftId: (inserted!.results[0] as { id: number }).id, plan, sourceHash: hash };
}

/** What a draft keeps beside its extraction for linking: the plan it was handed down from, the numbers its preamble names. */
async function draftHints(db: Db, draftId: number): Promise<{ parentPlanId: number | null; numbers: string[] }> {
  const row = await db.$client
    .prepare(
      "select extraction ->> '$.parentPlanId' as parentPlanId, extraction ->> '$.implementsNumbers' as numbers from plan_imports where id = ?1",
    )
    .bind(draftId)
    .first<{ parentPlanId: number | null; numbers: string | null }>();
  return { parentPlanId: row?.parentPlanId ?? null, numbers: row?.numbers ? (JSON.parse(row.numbers) as string[]) : [] };
}

/**
 * The link a chat import writes with its plan (no picker there): to the
 * parent proposed (importParent), when linkCheck allows it; nothing otherwise.
 */
export async function proposedLink(
  db: Db,
  draftId: number,
  rows: PlanRows,
  memberId: number | null,
): Promise<{ parent: ParentCandidate | null; statements: LinkStatement[]; reported: number }> {
  const { proposed } = await importParent(db, {
    id: draftId,
    issuerUnitId: rows.plan.issuerUnitId,
    implementsText: rows.plan.implementsText,
  });
  const link = proposed ? await importLinkStatements(db, rows, proposed, memberId) : null;
  return link?.ok
    ? { parent: proposed, statements: link.statements, reported: link.reported }
    : { parent: null, statements: [], reported: 0 };
}
