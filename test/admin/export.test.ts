import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { exportSource } from "../../db/queries/export";
import type { StatementStats } from "../../db/queries/stats";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { addDays, formatDate, vietnamDate } from "../../core/time/vietnam-date";
import { chatMessages, pressButton } from "../support/fake-telegram";
import { makeCommittee } from "../support/fixtures";
import { postUpdate, textUpdate } from "../support/webhook";
import { addReport, addTarget, recordValue } from "./support";

interface DocumentMessage {
  caption?: string;
  document?: { file_id: string; file_name: string; mime_type?: string };
}

async function lastDocument(chatId: number): Promise<{ name: string; caption: string; bytes: Uint8Array }> {
  const messages = (await chatMessages(chatId)) as DocumentMessage[];
  const message = [...messages].reverse().find((m) => m.document);
  if (!message) throw new Error("no document sent");
  const response = await fetch(`${inject("fakeTelegramUrl")}/__fake/files/${encodeURIComponent(message.document!.file_id)}`);
  return {
    name: message.document!.file_name,
    caption: message.caption ?? "",
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

describe("/xuat", () => {
  it("sends a workbook that reads back cell by cell, Vietnamese intact, with summary, all, overdue and unit sheets", async () => {
    const c = await makeCommittee();
    const today = vietnamDate(new Date());
    await addReport(c.tasksA.overdue.assignmentId, c.memberA.memberId, {
      percent: 40,
      note: "Đã chuẩn bị tài liệu, chờ lịch hội nghị",
      at: new Date(Date.now() - 3_600_000).toISOString(),
    });

    await postUpdate(textUpdate(c.admin, "/xuat"));
    const file = await lastDocument(c.admin.id);
    expect(file.name).toBe(`bao-cao-kh-${c.tag}-${today}.xlsx`);
    expect(file.caption).toContain(`KH-${c.tag}, ngày ${formatDate(today)}: 6 nhiệm vụ, 1 quá hạn`);

    const wb = XLSX.read(file.bytes, { type: "array", cellNF: true });
    const unitA = `Đảng ủy xã An Bình ${c.tag}`;
    const unitB = `Đảng ủy xã Phú Lộc ${c.tag}`;
    expect(wb.SheetNames).toEqual(["Tổng hợp", "Tất cả nhiệm vụ", "Quá hạn", unitA, unitB]);

    const all = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets["Tất cả nhiệm vụ"]!, { raw: false, defval: null });
    expect(Object.keys(all[0]!)).toEqual([
      "STT",
      "Số hiệu",
      "Nhiệm vụ",
      "Đơn vị",
      "Vai trò",
      "Trạng thái",
      "Tiến độ (%)",
      "Thời hạn (theo văn bản)",
      "Hạn (ngày)",
      "Báo cáo gần nhất",
      "Người báo cáo",
      "Nội dung báo cáo gần nhất",
      "Ngày xác nhận hoàn thành",
    ]);
    expect(all).toHaveLength(6);
    expect(all[0]).toEqual({
      STT: "1",
      "Số hiệu": "1",
      "Nhiệm vụ": "Tổ chức hội nghị quán triệt nghị quyết",
      "Đơn vị": unitA,
      "Vai trò": "Chủ trì",
      "Trạng thái": "Quá hạn",
      "Tiến độ (%)": "0",
      "Thời hạn (theo văn bản)": "trước ngày hôm qua",
      "Hạn (ngày)": formatDate(addDays(today, -1)),
      "Báo cáo gần nhất": formatDate(today),
      "Người báo cáo": `An ${c.memberA.id}`,
      "Nội dung báo cáo gần nhất": "Đã chuẩn bị tài liệu, chờ lịch hội nghị",
      "Ngày xác nhận hoàn thành": null,
    });
    expect(all[3]).toMatchObject({
      "Nhiệm vụ": "Tuyên truyền trên hệ thống truyền thanh",
      "Trạng thái": "Thường xuyên · chưa báo cáo kỳ này",
      "Hạn (ngày)": null,
    });
    expect(all[4]).toMatchObject({
      "Nhiệm vụ": "Rà soát đội ngũ trí thức của xã",
      "Trạng thái": "Hoàn thành đúng hạn",
      "Tiến độ (%)": "100",
    });
    expect(all[5]).toMatchObject({ "Số hiệu": "6", "Đơn vị": unitB, "Trạng thái": "Chưa đến hạn" });

    // A date is a real date: sortable, shown as dd/mm/yyyy.
    const due = wb.Sheets["Tất cả nhiệm vụ"]!.I2;
    expect(typeof due.v).toBe("number");
    expect(due.z).toBe("dd/mm/yyyy");

    const overdue = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets["Quá hạn"]!, { raw: true, defval: null });
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ "Nhiệm vụ": "Tổ chức hội nghị quán triệt nghị quyết", "Số ngày quá hạn": 1 });

    const summary = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets["Tổng hợp"]!, { header: 1, raw: true });
    expect(summary[0]).toEqual([
      "Đơn vị",
      "Tổng số",
      "Hoàn thành",
      "Đúng hạn",
      "Quá hạn",
      "Sắp đến hạn",
      "Chờ xác nhận",
      "Khác",
      "Tỷ lệ hoàn thành (%)",
    ]);
    expect(summary[1]).toEqual([unitA, 5, 1, 1, 1, 1, 0, 2, 20]);
    expect(summary[2]).toEqual([unitB, 1, 0, 0, 0, 0, 0, 1, 0]);
    expect(summary[3]).toEqual(["Tổng cộng", 6, 1, 1, 1, 1, 0, 3, 16.7]);

    const sheetA = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets[unitA]!, { defval: null });
    expect(sheetA).toHaveLength(5);
    expect(sheetA[0]).not.toHaveProperty("Đơn vị");
  });

  it("sets out the plan's targets on their own sheet: goal, responsible unit, latest and previous values, trend, verdict", async () => {
    const c = await makeCommittee();
    const recruits = await addTarget(c.planId, {
      text: "Tỷ lệ tuyển dụng người có trình độ đại học trở lên",
      value: 70,
      comparator: "gte",
      unitOfMeasure: "%",
      byYear: 2030,
      responsibleUnitId: c.unitA,
    });
    await addTarget(c.planId, {
      text: "Số mô hình trí thức tiêu biểu",
      value: 5,
      comparator: "gte",
      unitOfMeasure: "mô hình",
      byYear: null,
    });
    await recordValue(recruits, "2024", 58, c.admin.memberId, "2025-01-10T00:00:00Z");
    await recordValue(recruits, "2025-H1", 61.5, c.memberA.memberId, "2025-07-10T03:00:00Z");

    await postUpdate(textUpdate(c.admin, "/xuat"));
    const wb = XLSX.read((await lastDocument(c.admin.id)).bytes, { type: "array", cellNF: true });
    expect(wb.SheetNames.slice(0, 3)).toEqual(["Tổng hợp", "Chỉ tiêu", "Tất cả nhiệm vụ"]);
    const sheet = wb.Sheets["Chỉ tiêu"]!;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { raw: false, defval: null });
    expect(rows).toEqual([
      {
        STT: "1",
        "Chỉ tiêu": "Tỷ lệ tuyển dụng người có trình độ đại học trở lên",
        "Chỉ tiêu đề ra": "≥ 70% đến năm 2030",
        "Đơn vị phụ trách": `Đảng ủy xã An Bình ${c.tag}`,
        "Kỳ gần nhất": "6 tháng đầu năm 2025",
        "Giá trị": "61.5",
        "Đơn vị tính": "%",
        "Kỳ trước": "năm 2024",
        "Giá trị kỳ trước": "58",
        "Xu hướng": "Tăng",
        "Đánh giá": "Chưa đạt",
        "Người ghi": `An ${c.memberA.id}`,
        "Ngày ghi": "10/07/2025",
        "Ghi chú": null,
      },
      {
        STT: "2",
        "Chỉ tiêu": "Số mô hình trí thức tiêu biểu",
        "Chỉ tiêu đề ra": "≥ 5 mô hình",
        "Đơn vị phụ trách": "Cơ quan theo dõi",
        "Kỳ gần nhất": null,
        "Giá trị": null,
        "Đơn vị tính": "mô hình",
        "Kỳ trước": null,
        "Giá trị kỳ trước": null,
        "Xu hướng": null,
        "Đánh giá": null,
        "Người ghi": null,
        "Ngày ghi": null,
        "Ghi chú": null,
      },
    ]);
    // Values are numbers, for the office to compute with.
    expect(sheet.F2).toMatchObject({ t: "n", v: 61.5 });
  });

  it("sends the CSV from the button under the workbook: UTF-8 with a BOM for Excel", async () => {
    const c = await makeCommittee();
    await postUpdate(textUpdate(c.admin, "/xuat"));
    await pressButton(c.admin, "Tải bản CSV");
    const file = await lastDocument(c.admin.id);
    expect(file.name).toMatch(/\.csv$/);
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(file.bytes).split("\r\n");
    expect(lines[0]).toBe(
      "STT,Số hiệu,Nhiệm vụ,Đơn vị,Vai trò,Trạng thái,Tiến độ (%),Thời hạn (theo văn bản),Hạn (ngày),Báo cáo gần nhất,Người báo cáo,Nội dung báo cáo gần nhất,Ngày xác nhận hoàn thành",
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^1,1,Tổ chức hội nghị quán triệt nghị quyết,Đảng ủy xã An Bình ${c.tag},Chủ trì,Quá hạn,0,trước ngày hôm qua,\\d{2}/\\d{2}/\\d{4},,,,$`,
      ),
    );
  });

  it("lets the viewer export, and nobody else", async () => {
    const c = await makeCommittee();
    await postUpdate(textUpdate(c.viewer, "/xuat csv"));
    expect((await lastDocument(c.viewer.id)).name).toMatch(/\.csv$/);
    await postUpdate(textUpdate(c.memberA, "/xuat"));
    expect(((await chatMessages(c.memberA.id)) as DocumentMessage[]).some((m) => m.document)).toBe(false);
  });

  it("reads the rows a page at a time, cut at unit boundaries, in print order", async () => {
    const c = await makeCommittee();
    const stats: StatementStats[] = [];
    const source = await exportSource(env.DB, c.planId, stats, 1);
    expect(source.units.map((u) => [u.unitId, u.count])).toEqual([
      [c.unitA, 5],
      [c.unitB, 1],
    ]);
    const pages: number[][] = [];
    for await (const page of source.pages()) pages.push(page.map((r) => r.assignmentId));
    expect(pages).toEqual([Object.values(c.tasksA).map((t) => t.assignmentId), [c.tasksB.onlyB.assignmentId]]);
    const overdue: number[] = [];
    for await (const page of source.pages({ overdueOn: vietnamDate(new Date()) }))
      overdue.push(...page.map((r) => r.assignmentId));
    expect(overdue).toEqual([c.tasksA.overdue.assignmentId]);
    expect(stats.map((s) => s.rowsReturned)).toEqual([2, 5, 1, 1, 0]);
  });
});
