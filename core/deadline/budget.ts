import { foldText } from "../text/fold";

// "dự toán chi ngân sách nhà nước hằng năm", "vốn ngân sách trung ương giai đoạn 05 năm và hằng năm",
// "kinh phí chi thường xuyên hằng năm", "bố trí kinh phí hàng năm cử cán bộ": the cadence (and "chi
// thường xuyên", recurrent spending) is the budget's, which is voted every year, not the task's.
const BUDGET_NOUN = "(?:ngan sach|kinh phi|du toan|nguon von|von dau tu)";
// Words that may stand between the budget and its cadence without ending the noun phrase.
const QUALIFIER = "(?:nha nuoc|trung uong|dia phuong|cac cap|chi|thuong xuyen|su nghiep|dau tu|cong|giai doan|\\d+|nam|va)";
const BUDGET_BEFORE = new RegExp(`(?<![a-z0-9])${BUDGET_NOUN}(?:\\s+${QUALIFIER})*\\s*$`);

/** Whether a time word written right after `before` qualifies a budget rather than giving the task's time. */
export function qualifiesBudget(before: string): boolean {
  return BUDGET_BEFORE.test(foldText(before.slice(-120)));
}
