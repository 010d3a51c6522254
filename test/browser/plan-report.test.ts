import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, launchBrowser, loginLinkFor, openLinkAndSignIn, screenshot } from "./support";

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe("Lập báo cáo in a browser", () => {
  it("the office picks a period, reads the preview and downloads the same report as a Word file", async () => {
    await openLinkAndSignIn(page, await loginLinkFor(demo.admin));
    await page.click("text=Lập báo cáo");
    await expect(page.locator("h1").textContent()).resolves.toBe("Lập báo cáo kết quả thực hiện");
    await page.selectOption("#ky", { index: 2 }); // this quarter
    await page.click("button:has-text('Xem trước')");
    await expect(page.locator("h1").textContent()).resolves.toBe("Xem trước báo cáo");
    const report = page.locator("article.report");
    await expect(report.textContent()).resolves.toContain("II. KẾT QUẢ THỰC HIỆN");
    expect(await report.locator("table").count()).toBeGreaterThan(2);
    await screenshot(page, "report-preview");
    const href = await page.locator("a:has-text('Tải bản Word')").getAttribute("href");
    const download = await page.request.get(new URL(href!, page.url()).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("wordprocessingml");
    expect((await download.body()).subarray(0, 2).toString()).toBe("PK");
  });
});
