import { describe, expect, it } from "vitest";
import { Actions } from "../../bot/ports/actions";
import { zaloMessage } from "../../bot/ports/zalo-message";

const list = "Nhiệm vụ:\n\n1. Việc thứ nhất\n2. Việc thứ hai";
const listActions = () => new Actions().text("1", "card:1").text("2", "card:2").row().text("🔄 Làm mới", "list:0");

describe("zaloMessage keys", () => {
  it("a list keeps its numbers when they are free, and its other actions take the next free keys", () => {
    const message = zaloMessage(list, { actions: listActions().lines });
    expect(message.menu!.items.map((i) => [i.key, i.data])).toEqual([
      ["1", "card:1"],
      ["2", "card:2"],
      ["3", "list:0"],
    ]);
    expect(message.parts.join("\n")).toContain("1. Việc thứ nhất\n2. Việc thứ hai");
    expect(message.parts.join("\n")).toContain("3. 🔄 Làm mới");
  });

  it("a list whose numbers other live menus use is renumbered, text and keys alike", () => {
    const message = zaloMessage(list, { actions: listActions().lines, taken: new Set(["1", "2", "3"]) });
    const text = message.parts.join("\n");
    expect(text).toContain("4. Việc thứ nhất\n5. Việc thứ hai");
    expect(message.menu!.items.map((i) => i.key)).toEqual(["4", "5", "6"]);
    expect(message.menu!.items[0]!.label).toBe("Việc thứ nhất");
    expect(text).toContain("6. 🔄 Làm mới");
  });

  it("letters skip the letters a live flow menu uses", () => {
    const actions = new Actions().text("25%", "p:25").text("50%", "p:50");
    const message = zaloMessage("Tiến độ?", { actions: actions.lines, style: "letters", taken: new Set(["a"]) });
    expect(message.menu!.items.map((i) => i.key)).toEqual(["b", "c"]);
  });

  it("an action beside a list item names it; a page's position is a line, not a key; arrows are spelled out", () => {
    const actions = new Actions()
      .text("1. Đảng ủy xã A", "unit:1")
      .text("🔔 Nhắc ngay", "remind:1")
      .row()
      .text("◀", "page:0")
      .info("Trang 2/3", "page:1")
      .text("▶", "page:2");
    const text = zaloMessage("Quá hạn\n\n1. Đảng ủy xã A — 2", { actions: actions.lines }).parts.join("\n");
    expect(text).toContain("2. 🔔 Nhắc ngay (Đảng ủy xã A)");
    expect(text).toContain("Trang 2/3");
    expect(text).not.toMatch(/^\d+\. Trang 2\/3/m);
    expect(text).toContain("3. ◀ Trang trước");
    expect(text).toContain("4. Trang sau ▶");
    // The unit's own line in the text is its key: no second line for it in the menu.
    expect(text.match(/Đảng ủy xã A —/g)).toHaveLength(1);
    expect(text).not.toMatch(/^1\. Đảng ủy xã A$/m);
  });

  it("a numbered file button reads with one number: '1. 📎 ảnh', not '1. 📎 1. ảnh'", () => {
    const actions = new Actions().text("📎 1. ảnh", "ev:1").row().text("📎 2. bien-ban.pdf", "ev:2");
    const text = zaloMessage("Lịch sử", { actions: actions.lines }).parts.join("\n");
    expect(text).toContain("1. 📎 ảnh\n2. 📎 bien-ban.pdf");
  });
});
