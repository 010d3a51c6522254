import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { atBothScreens, demo, openDemoPlan, openDesktop, screens, signInAs } from "./support";

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openDesktop());
});
afterAll(async () => {
  await browser?.close();
});

describe("overview, error pages and uploads", () => {
  it("the overview counts tasks and assignments apart, shows 0 for no overdue, a scale from 0 and readable names (item 6)", async () => {
    await signInAs(browser, page, demo.admin);
    await openDemoPlan(page);
    expect(await page.textContent("#task-count")).toMatch(/^\d+ nhiệm vụ, \d+ lượt giao cho các đơn vị$/);
    const overdueCells = await page.locator("main table").first().locator("tbody tr td:nth-child(3)").allTextContents();
    expect(overdueCells.every((c) => /^\d+$/.test(c.trim()))).toBe(true);
    expect(overdueCells).toContain("0");
    expect(await page.locator(".bars .scale span").first().textContent()).toBe("0");
    expect(await page.content()).not.toContain("Quá hạn: null");
    // "Most overdue": equal counts are ordered by how long the oldest is late.
    const days = (await page.locator("#worst-units li").allTextContents()).map((line) => ({
      count: Number(/(\d+) quá hạn/.exec(line)![1]),
      days: Number(/lâu nhất (\d+) ngày/.exec(line)![1]),
    }));
    for (let i = 1; i < days.length; i++)
      if (days[i]!.count === days[i - 1]!.count) expect(days[i]!.days).toBeLessThanOrEqual(days[i - 1]!.days);
    await atBothScreens(page, "6-overview", "phone");
    // On the phone a unit's name is text of normal size, not a shrunken drawing.
    const size = await page
      .locator(".bar-name")
      .first()
      .evaluate((el) => {
        const g = globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } };
        return g.getComputedStyle(el).fontSize;
      });
    expect(Number.parseFloat(size)).toBeGreaterThanOrEqual(14);
    await page.setViewportSize(screens.desktop);
  });

  it("unknown addresses get a Vietnamese 404, a broken request a Vietnamese 400 (item 9)", async () => {
    await signInAs(browser, page, demo.admin);
    const base = inject("webBaseUrl");
    for (const path of ["/web/khong-co-trang-nay", "/web/nhiem-vu/999999", "/khong-co"]) {
      const response = await page.goto(`${base}${path}`);
      expect(response!.status(), path).toBe(404);
      expect(await page.locator("h1").textContent()).toBe("Không có trang này");
    }
    await atBothScreens(page, "9-not-found");
    const bad = await page.goto(`${base}/web/ke-hoach?id=abc`);
    expect(bad!.status()).toBe(400);
    expect(await page.textContent("main")).toContain("Không có kế hoạch này");
    await atBothScreens(page, "9-bad-request");
  });

  it("a file named .pdf that is not a PDF is refused by its content, with what was typed kept (item 10)", async () => {
    await signInAs(browser, page, demo.ubndMember);
    await page.locator("#unit-tasks .actions a", { hasText: "Báo cáo tiến độ" }).first().click();
    await page.fill("#percent", "70");
    await page.fill("#note", "Kèm biên bản họp");
    await page.setInputFiles("#files", {
      name: "bien-ban.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("MZ\x90\x00 not a pdf at all"),
    });
    await page.click("button[type=submit]");
    expect(await page.textContent("[role=alert]")).toContain("Nội dung tệp «bien-ban.pdf» không phải PDF");
    expect(await page.locator("#note").inputValue()).toBe("Kèm biên bản họp");
    await atBothScreens(page, "10-upload-refused", "phone");
    await page.setInputFiles("#files", {
      name: "bien-ban.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7 bien ban hop"),
    });
    await page.click("button[type=submit]");
    expect(await page.textContent("main")).toContain("Đã ghi nhận báo cáo tiến độ 70%");
  });
});
