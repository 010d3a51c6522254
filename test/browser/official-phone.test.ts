import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atBothScreens, demo, launchBrowser, screens, sideOverflow, signInAs } from "./support";

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize(screens.phone);
});
afterAll(async () => {
  await browser?.close();
});

describe("an official on a phone", () => {
  it("sees each task as a card with full-width actions; no page an official opens scrolls sideways", async () => {
    await signInAs(browser, page, demo.ubndMember);
    const unitPage = page.url();
    const card = page.locator("#unit-tasks article").first();
    expect(await card.locator(".ref").textContent()).toMatch(/^Nhiệm vụ \S+/);
    expect(await card.locator("h3 a").textContent()).not.toBe("");
    // The deadline as a date and as the plan wrote it.
    expect(await page.locator("#unit-tasks .deadline").allTextContents()).toContainEqual(
      expect.stringMatching(/\d{2}\/\d{2}\/\d{4} — «.+»/),
    );
    expect(await card.locator("progress").count()).toBe(1);
    const cardBox = (await card.boundingBox())!;
    const action = (await card.locator(".actions a", { hasText: "Báo cáo tiến độ" }).boundingBox())!;
    expect(action.width).toBeGreaterThan(cardBox.width * 0.85);
    expect(action.x + action.width).toBeLessThanOrEqual(screens.phone.width);
    await atBothScreens(page, "2-unit-page", "phone");

    // The task page, from the card's title.
    await card.locator("h3 a").click();
    expect(new URL(page.url()).pathname).toMatch(/^\/web\/nhiem-vu\/\d+$/);
    await atBothScreens(page, "2-task-page", "phone");

    // Each form, and what it answers.
    for (const [label, name] of [
      ["Báo cáo tiến độ", "2-form-progress"],
      ["Xin gia hạn", "2-form-extension"],
      ["Đã hoàn thành", "2-form-completion"],
    ] as const) {
      await page.goto(unitPage);
      await page.locator("#unit-tasks .actions a", { hasText: label }).first().click();
      await atBothScreens(page, name, "phone");
    }
    await page.fill("#note", "Đã hoàn thành, gửi từ điện thoại");
    await page.click("button[type=submit]");
    expect(await page.textContent("main")).toContain("Đã gửi báo cáo hoàn thành");
    await atBothScreens(page, "2-form-saved", "phone");

    // A page that is not there, at the phone's width.
    await page.goto(`${new URL(unitPage).origin}/web/khong-co-trang-nay`);
    expect(await sideOverflow(page)).toBe(0);
  });

  it("records a target's value from the unit page's signed form (item 7), and finds the way back to the unit", async () => {
    await signInAs(browser, page, demo.ubndMember);
    const targets = page.locator("#unit-targets article");
    expect(await targets.count()).toBeGreaterThan(0);
    await targets.first().locator("a", { hasText: "Ghi số liệu" }).click();
    expect(new URL(page.url()).pathname).toMatch(/^\/web\/bieu-mau\//);
    expect(await page.locator("h1").textContent()).toBe("Ghi số liệu chỉ tiêu");
    await atBothScreens(page, "7-target-form", "phone");
    await page.fill("#period", "quý III/2025");
    await page.fill("#value", "9,1");
    await page.click("button[type=submit]");
    expect(await page.textContent("main")).toContain("Đã ghi quý III/2025: 9,1%");
    await atBothScreens(page, "7-target-saved", "phone");

    // Back on the unit page, the latest value is the one just recorded.
    await page.click("a:has-text('Xem toàn bộ việc của đơn vị')");
    expect(await page.locator("#unit-targets").textContent()).toContain("9,1% (quý III/2025)");

    // Without a session, the same way in says how to sign in.
    await browser.clearCookies();
    await page.goBack();
    await page.goBack();
    await page.click("a:has-text('Xem toàn bộ việc của đơn vị')");
    expect(await page.textContent("main")).toContain("gõ /web trong chat với bot");
    expect(await sideOverflow(page)).toBe(0);
  });
});
