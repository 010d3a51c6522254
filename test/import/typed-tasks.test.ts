import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { drivers } from "../support/chat-driver";
import { lastMessage, pressButton, say } from "../support/fake-telegram";
import { count, sendFile, yenDungCommittee } from "./support";

const tasksOf = async (planId: number) =>
  (
    await env.DB.prepare("select title, deadline_text from tasks where plan_id = ? order by sort_order")
      .bind(planId)
      .all<{ title: string; deadline_text: string | null }>()
  ).results;

describe.each(drivers)("tasks typed in the chat on $channel", (chat) => {
  it("/nhapkh without a file: the list is typed, then titles are fixed, a task split, one added, and the plan saved", async () => {
    const c = await yenDungCommittee();
    await chat.link(c.admin);
    // The plan the office already follows: a typed plan must not silently take its place.
    await env.DB.prepare("insert into plans (issuer_unit_id, monitor_unit_id, title) values (?1, ?1, ?2)")
      .bind(c.monitor, `Kế hoạch đang theo dõi ${c.tag}`)
      .run();
    const plansBefore = await count("select count(*) n from plans");
    const start = await chat.say(c.admin, "/nhapkh");
    expect(start).toContain("Gõ danh sách nhiệm vụ");
    if (chat.channel === "zalo") {
      // Zalo hands no file to a bot: the way in is typing, or the web import by a one-time link.
      expect(start).toContain("Zalo chưa cho bot nhận tệp");
      expect(start).toMatch(/\/web\/dang-nhap\?t=\S+/);
      expect(start).not.toContain("Gửi tệp kế hoạch vào đây");
    }
    await chat.press(c.admin, "📝 Gõ danh sách nhiệm vụ");
    expect(await chat.last(c.admin)).toContain("Tên nhiệm vụ | đơn vị chủ trì | đơn vị phối hợp | thời hạn");

    const summary = await chat.say(
      c.admin,
      [
        `1. Rà soát quy chế làm việc ${c.tag} | UBND huyện | Ban Tổ chức Huyện ủy | quý II/2026`,
        "2. Tập huấn | Hội Cựu chiến binh huyện",
        "3. Báo cáo sơ kết việc thực hiện nghị quyết | UBND huyện | | trước ngày 05 của tháng liền kề",
      ].join("\n"),
    );
    expect(summary).toContain("tên kế hoạch");
    const named = await chat.say(c.admin, `Kế hoạch rà soát quy chế ${c.tag}`);
    expect(named).toContain("Đã thêm 3 nhiệm vụ");
    expect(named).toContain(`Kế hoạch rà soát quy chế ${c.tag}`);
    const summaryText = named;
    expect(summaryText).toContain("Đã thêm 3 nhiệm vụ");
    expect(summaryText).toContain("• 3 nhiệm vụ");
    expect(summaryText).toContain("1 mới");
    // "Tập huấn": a very short title, led by a unit the committee does not have.
    expect(summaryText).toContain("• ⚠️ 1 nhiệm vụ cần xem lại");

    await chat.press(c.admin, "📑 Xem từng nhiệm vụ");
    const first = await chat.last(c.admin);
    expect(first).toContain("Nhiệm vụ 1/3 · BS1");
    expect(first).toContain("Chủ trì: UBND huyện ✓");
    expect(first).toContain("Phối hợp: Ban Tổ chức Huyện ủy ✓");
    expect(first).toContain("hạn 30/06/2026 (cuối quý)");

    await chat.press(c.admin, /^(Trang sau )?▶$/);
    const second = await chat.last(c.admin);
    expect(second).toContain("Cần xem lại");
    expect(second).toContain("tên rất ngắn");
    expect(second).toContain("chưa khớp đơn vị nào");
    await chat.press(c.admin, "✏️ Sửa tên");
    const renamed = await chat.say(c.admin, "Tập huấn nghiệp vụ cho cán bộ hội cơ sở");
    expect(renamed).toContain("Đã sửa tên nhiệm vụ BS2");
    expect(renamed).toContain("Tập huấn nghiệp vụ cho cán bộ hội cơ sở");
    expect(renamed).not.toContain("tên rất ngắn");

    await chat.press(c.admin, /^(Trang sau )?▶$/);
    expect(await chat.last(c.admin)).toContain("trước ngày 5 hằng tháng");
    await chat.press(c.admin, "✂️ Tách");
    const split = await chat.say(c.admin, "- Báo cáo sơ kết 6 tháng đầu năm\n- Báo cáo tổng kết cả năm");
    expect(split).toContain("Đã tách nhiệm vụ BS3 thành 2 nhiệm vụ");
    expect(split).toContain("Nhiệm vụ 3/4 · BS3.a");
    expect(split).toContain("Chủ trì: UBND huyện ✓");

    await chat.press(c.admin, "« Tóm tắt");
    await chat.press(c.admin, "➕ Thêm nhiệm vụ");
    const added = await chat.say(c.admin, "Kiểm tra việc thực hiện ở cơ sở | Ban Tổ chức Huyện ủy | | 31/12/2026");
    expect(added).toContain("Đã thêm 1 nhiệm vụ");
    expect(added).toContain("• 5 nhiệm vụ");
    expect(await count("select count(*) n from plans")).toBe(plansBefore);

    await chat.press(c.admin, "✅ Xác nhận lưu");
    const saved = await chat.last(c.admin);
    expect(saved).toContain("Đã lưu kế hoạch");
    expect(saved).toContain(`vẫn dùng kế hoạch đang chọn: Kế hoạch đang theo dõi ${c.tag}`);
    expect(await chat.say(c.admin, "/tongquan")).toContain(`Kế hoạch đang theo dõi ${c.tag}`);
    const row = await env.DB.prepare("select plan_id from plan_imports where member_id = ? and status = 'confirmed'")
      .bind(c.admin.memberId)
      .first<{ plan_id: number }>();
    expect(await env.DB.prepare("select title from plans where id = ?").bind(row!.plan_id).first("title")).toBe(
      `Kế hoạch rà soát quy chế ${c.tag}`,
    );
    expect(await tasksOf(row!.plan_id)).toEqual([
      { title: `Rà soát quy chế làm việc ${c.tag}`, deadline_text: "quý II/2026" },
      { title: "Tập huấn nghiệp vụ cho cán bộ hội cơ sở", deadline_text: null },
      { title: "Báo cáo sơ kết 6 tháng đầu năm", deadline_text: "trước ngày 05 của tháng liền kề" },
      { title: "Báo cáo tổng kết cả năm", deadline_text: "trước ngày 05 của tháng liền kề" },
      { title: "Kiểm tra việc thực hiện ở cơ sở", deadline_text: "31/12/2026" },
    ]);
  });
});

describe("a plan file with no recognisable task", () => {
  it("keeps the draft; the admin pastes the numbered list, reviews and saves", async () => {
    const c = await yenDungCommittee();
    await sendFile(
      c.admin,
      "cong-van.txt",
      `UBND HUYỆN YÊN DŨNG\n\nVề việc triển khai chuyển đổi số ${c.tag}\n\nĐề nghị các cơ quan quan tâm thực hiện.`,
    );
    expect((await lastMessage(c.admin.id)).text).toContain("chưa nhận ra nhiệm vụ nào");
    const summary = await say(c.admin, "1. Xây dựng kho dữ liệu dùng chung\n2. Đào tạo kỹ năng số cho cán bộ xã\n");
    expect(summary).toContain("Đã thêm 2 nhiệm vụ");
    // Neither has a lead unit: both flagged, none saved before confirmation.
    expect(summary).toContain("• 2 nhiệm vụ chưa có đơn vị chủ trì");
    expect(summary).toContain("• ⚠️ 2 nhiệm vụ cần xem lại");
    await pressButton(c.admin, "✅ Xác nhận lưu");
    expect((await lastMessage(c.admin.id)).text).toContain("Đã lưu kế hoạch");
    expect(
      await count("select count(*) n from plan_imports where member_id = ? and status = 'confirmed'", c.admin.memberId),
    ).toBe(1);
  });

  it("refuses to save a plan that still has no task", async () => {
    const c = await yenDungCommittee();
    await postNhapkh(c.admin);
    await pressButton(c.admin, "📝 Gõ danh sách nhiệm vụ");
    expect(await say(c.admin, "   \n  \n")).toContain("Chưa thấy nhiệm vụ nào");
    expect(
      await count(
        "select count(*) n from plans p join plan_imports i on i.plan_id = p.id where i.member_id = ?",
        c.admin.memberId,
      ),
    ).toBe(0);
  });
});

async function postNhapkh(user: Parameters<typeof say>[0]) {
  await say(user, "/nhapkh");
}
