import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atBothScreens, demo, demoPlanCards, openDemoPlan, openDesktop, referencePlanFile, signInAs } from "./support";

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openDesktop());
});
afterAll(async () => {
  await browser?.close();
});

describe("an office that follows several plans", () => {
  it("after a second plan is imported, the first one's overview, units, export and approvals are still reachable", async () => {
    // An official of the demo plan reports a task done: it waits for the office.
    // A unit no other file of the run reports for, so its task is still open whatever ran first.
    await signInAs(browser, page, demo.hdndMember);
    await (await demoPlanCards(page)).locator(".actions a", { hasText: "Đã hoàn thành" }).first().click();
    await page.fill("#note", "Báo cáo hoàn thành trong kế hoạch thứ nhất");
    await page.click("button[type=submit]");
    expect(await page.textContent("main")).toContain("Đã gửi báo cáo hoàn thành");

    // The admin imports a second plan; it becomes the newest.
    await signInAs(browser, page, demo.admin);
    const firstPlanUrl = await openDemoPlan(page);
    expect(new URL(firstPlanUrl).pathname).toMatch(/^\/web\/ke-hoach\/\d+$/);
    await page.click("nav >> text=Nhập kế hoạch");
    await page.setInputFiles("#file", referencePlanFile("thu-hai"));
    await page.click("button:has-text('Đọc kế hoạch')");
    await page.click("button:has-text('Lưu kế hoạch')");
    expect(await page.textContent("main")).toMatch(/Đã lưu kế hoạch «.+»: \d+ nhiệm vụ/);
    await page.click("text=Mở tổng quan kế hoạch vừa lưu");
    const secondPlanUrl = page.url();
    expect(secondPlanUrl).not.toBe(firstPlanUrl);

    // The picker names both; choosing the first brings its overview back, at its own address.
    const options = await page.locator("#plan-pick option").allTextContents();
    // Both plans are offered (other test files of the same run may have imported more).
    expect(options.length).toBeGreaterThanOrEqual(2);
    await page.selectOption("#plan-pick", { index: options.findIndex((o) => o.includes("Kế hoạch mẫu 45")) });
    await page.click(".plan-picker button");
    expect(page.url()).toBe(firstPlanUrl);
    expect(await page.textContent("main")).toContain("Kế hoạch mẫu 45");
    expect(await page.locator("#plan-pick option:checked").textContent()).toContain("Kế hoạch mẫu 45");
    await atBothScreens(page, "1-plan-overview-first");

    // Its unit page and export live under its address too.
    await page.locator("main a", { hasText: "UBND huyện" }).first().click();
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${new URL(firstPlanUrl).pathname}/don-vi/\\d+$`));
    expect(await page.locator("#unit-tasks article").count()).toBeGreaterThan(0);
    await page.click("nav >> text=Xuất báo cáo");
    expect(new URL(page.url()).pathname).toBe(`${new URL(firstPlanUrl).pathname}/xuat`);
    const download = await page.request.get(`${firstPlanUrl}/xuat/bao-cao.csv`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain("UBND huyện");

    // Approvals list every plan the admin follows: the first plan's completion is there while the second is open.
    await page.goto(secondPlanUrl);
    await page.click("nav >> text=Chờ duyệt");
    const item = page.locator("section.card", { hasText: "Báo cáo hoàn thành trong kế hoạch thứ nhất" });
    expect(await item.count()).toBe(1);
    expect(await item.locator(".plan-of").textContent()).toContain("Kế hoạch mẫu 45");
    await atBothScreens(page, "1-approvals-all-plans");
  });
});
