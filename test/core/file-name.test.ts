import { describe, expect, it } from "vitest";
import { cleanFileName } from "../../core/text/file-name";

describe("cleanFileName: bidi controls never reach a screen or the database", () => {
  it.each([
    ["ke-hoach.docx", "ke-hoach.docx"],
    // "ke-hoach-\u202Excod.exe" shows as "ke-hoach-exe.docx"
    ["ke-hoach-\u202Excod.exe", "ke-hoach-xcod.exe"],
    ["\u202A\u202B\u202C\u202D\u202Ea\u2066\u2067\u2068\u2069b\u200E\u200F\u061Cc.txt", "abc.txt"],
    ["Ke\u0302\u0301 hoa\u0323ch.md", "Kế hoạch.md"],
    ["  tab\tand\u0000nul.txt ", "tabandnul.txt"],
    ["\u202E", null],
    [null, null],
    [undefined, null],
  ])("%j → %j", (name, expected) => {
    expect(cleanFileName(name)).toBe(expected);
  });
});
