import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atBothScreens, demo, openDesktop, signInAs } from "./support";

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openDesktop());
});
afterAll(async () => {
  await browser?.close();
});

describe("approvals, history and editing on the office's side", () => {
  it("an approval shows the task (linked), the report's note and its files before it is confirmed (item 4)", async () => {
    await signInAs(browser, page, demo.ubndMember);
    await page.locator("#unit-tasks .actions a", { hasText: "Đã hoàn thành" }).first().click();
    await page.fill("#note", "Đã ban hành kế hoạch, gửi kèm văn bản");
    await page.setInputFiles("#files", {
      name: "Kế hoạch đã ban hành.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4 ke hoach da ban hanh"),
    });
    await page.click("button[type=submit]");
    expect(await page.textContent("main")).toContain("Đã gửi báo cáo hoàn thành");

    await signInAs(browser, page, demo.admin);
    await page.click("nav >> text=Chờ duyệt");
    const item = page.locator("section.card", { hasText: "Đã ban hành kế hoạch, gửi kèm văn bản" });
    expect(await item.count()).toBe(1);
    expect(await item.locator(".report-note").textContent()).toBe("«Đã ban hành kế hoạch, gửi kèm văn bản»");
    const file = item.locator(".evidence a", { hasText: "Kế hoạch đã ban hành.pdf" });
    const download = await page.request.get(new URL((await file.getAttribute("href"))!, page.url()).toString());
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe("%PDF-1.4 ke hoach da ban hanh");
    await atBothScreens(page, "4-approval-with-files");
    const taskTitle = await item.locator("a.task-link").textContent();
    await item.locator("a.task-link").click();
    expect(new URL(page.url()).pathname).toMatch(/^\/web\/nhiem-vu\/\d+$/);
    expect(taskTitle).toContain((await page.textContent("#task-title"))!.trim().slice(0, 30));
  });

  it("an edit is refused with what was typed kept and why, then saved and shown in the history as 'Tên: … → …' (items 5, 8)", async () => {
    await signInAs(browser, page, demo.admin);
    await page.locator("#worst-units a").first().click();
    await page.locator("#unit-tasks h3 a").first().click();
    const taskUrl = page.url();
    const before = (await page.locator("#title").inputValue()).trim();

    const long = `${"Rà soát, bổ sung quy hoạch cán bộ ".repeat(70).slice(0, 2000)}x`;
    await page.fill("#title", long);
    await page.click("button:has-text('Lưu thay đổi')");
    expect(await page.textContent("#edit-error")).toContain("Tên nhiệm vụ dài 2.001 ký tự, quá giới hạn 2.000 ký tự");
    expect(await page.locator("#title").inputValue()).toBe(long);
    await atBothScreens(page, "8-edit-title-too-long");

    await page.fill("#title", `${before} (đã sửa)`);
    await page.fill("#deadline", "sớm nhất có thể");
    await page.click("button:has-text('Lưu thay đổi')");
    expect(await page.textContent("#edit-error")).toContain("Chưa hiểu thời hạn «sớm nhất có thể». Hãy viết như: 30/6/2026");
    expect(await page.locator("#title").inputValue()).toBe(`${before} (đã sửa)`);

    await page.fill("#deadline", "30/9/2026");
    await page.click("button:has-text('Lưu thay đổi')");
    expect(await page.textContent("main")).toContain("Đã lưu thay đổi.");
    const history = await page.textContent("#history");
    expect(history).toContain(`Tên: ${before} → ${before} (đã sửa)`);
    expect(history).toContain("Thời hạn:");
    expect(history).toContain("→ 30/9/2026");
    expect(history).not.toContain("{");
    await atBothScreens(page, "5-history-edit");
    expect(page.url()).toContain(new URL(taskUrl).pathname);
  });

  it("'Rút nhiệm vụ' asks first, and a task with reports does not offer it (item 8)", async () => {
    await signInAs(browser, page, demo.admin);
    const overview = page.url();
    // A task with reports: the official of UBND reported above.
    await page.locator("main a", { hasText: "UBND huyện" }).first().click();
    const cards = page.locator("#unit-tasks article");
    await cards.first().locator("h3 a").click();
    const withReports = await page.textContent("main");
    if ((await page.locator("#history li").count()) > 0) {
      expect(await page.locator("a", { hasText: "Rút nhiệm vụ khỏi kế hoạch" }).count()).toBe(0);
      expect(withReports).toContain("không rút được");
    }
    // A task nobody reported on: the office's newly added one.
    await page.goto(overview);
    await page.click("summary:has-text('Thêm nhiệm vụ vào kế hoạch')");
    await page.fill("#new-title", "Nhiệm vụ thử để rút");
    await page.selectOption("#new-unit", { index: 0 });
    await page.fill("#new-deadline", "31/12/2026");
    await page.click("button:has-text('Thêm nhiệm vụ')");
    await page.click("a:has-text('Rút nhiệm vụ khỏi kế hoạch')");
    expect(await page.locator("h1").textContent()).toMatch(/^Rút nhiệm vụ .+\?$/);
    await atBothScreens(page, "8-withdraw-confirm");
    await page.click("a:has-text('Không rút, quay lại nhiệm vụ')");
    expect(await page.textContent("#task-title")).toBe("Nhiệm vụ thử để rút");
    await page.click("a:has-text('Rút nhiệm vụ khỏi kế hoạch')");
    await page.click("button:has-text('Rút nhiệm vụ')");
    expect(await page.textContent("main")).toContain("Đã rút nhiệm vụ");
  });
});
