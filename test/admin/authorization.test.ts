import { env } from "cloudflare:workers";
import type { Update } from "grammy/types";
import { describe, expect, inject, it } from "vitest";
import { addDays, vietnamDate } from "../../core/time/vietnam-date";
import { buttons, lastMessage } from "../support/fake-telegram";
import { makeCommittee, makeMember, makeUnit, type TestMember } from "../support/fixtures";
import { callbackUpdate, newTelegramId, postUpdate, textUpdate, type TestUser } from "../support/webhook";
import { addExtension, addTarget } from "./support";

/**
 * Every command and button of the monitoring office × who presses it:
 * the admin of the plan, its viewer, a leader and a member of an assigned
 * unit, a member of another unit, the admin and viewer of another
 * committee, a stranger. Allowed: the screen shows the plan's data (or the
 * change is made). Refused: nothing of the plan reaches them, not even a
 * unit name, and nothing changes.
 */

type Committee = Awaited<ReturnType<typeof makeCommittee>>;
/**
 * read: the plan's office; manage: its admins; own-unit / unit-b: who sees unit A's / B's work; acts-for-a: who acts
 * for unit A; people-b: who manages unit B's people — its own admins and those of units above it, none of those here
 * (monitoring the plan gives the office no hold on people).
 */
type Access = "read" | "manage" | "own-unit" | "unit-b" | "acts-for-a" | "people-b";

interface Fixture {
  c: Committee;
  leaderA: TestMember;
  targetId: number;
  requestId: number;
}

interface Action {
  name: string;
  access: Access;
  update: (user: TestUser, f: Fixture) => Update;
  /** For changes: whether the change was made (checked instead of the screen). */
  changed?: (f: Fixture, user: TestUser) => Promise<boolean>;
}

const command = (text: (f: Fixture) => string) => (user: TestUser, f: Fixture) => textUpdate(user, text(f));
const button = (data: (f: Fixture) => string) => (user: TestUser, f: Fixture) => callbackUpdate(user, 1, data(f));
const one = async (sql: string, ...binds: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...binds)
      .first<{ v: unknown }>()
  )?.v;

const actions: Action[] = [
  { name: "/tongquan", access: "read", update: command(() => "/tongquan") },
  { name: "/donvi", access: "read", update: command(() => "/donvi") },
  // Upper case, so that the query echoed in "không tìm thấy" is not mistaken for a leak.
  { name: "/donvi <tên>", access: "read", update: command((f) => `/donvi AN BINH ${f.c.tag.toUpperCase()}`) },
  { name: "/quahan", access: "read", update: command(() => "/quahan") },
  { name: "/nhiemvu", access: "read", update: command(() => "/nhiemvu 1") },
  { name: "/duyet", access: "read", update: command(() => "/duyet") },
  { name: "/xuat", access: "read", update: command(() => "/xuat") },
  { name: "/xuat csv", access: "read", update: command(() => "/xuat csv") },
  // The fixture's target is unit A's to record.
  { name: "/chitieu", access: "own-unit", update: command(() => "/chitieu") },
  { name: "/kehoach", access: "read", update: command(() => "/kehoach") },
  { name: "/canbo", access: "people-b", update: command((f) => `/canbo PHU LOC ${f.c.tag.toUpperCase()}`) },
  { name: "overview button", access: "read", update: button(() => "a:ov") },
  { name: "overdue page", access: "read", update: button(() => "a:od:0") },
  { name: "unit list", access: "read", update: button(() => "a:ul:0") },
  { name: "unit A view", access: "read", update: button((f) => `a:u:${f.c.unitA}:0`) },
  { name: "unit B view", access: "read", update: button((f) => `a:u:${f.c.unitB}:0`) },
  { name: "task view", access: "read", update: button((f) => `a:t:${f.c.tasksB.onlyB.taskId}`) },
  { name: "task history", access: "read", update: button((f) => `a:th:${f.c.tasksB.onlyB.taskId}:0`) },
  { name: "approvals", access: "read", update: button(() => "a:ap:0") },
  { name: "approval item", access: "read", update: button((f) => `a:ai:e:${f.requestId}`) },
  { name: "export xlsx", access: "read", update: button(() => "a:x:xlsx") },
  { name: "export csv", access: "read", update: button(() => "a:x:csv") },
  { name: "targets", access: "own-unit", update: button(() => "a:tg:p0") },
  { name: "target", access: "own-unit", update: button((f) => `a:tg:${f.targetId}`) },
  { name: "target: unit menu", access: "manage", update: button((f) => `a:tu:${f.targetId}:0`) },
  { name: "plans", access: "read", update: button(() => "a:pl") },
  { name: "people: units", access: "manage", update: button(() => "a:pu:0") },
  { name: "people: unit B", access: "people-b", update: button((f) => `a:pm:${f.c.unitB}`) },
  { name: "people: card", access: "people-b", update: button((f) => `a:m:${f.c.memberB.memberId}`) },
  { name: "people: role menu", access: "people-b", update: button((f) => `a:mr:${f.c.memberB.memberId}`) },
  { name: "people: move menu", access: "people-b", update: button((f) => `a:mv:${f.c.memberB.memberId}:0`) },
  { name: "people: remove ask", access: "people-b", update: button((f) => `a:rm:${f.c.memberB.memberId}`) },
  { name: "task card, unit A", access: "own-unit", update: button((f) => `task:${f.c.tasksA.overdue.assignmentId}`) },
  { name: "task card, unit B", access: "unit-b", update: button((f) => `task:${f.c.tasksB.onlyB.assignmentId}`) },
  // Changes last, in an order that lets each succeed for the admin.
  {
    name: "switch plan",
    access: "read",
    update: button((f) => `a:pl:${f.c.planId}`),
    changed: async (f, user) =>
      (await one(
        "select current_plan_id as v from members join member_channels mc on mc.member_id = members.id and mc.channel = 'telegram' where mc.user_id = ?1 and removed_at is null",
        String(user.id),
      )) === f.c.planId,
  },
  {
    name: "Nhắc ngay",
    access: "manage",
    update: button((f) => `a:nn:${f.c.planId}:${f.c.unitA}`),
    changed: async (f) => (await one("select count(*) as v from reminders where member_id = ?1", f.c.memberA.memberId)) !== 0,
  },
  {
    name: "record a target value",
    access: "acts-for-a",
    update: button((f) => `a:tv:${f.targetId}`),
    changed: async (_, user) =>
      (await one("select flow as v from conversations where chat_id = ?1", String(user.id))) === "target-value",
  },
  {
    name: "give the target to unit B",
    access: "manage",
    update: button((f) => `a:ts:${f.targetId}:${f.c.unitB}`),
    changed: async (f) => (await one("select responsible_unit_id as v from targets where id = ?1", f.targetId)) === f.c.unitB,
  },
  {
    name: "change a role",
    access: "people-b",
    update: button((f) => `a:mr:${f.c.memberB.memberId}:leader`),
    changed: async (f) => (await one("select role as v from members where id = ?1", f.c.memberB.memberId)) === "leader",
  },
  {
    name: "move a member",
    access: "people-b",
    update: button((f) => `a:mt:${f.c.memberB.memberId}:${f.c.unitA}`),
    changed: async (f) => (await one("select unit_id as v from members where id = ?1", f.c.memberB.memberId)) === f.c.unitA,
  },
  {
    name: "remove a member",
    access: "people-b",
    update: button((f) => `a:rm:${f.c.memberB.memberId}:y`),
    changed: async (f) => (await one("select removed_at as v from members where id = ?1", f.c.memberB.memberId)) !== null,
  },
];

type Who = "admin" | "viewer" | "leader A" | "member A" | "member B" | "admin elsewhere" | "viewer elsewhere" | "stranger";

const may: Record<Who, Access[]> = {
  admin: ["read", "manage", "own-unit", "unit-b", "acts-for-a"],
  viewer: ["read", "own-unit", "unit-b"],
  "leader A": ["own-unit", "acts-for-a"],
  "member A": ["own-unit", "acts-for-a"],
  "member B": ["unit-b"],
  "admin elsewhere": [],
  "viewer elsewhere": [],
  stranger: [],
};

async function setUp(who: Who): Promise<{ f: Fixture; user: TestUser }> {
  const c = await makeCommittee();
  const today = vietnamDate(new Date());
  const f: Fixture = {
    c,
    leaderA: await makeMember(c.unitA, "leader", "Trưởng"),
    targetId: await addTarget(c.planId, {
      text: `Chỉ tiêu của ${c.tag}`,
      value: 70,
      comparator: "gte",
      unitOfMeasure: "%",
      byYear: 2030,
      responsibleUnitId: c.unitA,
    }),
    requestId: await addExtension(c.tasksB.onlyB.assignmentId, c.memberB.memberId, {
      from: addDays(today, 60),
      to: addDays(today, 90),
      reason: "Chờ kinh phí",
    }),
  };
  const elsewhere = who.endsWith("elsewhere") ? await makeCommittee() : null;
  const user: TestUser = {
    admin: c.admin,
    viewer: c.viewer,
    "leader A": f.leaderA,
    "member A": c.memberA,
    "member B": c.memberB,
    "admin elsewhere": elsewhere?.admin,
    "viewer elsewhere": elsewhere?.viewer,
    stranger: { id: newTelegramId(), firstName: "Lạ" },
  }[who]!;
  return { f, user };
}

interface Seen {
  texts: string[];
  documents: number;
}

async function callsSince(seq: number, user: TestUser, callbackId: string | null): Promise<{ seen: Seen; seq: number }> {
  const response = await fetch(`${inject("fakeTelegramUrl")}/__fake/calls?since=${seq}`);
  const body = (await response.json()) as {
    calls: { method: string; chat_id?: number | string; params: Record<string, unknown> }[];
    seq: number;
  };
  const mine = body.calls.filter(
    (call) => String(call.chat_id) === String(user.id) || (callbackId !== null && call.params.callback_query_id === callbackId),
  );
  const labels = (markup: unknown) =>
    ((markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text);
  return {
    seq: body.seq,
    seen: {
      texts: mine.flatMap((call) =>
        [call.params.text, call.params.caption, ...labels(call.params.reply_markup)].filter(
          (x): x is string => typeof x === "string",
        ),
      ),
      documents: mine.filter((call) => call.method === "sendDocument").length,
    },
  };
}

async function currentSeq(): Promise<number> {
  const response = await fetch(`${inject("fakeTelegramUrl")}/__fake/calls?since=999999999`);
  return ((await response.json()) as { seq: number }).seq;
}

const whos: Who[] = ["admin", "viewer", "leader A", "member A", "member B", "admin elsewhere", "viewer elsewhere", "stranger"];

describe("who may do what in the monitoring office's screens", () => {
  it.each(whos)("%s", async (who) => {
    const { f, user } = await setUp(who);
    const outcome: Record<string, boolean> = {};
    const expected: Record<string, boolean> = {};
    for (const action of actions) {
      const update = action.update(user, f);
      const callbackId = update.callback_query ? `cb-${who}-${action.name}` : null;
      if (update.callback_query) update.callback_query.id = callbackId!;
      const seq = await currentSeq();
      expect((await postUpdate(update)).status).toBe(200);
      const { seen } = await callsSince(seq, user, callbackId);
      // The plan's data: its number, its units' names (both carry the tag), its people's names;
      // a document counts by its caption, which names the plan (another committee's admin exports their own).
      const marks = [f.c.tag, `An ${f.c.memberA.id}`, `Bình ${f.c.memberB.id}`];
      const showsPlan = seen.texts.some((text) => marks.some((mark) => text.includes(mark)));
      const allowed = may[who].includes(action.access);
      expected[action.name] = allowed;
      outcome[action.name] = action.changed ? await action.changed(f, user) : showsPlan;
      if (!allowed) {
        // Refused: not a document, not a name, not a count of this committee.
        expect({ action: action.name, leaked: showsPlan }).toEqual({ action: action.name, leaked: false });
        if (who === "stranger") expect(seen.texts.every((text) => text.includes("chưa tham gia"))).toBe(true);
      }
    }
    expect(outcome).toEqual(expected);
  });
});

/**
 * People management across units (/moi, /canbo): an admin manages their own
 * unit and its sub-units, nothing else: the plan's monitoring office does not
 * manage the units its plans assign; no one acts on an admin of another unit. Each case on
 * a fresh committee; the change is checked in the database.
 */
describe("who may manage whose people", () => {
  interface People {
    c: Committee;
    adminA: TestMember;
    adminB: TestMember;
    adminRoot: TestMember;
    subA: number;
    memberSubA: TestMember;
  }
  const roleOf = async (id: number) => one("select role as v from members where id = ?1", id);
  const unitOf = async (id: number) => one("select unit_id as v from members where id = ?1", id);
  const removed = async (id: number) => (await one("select removed_at as v from members where id = ?1", id)) !== null;
  const invited = async (unitId: number, by: number, role: string) =>
    ((await one(
      "select count(*) as v from invites where unit_id = ?1 and created_by = ?2 and role = ?3",
      unitId,
      by,
      role,
    )) as number) > 0;

  const cases: [string, (p: People) => TestMember, (p: People) => string, (p: People) => Promise<boolean>, boolean][] = [
    [
      "UBND's admin invites an admin into the Ban Tổ chức",
      (p) => p.adminA,
      (p) => `inv:x:${p.c.monitor}:admin:1`,
      (p) => invited(p.c.monitor, p.adminA.memberId, "admin"),
      false,
    ],
    [
      "UBND's admin invites into a sibling unit",
      (p) => p.adminA,
      (p) => `inv:x:${p.c.unitB}:member:n`,
      (p) => invited(p.c.unitB, p.adminA.memberId, "member"),
      false,
    ],
    [
      "UBND's admin invites into the committee",
      (p) => p.adminA,
      (p) => `inv:x:${p.c.root}:viewer:1`,
      (p) => invited(p.c.root, p.adminA.memberId, "viewer"),
      false,
    ],
    [
      "UBND's admin demotes the Ban Tổ chức's admin",
      (p) => p.adminA,
      (p) => `a:mr:${p.c.admin.memberId}:member`,
      async (p) => (await roleOf(p.c.admin.memberId)) === "member",
      false,
    ],
    [
      "UBND's admin removes the Ban Tổ chức's admin",
      (p) => p.adminA,
      (p) => `a:rm:${p.c.admin.memberId}:y`,
      (p) => removed(p.c.admin.memberId),
      false,
    ],
    [
      "UBND's admin moves the Ban Tổ chức's admin",
      (p) => p.adminA,
      (p) => `a:mt:${p.c.admin.memberId}:${p.c.unitA}`,
      async (p) => (await unitOf(p.c.admin.memberId)) === p.c.unitA,
      false,
    ],
    [
      "UBND's admin promotes a sibling unit's member",
      (p) => p.adminA,
      (p) => `a:mr:${p.c.memberB.memberId}:leader`,
      async (p) => (await roleOf(p.c.memberB.memberId)) === "leader",
      false,
    ],
    [
      "UBND's admin demotes a sibling unit's admin",
      (p) => p.adminA,
      (p) => `a:mr:${p.adminB.memberId}:member`,
      async (p) => (await roleOf(p.adminB.memberId)) === "member",
      false,
    ],
    [
      "UBND's admin moves its member into the Ban Tổ chức",
      (p) => p.adminA,
      (p) => `a:mt:${p.c.memberA.memberId}:${p.c.monitor}`,
      async (p) => (await unitOf(p.c.memberA.memberId)) === p.c.monitor,
      false,
    ],
    [
      "UBND's admin invites a leader into its sub-unit",
      (p) => p.adminA,
      (p) => `inv:x:${p.subA}:leader:1`,
      (p) => invited(p.subA, p.adminA.memberId, "leader"),
      true,
    ],
    [
      "UBND's admin promotes its own member",
      (p) => p.adminA,
      (p) => `a:mr:${p.c.memberA.memberId}:leader`,
      async (p) => (await roleOf(p.c.memberA.memberId)) === "leader",
      true,
    ],
    [
      "UBND's admin moves its member to its sub-unit",
      (p) => p.adminA,
      (p) => `a:mt:${p.c.memberA.memberId}:${p.subA}`,
      async (p) => (await unitOf(p.c.memberA.memberId)) === p.subA,
      true,
    ],
    [
      "UBND's admin removes a member of its sub-unit",
      (p) => p.adminA,
      (p) => `a:rm:${p.memberSubA.memberId}:y`,
      (p) => removed(p.memberSubA.memberId),
      true,
    ],
    [
      "the office demotes UBND's admin (another unit's admin)",
      (p) => p.c.admin,
      (p) => `a:mr:${p.adminA.memberId}:member`,
      async (p) => (await roleOf(p.adminA.memberId)) === "member",
      false,
    ],
    [
      "the office removes UBND's admin",
      (p) => p.c.admin,
      (p) => `a:rm:${p.adminA.memberId}:y`,
      (p) => removed(p.adminA.memberId),
      false,
    ],
    [
      "the office invites into the committee above it",
      (p) => p.c.admin,
      (p) => `inv:x:${p.c.root}:viewer:1`,
      (p) => invited(p.c.root, p.c.admin.memberId, "viewer"),
      false,
    ],
    [
      "the office promotes a member of a unit its plan assigns",
      (p) => p.c.admin,
      (p) => `a:mr:${p.c.memberA.memberId}:leader`,
      async (p) => (await roleOf(p.c.memberA.memberId)) === "leader",
      false,
    ],
    [
      "the office invites an admin into a unit its plan assigns",
      (p) => p.c.admin,
      (p) => `inv:x:${p.c.unitB}:admin:1`,
      (p) => invited(p.c.unitB, p.c.admin.memberId, "admin"),
      false,
    ],
    [
      "the committee's admin promotes a member of a unit under it",
      (p) => p.adminRoot,
      (p) => `a:mr:${p.c.memberA.memberId}:leader`,
      async (p) => (await roleOf(p.c.memberA.memberId)) === "leader",
      true,
    ],
    [
      "the committee's admin invites into a unit under it",
      (p) => p.adminRoot,
      (p) => `inv:x:${p.c.unitB}:member:1`,
      (p) => invited(p.c.unitB, p.adminRoot.memberId, "member"),
      true,
    ],
  ];

  it.each(cases)("%s", async (_what, actor, data, changed, allowed) => {
    const c = await makeCommittee();
    const subA = await makeUnit(`Phòng thuộc An Bình ${c.tag}`, c.unitA);
    const p: People = {
      c,
      adminA: await makeMember(c.unitA, "admin", "Quản trị A"),
      adminB: await makeMember(c.unitB, "admin", "Quản trị B"),
      adminRoot: await makeMember(c.root, "admin", "Quản trị Huyện ủy"),
      subA,
      memberSubA: await makeMember(subA, "member", "Phòng"),
    };
    // A real message to edit: the invite's link replaces the /moi menu.
    await postUpdate(textUpdate(actor(p), "/moi"));
    const menu = await lastMessage(actor(p).id);
    expect((await postUpdate(callbackUpdate(actor(p), menu.message_id, data(p)))).status).toBe(200);
    expect(await changed(p)).toBe(allowed);
  });

  it("/canbo and /moi offer an ordinary unit's admin their unit and its sub-units only", async () => {
    const c = await makeCommittee();
    const subA = await makeUnit(`Phòng thuộc An Bình ${c.tag}`, c.unitA);
    const adminA = await makeMember(c.unitA, "admin", "Quản trị A");
    for (const command of ["/canbo", "/moi"]) {
      await postUpdate(textUpdate(adminA, command));
      const labels = buttons(await lastMessage(adminA.id)).map((b) => b.text);
      expect(labels).toEqual(expect.arrayContaining([`Đảng ủy xã An Bình ${c.tag}`, `Phòng thuộc An Bình ${c.tag}`]));
      expect(
        labels.some(
          (l) =>
            l.includes(`Ban Tổ chức ${c.tag}`) || l.includes(`Phú Lộc ${c.tag}`) || l.includes(`Huyện ủy Thử nghiệm ${c.tag}`),
        ),
      ).toBe(false);
    }
    expect(subA).toBeGreaterThan(0);
  });
});
