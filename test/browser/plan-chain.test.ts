import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atBothScreens, demo, openDemoPlan, openDesktop, signInAs } from "./support";

let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openDesktop());
});
afterAll(async () => {
  await browser?.close();
});

/** Demo people (db/demo.ts): the offices of two front organisations. */
const frontOffice = 7_000_000_018; // Lương Văn Sơn, admin of Ủy ban MTTQ huyện: its plan carries out the demo plan
const siblingOffice = 7_000_000_019; // Cao Thị Yến, admin of Hội Liên hiệp Phụ nữ huyện

/** Forms of the page's own content: the layout's plan picker (GET) and logout aside. */
const contentForms = (p: Page) => p.locator('main form[method="post"]:not([action="/web/dang-xuat"])').count();

describe("plans carrying out the demo plan, seen from its office", () => {
  let childPlanUrl = "";

  it("rolls up per unit: the front's plan issued with its progress, the others not yet and late", async () => {
    await signInAs(browser, page, demo.admin);
    await openDemoPlan(page);
    const section = page.locator("#child-plans");
    expect(await section.locator("h2").textContent()).toBe("Kế hoạch thực hiện của các đơn vị");
    const front = section.locator("tr", { hasText: "Ủy ban MTTQ huyện" });
    expect(await front.textContent()).toContain("Đã ban hành kế hoạch");
    expect(await front.textContent()).toContain("Kế hoạch số 12-KH/MTTQ ngày 20/05/2024");
    expect(await front.textContent()).toMatch(/xong 1\/3 lượt giao, đúng hạn 1, quá hạn 1/);
    const women = section.locator("tr", { hasText: "Hội Liên hiệp Phụ nữ huyện" });
    expect(await women.textContent()).toContain("Chưa ban hành");
    expect(await women.textContent()).toContain("hạn 30/06/2024");
    expect(await women.locator(".overdue").textContent()).toBe("quá hạn");
    await atBothScreens(page, "chain-1-rollup");
  });

  it("drills down from the unit's page into its plan, read only", async () => {
    await page.locator("#child-plans a", { hasText: "Ủy ban MTTQ huyện" }).click();
    expect(await page.locator("#unit-child-plans").textContent()).toContain("Đã ban hành kế hoạch");
    await page.locator("#unit-child-plans a", { hasText: "12-KH/MTTQ" }).click();
    childPlanUrl = page.url();
    expect(new URL(childPlanUrl).pathname).toMatch(/^\/web\/ke-hoach\/\d+$/);
    expect(await page.locator("#read-only").isVisible()).toBe(true);
    expect(await page.textContent("main")).toContain("12-KH/MTTQ");
    expect(await contentForms(page)).toBe(0);
    await atBothScreens(page, "chain-2-child-read-only");

    await page.locator("main a", { hasText: "Ủy ban MTTQ huyện" }).first().click();
    expect(await page.locator("#read-only").isVisible()).toBe(true);
    expect(await page.locator("#unit-tasks article").count()).toBe(3);
    expect(await page.locator("#unit-tasks .actions").count()).toBe(0);

    // A POST with a valid session and token is still refused.
    const csrf = await page.locator('input[name="_csrf"]').first().getAttribute("value");
    const refused = await page.request.post(`${childPlanUrl}/them-nhiem-vu`, {
      form: { _csrf: csrf!, title: "Việc cấp trên tự thêm", lead: "Ủy ban MTTQ huyện", deadline: "" },
      headers: { origin: new URL(childPlanUrl).origin },
    });
    expect(refused.status()).toBe(403);
  });

  it("lets the front's own office manage its plan, and refuses a sibling organisation's office", async () => {
    await signInAs(browser, page, frontOffice);
    await page.goto(childPlanUrl);
    expect(await page.locator("#read-only").count()).toBe(0);
    expect(await contentForms(page)).toBeGreaterThan(0);

    await signInAs(browser, page, siblingOffice);
    const response = await page.goto(childPlanUrl);
    expect(response!.status()).toBe(403);
    expect(await page.textContent("main")).toContain("không theo dõi kế hoạch này");
    await atBothScreens(page, "chain-3-sibling-403");
  });
});
