import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import yenDung from "../../../shared/plans/yen-dung-45-NQ-TW.txt?raw";
import { apiCalls, buttons, lastMessage, pressButton, say } from "../support/fake-telegram";
import { callbackUpdate, postUpdate } from "../support/webhook";
import { docxFromText } from "../../scripts/lib/docx-builder";
import { count, sendFile, yenDungCommittee } from "./support";

/** Each test imports its own copy of the reference plan: the committee's tag makes the text, and so the hash, unique. */
const copyOf = (tag: string) => `${yenDung}\n\nBản sao thử nghiệm ${tag}\n`;

const text = async (userId: number) => (await lastMessage(userId)).text ?? "";

describe("importing a plan through the chat", () => {
  it("reviews, edits and confirms the reference plan; the units then see their tasks", async () => {
    const c = await yenDungCommittee();
    const plansBefore = await count("select count(*) n from plans");
    await sendFile(c.admin, "ke-hoach-45.txt", copyOf(c.tag));

    const summary = await text(c.admin.id);
    expect(summary).toContain("Xem lại kế hoạch trước khi lưu");
    expect(summary).toContain(`Ban hành: Huyện ủy Yên Dũng ${c.tag}`);
    expect(summary).toContain("Theo dõi: Ban Tổ chức Huyện ủy");
    expect(summary).toContain("• 11 nhiệm vụ");
    expect(summary).toContain("• 6 đơn vị: 3 đã có, 3 mới");
    expect(summary).toContain("• 2 chỉ tiêu");
    expect(summary).toContain("• 2 nhiệm vụ chưa có thời hạn");
    expect(summary).toMatch(/Đơn vị mới[^\n]*\n(?:.*\n)*\s+– Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện 👥/);
    expect(summary).toContain("Không tìm thấy số hiệu văn bản");
    expect(summary.length).toBeLessThan(2000);
    // Nothing but the draft is written before confirmation.
    expect(await count("select count(*) n from plans")).toBe(plansBefore);
    expect(
      await count("select count(*) n from plan_imports where member_id = ? and status = 'reviewing'", c.admin.memberId),
    ).toBe(1);

    await pressButton(c.admin, "📑 Xem từng nhiệm vụ");
    const first = await text(c.admin.id);
    expect(first).toContain("Nhiệm vụ 1/11 · IV.1");
    expect(first).toContain("Chủ trì: Hội đồng nhân dân huyện 🆕");
    expect(first).toContain("Hạn: «thực hiện theo kế hoạch» → theo kế hoạch của đơn vị");

    // The plan's "Hội đồng nhân dân huyện" is the committee's "Thường trực HĐND huyện".
    await pressButton(c.admin, "🏢 Đổi đơn vị");
    expect(await text(c.admin.id)).toContain("«Hội đồng nhân dân huyện» (1 nhiệm vụ)");
    await pressButton(c.admin, "Thường trực HĐND huyện");
    expect(await text(c.admin.id)).toContain("Chủ trì: Hội đồng nhân dân huyện ✓ → Thường trực HĐND huyện");

    await pressButton(c.admin, "▶");
    const second = await text(c.admin.id);
    expect(second).toContain("Nhiệm vụ 2/11 · IV.2.1");
    expect(second).toContain("Chủ trì: UBND huyện ✓");
    expect(second).toContain("Hạn: «hoàn thành trong năm 2024» → hạn 31/12/2024 (cuối năm)");

    await pressButton(c.admin, "📅 Đổi hạn");
    expect(await text(c.admin.id)).toContain("Đổi hạn nhiệm vụ IV.2.1");
    expect(await say(c.admin, "sớm nhất có thể")).toContain("Chưa hiểu thời hạn «sớm nhất có thể»; chưa đổi gì");
    const changed = await say(c.admin, "30/6/2025");
    expect(changed).toContain("Đã đổi hạn nhiệm vụ IV.2.1: hạn 30/06/2025");
    expect(changed).toContain("(đã sửa; văn bản ghi: «hoàn thành trong năm 2024»)");

    for (let i = 0; i < 7; i++) await pressButton(c.admin, "▶");
    expect(await text(c.admin.id)).toContain("Nhiệm vụ 9/11 · IV.5.2");
    await pressButton(c.admin, "🗑 Bỏ nhiệm vụ");
    expect(await text(c.admin.id)).toContain("Đã bỏ: nhiệm vụ này sẽ không được lưu");
    await pressButton(c.admin, "▶");
    expect(await text(c.admin.id)).toContain("Chủ trì: Các Đảng ủy, chi bộ trực thuộc Huyện ủy 👥 2 đơn vị");

    await pressButton(c.admin, "« Tóm tắt");
    const reviewed = await text(c.admin.id);
    expect(reviewed).toContain("• 10 nhiệm vụ (đã bỏ 1)");
    expect(reviewed).toContain("• 6 đơn vị: 4 đã có, 2 mới");
    const confirmButton = buttons(await lastMessage(c.admin.id)).find((b) => b.text === "✅ Xác nhận lưu")!;

    await pressButton(c.admin, "✅ Xác nhận lưu");
    const saved = await text(c.admin.id);
    expect(saved).toContain("Đã lưu kế hoạch");
    expect(saved).toContain("10 nhiệm vụ, giao 12 lượt cho các đơn vị");
    expect(saved).toContain("2 đơn vị mới được tạo");
    expect(saved).toContain("Giao cho cả nhóm (chưa biết đơn vị thành viên): Mặt trận Tổ quốc");
    expect(saved).toContain("4 đơn vị được giao việc chưa có ai tham gia: gõ /moi");

    const plan = await env.DB.prepare("select id, issuer_unit_id, monitor_unit_id from plans where monitor_unit_id = ?")
      .bind(c.monitor)
      .first<{ id: number; issuer_unit_id: number }>();
    // The header names the standing board; the Ban Tổ chức imports for the committee that designated it.
    expect(plan!.issuer_unit_id).toBe(c.root);
    expect(await count("select count(*) n from tasks where plan_id = ?", plan!.id)).toBe(10);
    expect(await count("select count(*) n from tasks where plan_id = ? and ref = 'IV.5.2'", plan!.id)).toBe(0);
    expect(
      await env.DB.prepare("select deadline_text, deadline_kind, due_on from tasks where plan_id = ? and ref = 'IV.2.1'")
        .bind(plan!.id)
        .first(),
    ).toEqual({
      deadline_text: "30/6/2025",
      deadline_kind: "date",
      due_on: "2025-06-30",
    });
    expect(
      await count(
        "select count(*) n from assignments a join tasks t on t.id = a.task_id where t.plan_id = ? and t.ref = 'IV.1' and a.unit_id = ?",
        plan!.id,
        c.hdnd,
      ),
    ).toBe(1);
    expect(
      await env.DB.prepare("select status, plan_id from plan_imports where member_id = ? order by id desc")
        .bind(c.admin.memberId)
        .first(),
    ).toEqual({ status: "confirmed", plan_id: plan!.id });

    // An official of a commune in the group sees the group's tasks.
    const viec = await say(c.officialA, "/viec");
    expect(viec).toContain("Triển khai thực hiện nhiệm vụ được giao tại Kế hoạch này");
    expect(await say(c.officialUbnd, "/viec")).toContain("Ban hành Kế hoạch đào tạo, bồi dưỡng");

    // The review's buttons are stale now, and nothing is written twice.
    const tasksNow = await count("select count(*) n from tasks");
    const press = callbackUpdate(c.admin, 1, confirmButton.data!);
    await postUpdate(press);
    const answers = await apiCalls("answerCallbackQuery");
    expect(answers.find((a) => a.params.callback_query_id === press.callback_query!.id)?.params.text).toContain(
      "đã kết thúc hoặc đã cũ",
    );
    expect(await count("select count(*) n from tasks")).toBe(tasksNow);

    // The same document again is refused at once.
    await sendFile(c.admin, "ke-hoach-45-gui-lai.txt", copyOf(c.tag));
    expect(await text(c.admin.id)).toContain("đã được nhập");
    expect(
      await count("select count(*) n from plan_imports where member_id = ? and status = 'reviewing'", c.admin.memberId),
    ).toBe(0);
  });

  it("reads the plan from a .docx after /nhapkh, and cancels without writing", async () => {
    const c = await yenDungCommittee();
    expect(await say(c.admin, "/nhapkh")).toContain("Gửi tệp kế hoạch vào đây");
    expect(await say(c.admin, "đây ạ")).toContain("Đang chờ tệp kế hoạch");
    await sendFile(c.admin, "Ke hoach 45.docx", await docxFromText(copyOf(c.tag)));
    const summary = await text(c.admin.id);
    expect(summary).toContain("• 11 nhiệm vụ");
    expect(summary).toContain("• 2 chỉ tiêu");
    expect(await say(c.admin, "lưu đi")).toContain("dùng các nút");

    const plans = await count("select count(*) n from plans");
    await pressButton(c.admin, "✖ Hủy");
    expect(await text(c.admin.id)).toBe("Đã hủy nhập kế hoạch. Không có gì được lưu.");
    expect(await count("select count(*) n from plans")).toBe(plans);
    expect(await env.DB.prepare("select status from plan_imports where member_id = ?").bind(c.admin.memberId).first()).toEqual({
      status: "cancelled",
    });
  });

  it("lets the admin choose the issuer and map a new unit from the summary", async () => {
    const c = await yenDungCommittee();
    await sendFile(c.admin, "kh.md", copyOf(c.tag));
    // Issued by the Ban Tổ chức itself, the plan could assign nothing outside it: the summary says what is refused.
    await pressButton(c.admin, "✍️ Đổi nơi ban hành");
    await pressButton(c.admin, "Ban Tổ chức Huyện ủy");
    const own = await text(c.admin.id);
    expect(own).toContain("Ban hành: Ban Tổ chức Huyện ủy");
    expect(own).toContain("Không thuộc Ban Tổ chức Huyện ủy");
    expect(own).toMatch(/nhiệm vụ sẽ không được lưu/);
    await pressButton(c.admin, "✍️ Đổi nơi ban hành");
    await pressButton(c.admin, `Huyện ủy Yên Dũng ${c.tag}`);
    expect(await text(c.admin.id)).toContain(`Ban hành: Huyện ủy Yên Dũng ${c.tag}`);
    await pressButton(c.admin, "🆕 Đơn vị mới (3)");
    await pressButton(c.admin, "Ban Tuyên giáo Huyện ủy");
    expect(await text(c.admin.id)).toContain("«Ban Tuyên giáo Huyện ủy» (2 nhiệm vụ)");
    await pressButton(c.admin, "⊘ Không giao");
    expect(await text(c.admin.id)).toContain("✓ «Ban Tuyên giáo Huyện ủy» → ⊘ không giao cho đơn vị nào");
    await pressButton(c.admin, "« Tóm tắt");
    expect(await text(c.admin.id)).toContain("• 5 đơn vị: 3 đã có, 2 mới · 1 không giao");
    await pressButton(c.admin, "✅ Xác nhận lưu");
    const plan = await env.DB.prepare("select id, issuer_unit_id from plans where monitor_unit_id = ?")
      .bind(c.monitor)
      .first<{ id: number; issuer_unit_id: number }>();
    expect(plan!.issuer_unit_id).toBe(c.root);
    expect(
      await count(
        "select count(*) n from assignments a join tasks t on t.id = a.task_id where t.plan_id = ? and t.ref like 'IV.5.%'",
        plan!.id,
      ),
    ).toBe(0);
  });
});

describe("who may import", () => {
  it("refuses /nhapkh, a plan file and forged buttons from a non-admin, and writes nothing", async () => {
    const c = await yenDungCommittee();
    expect(await say(c.officialA, "/nhapkh")).toBe("Chỉ người quản trị mới dùng được lệnh này.");
    await sendFile(c.officialA, "ke-hoach.txt", copyOf(c.tag));
    expect(await text(c.officialA.id)).toContain("Chỉ người quản trị mới nhập được kế hoạch");
    const forged = callbackUpdate(c.officialA, 1, "im:AAAAAAAA:ok");
    await postUpdate(forged);
    const answers = await apiCalls("answerCallbackQuery");
    expect(answers.find((a) => a.params.callback_query_id === forged.callback_query!.id)?.params.text).toBe(
      "Chỉ người quản trị mới dùng được lệnh này.",
    );
    expect(await count("select count(*) n from plan_imports where member_id = ?", c.officialA.memberId)).toBe(0);
  });

  it("answers another admin's stale or forged import button without touching the draft", async () => {
    const c = await yenDungCommittee();
    await sendFile(c.admin, "kh.txt", copyOf(c.tag));
    const confirm = buttons(await lastMessage(c.admin.id)).find((b) => b.text === "✅ Xác nhận lưu")!;
    const otherAdmin = await import("../support/fixtures").then((f) => f.makeMember(c.monitor, "admin", "Hùng"));
    const press = callbackUpdate(otherAdmin, 1, confirm.data!);
    await postUpdate(press);
    const answers = await apiCalls("answerCallbackQuery");
    expect(answers.find((a) => a.params.callback_query_id === press.callback_query!.id)?.params.text).toContain("đã cũ");
    expect(await count("select count(*) n from plans where monitor_unit_id = ?", c.monitor)).toBe(0);
  });
});
