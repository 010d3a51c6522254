import { describe, expect, it } from "vitest";
import { htmlToZaloText, parseMenuPick, renderMenu, splitForZalo } from "../../bot/ports/zalo-render";

describe("htmlToZaloText", () => {
  it.each<[string, string, string]>([
    ["plain text stays", "Báo cáo tiến độ", "Báo cáo tiến độ"],
    ["bold, italic, underline, strike", "<b>Hạn</b> <i>gần</i> <u>đến</u> <s>cũ</s>", "Hạn gần đến cũ"],
    ["code and pre", '<pre><code class="language-txt">a &lt; b</code></pre>', "a < b"],
    ["blockquote keeps its lines", "<blockquote>Dòng 1\nDòng 2</blockquote>\nSau", "Dòng 1\nDòng 2\nSau"],
    ["entities", "&amp; &lt; &gt; &quot; &#39; &#x1F4CC;", "& < > \" ' 📌"],
    ["an escaped entity is decoded once", "&amp;lt;b&amp;gt;", "&lt;b&gt;"],
    ["unknown entity left alone", "&copy2; &unknown;", "&copy2; &unknown;"],
    ["link with its own text", '<a href="https://vd.gov.vn/x?a=1&amp;b=2">Xem</a>', "Xem (https://vd.gov.vn/x?a=1&b=2)"],
    ["link whose text is the address", '<a href="https://vd.gov.vn/">https://vd.gov.vn/</a>', "https://vd.gov.vn/"],
    ["link whose text is the address without scheme", '<a href="https://vd.gov.vn">vd.gov.vn</a>', "vd.gov.vn"],
    ["link with single quotes and formatted text", "<a href='https://a.vn'><b>Mở</b> tệp</a>", "Mở tệp (https://a.vn)"],
    ["link without text", '<a href="https://a.vn"></a>', "https://a.vn"],
    ["Telegram user mention keeps the name only", '<a href="tg://user?id=42">Lan</a>', "Lan"],
    ["spoiler and custom tags", '<tg-spoiler>ẩn</tg-spoiler> <span class="tg-spoiler">x</span>', "ẩn x"],
    ["line breaks and blank lines kept", "<b>Tiêu đề</b>\n\n• Việc 1\n• Việc 2", "Tiêu đề\n\n• Việc 1\n• Việc 2"],
    ["br becomes a line break", "a<br>b<br/>c", "a\nb\nc"],
    ["a lone < that is not a tag stays", "1 < 2", "1 < 2"],
  ])("%s", (_, html, expected) => {
    expect(htmlToZaloText(html)).toBe(expected);
  });
});

describe("renderMenu", () => {
  const rows = [[{ label: "Báo cáo" }, { label: " Gia hạn " }], [{ label: "Tắt nhắc" }]];

  it.each<[string, "numbers" | "letters", string, string[]]>([
    ["numbers", "numbers", "1. Báo cáo\n2. Gia hạn\n3. Tắt nhắc", ["1", "2", "3"]],
    ["letters", "letters", "a. Báo cáo\nb. Gia hạn\nc. Tắt nhắc", ["a", "b", "c"]],
  ])("flattens the rows, %s", (_, style, text, keys) => {
    expect(renderMenu(rows, style)).toEqual({ text, keys });
  });

  it.each<["numbers" | "letters", number, number, string]>([
    ["letters", 30, 26, "z"],
    ["numbers", 120, 99, "99"],
  ])("caps %s: %i actions give %i keys, the last %s", (style, count, expected, last) => {
    const many = [Array.from({ length: count }, (_, i) => ({ label: `Việc ${i + 1}` }))];
    const menu = renderMenu(many, style);
    expect(menu.keys).toHaveLength(expected);
    expect(menu.keys.at(-1)).toBe(last);
    expect(menu.text.split("\n")).toHaveLength(expected);
  });

  it("no actions, no lines", () => {
    expect(renderMenu([], "numbers")).toEqual({ text: "", keys: [] });
  });
});

describe("parseMenuPick", () => {
  it.each<[string, string | null]>([
    ["2", "2"],
    [" 2 ", "2"],
    ["2.", "2"],
    ["2)", "2"],
    ["02", "2"],
    ["12", "12"],
    ["số 2", "2"],
    ["Số 2", "2"],
    ["so 2", "2"],
    ["số2", "2"],
    ["chọn 3", "3"],
    ["B", "b"],
    ["b", "b"],
    ["b)", "b"],
    ["b.", "b"],
    ["số b", "b"],
    ["S\u1ed1 2".normalize("NFD"), "2"],
    ["0", null],
    ["100", null],
    ["sob", null],
    ["ab", null],
    ["2 3", null],
    ["đ", null],
    ["ok", null],
    ["", null],
    ["Báo cáo", null],
    ["-1", null],
  ])("%j → %j", (input, key) => {
    expect(parseMenuPick(input)).toEqual(key === null ? null : { key });
  });
});

describe("splitForZalo", () => {
  const words = (s: string) => s.split(/\s+/).filter(Boolean);

  it.each<[string, string, number, string[]]>([
    ["short text is one part", "Xin chào", 2000, ["Xin chào"]],
    ["exactly the limit", "abcde", 5, ["abcde"]],
    ["blank text gives nothing", " \n\n ", 10, []],
    ["at paragraphs first", "aaaa bbbb\n\ncccc dddd", 12, ["aaaa bbbb", "cccc dddd"]],
    ["paragraphs packed together while they fit", "aa\n\nbb\n\ncc", 6, ["aa\n\nbb", "cc"]],
    ["then at lines", "aaaa\nbbbb\ncccc", 10, ["aaaa\nbbbb", "cccc"]],
    ["then at words", "một hai ba bốn năm", 8, ["một hai", "ba bốn", "năm"]],
    ["a word longer than the limit is cut", "abcdefghij kl", 4, ["abcd", "efgh", "ij", "kl"]],
    ["a long paragraph split, the next one follows", "aa bb cc\n\ndd", 5, ["aa bb", "cc", "dd"]],
    ["no surrogate pair cut in half", "😀😀😀", 3, ["😀", "😀", "😀"]],
  ])("%s", (_, text, limit, expected) => {
    expect(splitForZalo(text, limit)).toEqual(expected);
  });

  it("long Vietnamese report: every part within 2000, no word cut, nothing lost", () => {
    const paragraph = (n: number) =>
      Array.from({ length: 40 }, (_, i) => `Đơn vị ${n}-${i} đã hoàn thành chỉ tiêu giải ngân vốn đầu tư công đạt ${i}%.`).join(
        "\n",
      );
    const text = Array.from({ length: 6 }, (_, n) => `<Phần ${n + 1}>\n${paragraph(n)}`).join("\n\n");
    const parts = splitForZalo(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(words(parts.join(" "))).toEqual(words(text));
    // each part starts at a line boundary of the original
    for (const part of parts) expect(text.includes(`\n${part.split("\n")[0]}`) || text.startsWith(part)).toBe(true);
  });

  it("a single line longer than the limit breaks between words", () => {
    const line = Array.from({ length: 700 }, (_, i) => `từ${i}`).join(" ");
    const parts = splitForZalo(line, 2000);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(words(parts.join(" "))).toEqual(words(line));
  });
});
