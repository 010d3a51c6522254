import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { purposes } from "../../services/links";
import { signToken } from "../../services/signed-token";
import { demo, launchBrowser, loginLinkFor, openDemoPlan, openLinkAndSignIn as openLink, screenshot } from "./support";

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** The link opens a page with a button (a link preview must not use it up); pressing it signs in. */
const openLinkAndSignIn = (link: string) => openLink(page, link);

async function signInAs(telegramId: number): Promise<void> {
  await browser.clearCookies();
  await openLinkAndSignIn(await loginLinkFor(telegramId));
}

describe("the back office in a browser", () => {
  it("signs the admin in from the /web link and shows the plan overview", async () => {
    const link = await loginLinkFor(demo.admin);
    // Opening the link shows a button and signs nobody in yet: a chat app's preview cannot use it up.
    await page.goto(link);
    expect(await page.textContent("main")).toContain("Bấm nút dưới đây để đăng nhập");
    expect((await browser.cookies()).some((c) => c.name === "__Host-phien")).toBe(false);
    await openLinkAndSignIn(link);
    expect(new URL(page.url()).pathname).toMatch(/^\/web\/ke-hoach\/\d+$/);
    // Other files of the run may have imported newer plans: the demo plan is picked by name.
    await openDemoPlan(page);
    await expect(page.locator("h1").textContent()).resolves.toBe("Tổng quan kế hoạch");
    await expect(page.locator("#done-share").textContent()).resolves.toMatch(/Hoàn thành: \d+\/\d+/);
    expect(await page.locator("#counts .card").count()).toBeGreaterThan(1);
    expect(await page.locator('[aria-label="Tình trạng nhiệm vụ theo đơn vị"]').count()).toBe(1);
    expect(await page.locator("#targets tbody tr").count()).toBeGreaterThan(0);
    const cookies = await browser.cookies();
    const session = cookies.find((c) => c.name === "__Host-phien");
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });
    await screenshot(page, "overview");

    // The same link a second time: refused, whoever opens it.
    await browser.clearCookies();
    const reused = await page.goto(link);
    expect(reused!.status()).toBe(410);
    expect(await page.textContent("main")).toContain("đã được dùng");
  });

  it("refuses an expired link", async () => {
    const expired = await signToken(inject("linkSecret"), purposes.login, { m: 1, n: "old" }, Date.now() - 60_000);
    const response = await page.goto(`${inject("webBaseUrl")}/web/dang-nhap?t=${expired}`);
    expect(response!.status()).toBe(410);
    expect(await page.textContent("main")).toContain("Đường dẫn đăng nhập đã hết hạn");
    await page.goto(`${inject("webBaseUrl")}/web`);
    expect(await page.textContent("main")).toContain("chưa đăng nhập");
  });

  it("an official reports progress with a file and reports a task done; another unit's page is refused", async () => {
    await signInAs(demo.ubndMember);
    expect(new URL(page.url()).pathname).toMatch(/^\/web\/don-vi\/\d+$/);
    const ownUnit = page.url();
    await screenshot(page, "unit");

    await page.locator("#unit-tasks a", { hasText: "Báo cáo tiến độ" }).first().click();
    await page.fill("#percent", "40");
    await page.fill("#note", "Đã xây dựng dự thảo, đang lấy ý kiến các phòng");
    await page.setInputFiles("#files", {
      name: "Dự thảo kế hoạch.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4 du thao"),
    });
    await screenshot(page, "official-report-form");
    await page.click("button[type=submit]");
    expect(await page.textContent("main")).toContain("Đã ghi nhận báo cáo tiến độ 40%");

    await page.goto(ownUnit);
    await page.locator("#unit-tasks a", { hasText: "Đã hoàn thành" }).first().click();
    await page.fill("#note", "Đã ban hành kế hoạch của UBND huyện");
    await page.click("button[type=submit]");
    expect(await page.textContent("main")).toContain("Đã gửi báo cáo hoàn thành");

    const unitId = Number(new URL(ownUnit).pathname.split("/").pop());
    const other = await page.goto(`${inject("webBaseUrl")}/web/don-vi/${unitId === 1 ? 2 : 1}`);
    expect(other!.status()).toBe(403);
    expect(await page.textContent("main")).toContain("không xem được trang của đơn vị này");
  });

  it("the admin confirms the completion from the approvals page", async () => {
    await signInAs(demo.admin);
    await page.click("nav >> text=Chờ duyệt");
    const item = page.locator("section.card", { hasText: "Đã ban hành kế hoạch của UBND huyện" });
    await screenshot(page, "approvals");
    await item.locator("button", { hasText: "Xác nhận hoàn thành" }).click();
    expect(await page.textContent("main")).toContain("Đã xác nhận hoàn thành.");
    expect(await page.locator("section.card", { hasText: "Đã ban hành kế hoạch của UBND huyện" }).count()).toBe(0);
  });

  it("the admin imports a plan: edits a task, adds one, saves", async () => {
    await signInAs(demo.admin);
    await page.click("nav >> text=Nhập kế hoạch");
    const text = readFileSync(new URL("../../../shared/plans/yen-dung-45-NQ-TW.txt", import.meta.url), "utf8");
    await page.setInputFiles("#file", {
      name: "ke-hoach-45.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(`${text}\n\nBản thử trên trình duyệt ${Date.now()}\n`),
    });
    await page.click("button:has-text('Đọc kế hoạch')");
    await expect(page.locator("h1").textContent()).resolves.toBe("Xem lại trước khi lưu");
    await page.fill('textarea[name="title-0"]', "Quán triệt Nghị quyết 45 (sửa trên web)");
    await page.fill('input[name="deadline-0"]', "30/9/2026");
    await page.fill('textarea[name="new-title-0"]', "Khảo sát đội ngũ trí thức trẻ");
    await page.fill('input[name="new-lead-0"]', "UBND huyện");
    await page.fill('input[name="new-deadline-0"]', "quý IV/2026");
    await screenshot(page, "import-review");
    await page.click("button:has-text('Lưu kế hoạch')");
    expect(await page.textContent("main")).toMatch(/Đã lưu kế hoạch «.+»: \d+ nhiệm vụ/);

    // The new plan's overview: the added task is on UBND huyện's page.
    await page.click("text=Mở tổng quan kế hoạch vừa lưu");
    await page.locator("main a", { hasText: "UBND huyện" }).first().click();
    await page.locator("#unit-tasks a", { hasText: "Khảo sát đội ngũ trí thức trẻ" }).click();
    expect(await page.textContent("#task-title")).toBe("Khảo sát đội ngũ trí thức trẻ");
    await screenshot(page, "task");
  });
});
