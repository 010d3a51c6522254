import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atBothScreens, demo, openDesktop, referencePlanFile, screens, sideOverflow, signInAs } from "./support";

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openDesktop());
});
afterAll(async () => {
  await browser?.close();
});

/** A small plan of our own: a known unit, an unknown one, a vague phrase as the only lead of a task. */
const smallPlan = (tag: string) =>
  [
    "KẾ HOẠCH",
    `Thực hiện chuyển đổi số năm 2026 (${tag})`,
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "1. Xây dựng cơ sở dữ liệu cán bộ, đảng viên của huyện.",
    "Chủ trì: UBND huyện. Thời hạn: quý III/2026.",
    "2. Rà soát thủ tục hành chính trực tuyến toàn trình trên địa bàn.",
    "Chủ trì: các sở, ngành có liên quan. Thời hạn: năm 2026.",
    "3. Tập huấn kỹ năng số cho cán bộ cấp xã trên toàn huyện.",
    "Chủ trì: Trung tâm Chuyển đổi số huyện. Thời hạn: 30/11/2026.",
  ].join("\n");

describe("the import review (item 3)", () => {
  it("fits the desk's width, shows every field of every task, and the units as matched or new", async () => {
    await signInAs(browser, page, demo.admin);
    await page.click("nav >> text=Nhập kế hoạch");
    await page.setInputFiles("#file", referencePlanFile("xem-lai"));
    await page.click("button:has-text('Đọc kế hoạch')");
    expect(await page.locator("h1").textContent()).toBe("Xem lại trước khi lưu");
    expect(await sideOverflow(page)).toBe(0);
    // The deadline field and "Bỏ" of the first task are inside the window.
    for (const selector of ['input[name="deadline-0"]', 'input[name="drop-0"]']) {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box.x + box.width, selector).toBeLessThanOrEqual(screens.desktop.width);
    }
    expect(await page.locator("#review-units .unit-status.ok").count()).toBeGreaterThan(0);
    expect(await page.locator("datalist").count()).toBe(1);
    await atBothScreens(page, "3-import-review");
  });

  it("leaves a vague phrase unassigned, refuses the task no unit would receive, saves once a lead is given", async () => {
    await signInAs(browser, page, demo.admin);
    await page.click("nav >> text=Nhập kế hoạch");
    await page.setInputFiles("#file", {
      name: "chuyen-doi-so.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(smallPlan(String(Date.now()))),
    });
    await page.click("button:has-text('Đọc kế hoạch')");
    const vague = page.locator(".review-unit", { hasText: "có liên quan" });
    expect(await vague.locator(".unit-status").textContent()).toContain("Không giao: cụm từ chung");
    expect(await page.locator(".review-unit", { hasText: "Trung tâm Chuyển đổi số" }).locator(".unit-status").textContent()).toBe(
      "Sẽ tạo đơn vị mới",
    );
    expect(await page.locator(".review-unit", { hasText: "UBND huyện" }).locator(".unit-status").textContent()).toBe(
      "Khớp đơn vị có sẵn: UBND huyện",
    );
    expect(await page.locator("#task-1 .flags").textContent()).toContain("Cần xem lại");

    await page.click("button:has-text('Lưu kế hoạch')");
    expect(await page.textContent("#review-errors")).toContain("chưa có đơn vị nào nhận");
    await atBothScreens(page, "3-import-no-unit-refused");

    await page.fill('input[name="lead-1"]', "UBND huyện");
    await page.fill('input[name="coop-0"]', "Ban Tổ chức Huyện ủy");
    await page.click("button:has-text('Lưu kế hoạch')");
    expect(await page.textContent("main")).toMatch(/Đã lưu kế hoạch «.+»: 3 nhiệm vụ, 4 lượt giao cho đơn vị, 1 đơn vị mới/);
  });
});
