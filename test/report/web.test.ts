import { describe, expect, it } from "vitest";
import { vietnamDate } from "../../core/time/vietnam-date";
import { makeCommittee } from "../support/fixtures";
import { signIn, webFetch } from "../web/support";
import { readBack, tableHeaded } from "./read-docx";

const decode = (html: string) =>
  html
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');

describe("/web/bao-cao", () => {
  it("a form with the period, a preview with the same content as the .docx, and its download", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.admin.memberId);
    const today = vietnamDate(new Date());
    const formPage = await (await webFetch("/web/bao-cao", { cookie: session.cookie })).text();
    expect(formPage).toContain(`<option value="${today.slice(0, 7)}" selected="">tháng ${Number(today.slice(5, 7))} năm`);
    expect(formPage).toContain('name="tu" type="date"');

    const query = `ky=${today.slice(0, 4)}`;
    const preview = await webFetch(`/web/bao-cao/xem?${query}`, { cookie: session.cookie });
    expect(preview.status).toBe(200);
    const html = decode(await preview.text());
    expect(html).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(html).toContain(`Kết quả thực hiện Kế hoạch số KH-${c.tag}`);
    expect(html).toContain("III. TỒN TẠI, HẠN CHẾ");
    const href = /href="(\/web\/bao-cao\/tai\?[^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();

    const download = await webFetch(href!, { cookie: session.cookie });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toContain("wordprocessingml");
    expect(download.headers.get("content-disposition")).toContain(`-${today.slice(0, 4)}.docx`);
    const doc = await readBack(new Uint8Array(await download.arrayBuffer()));
    // Every row of the docx's table by unit is in the preview, cell for cell.
    const units = tableHeaded(doc.tables, "TT", "Cơ quan, đơn vị");
    for (const row of units.slice(1)) expect(html).toContain(row.map((cell) => `<td>${cell}</td>`).join(""));
    expect(doc.text).toContain(`(năm ${today.slice(0, 4)})`);
  });

  it("a range of two dates is a period; a bad or future one shows the form again with why", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.viewer.memberId);
    const range = await webFetch("/web/bao-cao/xem?ky=2025&tu=2025-01-01&den=2025-06-30", { cookie: session.cookie });
    expect(range.status).toBe(200);
    expect(await range.text()).toContain("(từ ngày 01/01/2025 đến ngày 30/06/2025)");
    const backwards = await webFetch("/web/bao-cao/xem?tu=2025-06-30&den=2025-01-01", { cookie: session.cookie });
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain("Kỳ báo cáo không hợp lệ");
    const next = Number(vietnamDate(new Date()).slice(0, 4)) + 1;
    const future = await webFetch(`/web/bao-cao/tai?ky=${next}`, { cookie: session.cookie });
    expect(future.status).toBe(400);
    expect(await future.text()).toContain("chưa bắt đầu");
  });

  it("members and leaders are refused", async () => {
    const c = await makeCommittee();
    const session = await signIn(c.memberA.memberId);
    expect((await webFetch("/web/bao-cao", { cookie: session.cookie })).status).toBe(403);
    expect((await webFetch("/web/bao-cao/tai?ky=2025", { cookie: session.cookie })).status).toBe(403);
  });
});
