import { describe, expect, it } from "vitest";
import { plans } from "../../db/schema";
import { pressButton, say } from "../support/fake-telegram";
import { makeCommittee, testDb } from "../support/fixtures";

describe("/kehoach", () => {
  it("acts on the newest plan by default; the admin switches and every screen follows", async () => {
    const c = await makeCommittee();
    const [second] = await testDb()
      .insert(plans)
      .values({ issuerUnitId: c.root, monitorUnitId: c.monitor, number: `KH-2-${c.tag}`, title: "Kế hoạch thứ hai" })
      .returning({ id: plans.id });
    expect(await say(c.admin, "/tongquan")).toContain(`Tổng quan · KH-2-${c.tag}`);
    const list = await say(c.admin, "/kehoach");
    expect(list).toContain(`✔ KH-2-${c.tag} — Kế hoạch thứ hai (đang chọn)`);
    expect(list).toContain(`2. KH-${c.tag} — Kế hoạch thử nghiệm`);
    await pressButton(c.admin, "2");
    expect(await say(c.admin, "/tongquan")).toContain(`Tổng quan · KH-${c.tag}`);
    expect(await say(c.viewer, "/tongquan")).toContain(`Tổng quan · KH-2-${c.tag}`);
    expect(second).toBeDefined();
  });
});
