import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPdfjs } from "../../core/pdf/pdfjs-module";
import { yenDungCommittee } from "../import/support";
import { hostilePdf, pdfOfPages, textLines } from "../../scripts/lib/pdf-writer";
import { signIn, webFetch, type WebSession } from "./support";

function upload(session: WebSession, name: string, content: Uint8Array): Promise<Response> {
  const data = new FormData();
  data.set("_csrf", session.csrf);
  data.set("file", new File([content], name, { type: "application/pdf" }));
  return webFetch("/web/nhap", { method: "POST", cookie: session.cookie, body: data });
}

beforeAll(async () => {
  await loadPdfjs(); // the test runner's first import of pdf.js takes seconds
}, 60_000);

describe("plan import on the web: PDF", () => {
  it("reads a PDF plan's task table into the review page", async () => {
    const c = await yenDungCommittee();
    const session = await signIn(c.admin.memberId);
    const at = (text: string, x: number, y: number) => ({ text, x, y, size: 10 });
    const pdf = pdfOfPages([
      [
        ...textLines(["KẾ HOẠCH", `Công tác năm 2026 ${c.tag}`]),
        at("TT", 60, 600),
        at("Nhiệm vụ", 100, 600),
        at("Cơ quan chủ trì", 300, 600),
        at("Thời hạn", 420, 600),
        at("1", 62, 575),
        at("Rà soát quy chế làm việc", 100, 575),
        at("Văn phòng Huyện ủy", 300, 575),
        at("Quý II/2026", 420, 575),
      ],
    ]);
    const sent = await upload(session, "ke-hoach.pdf", pdf);
    expect(sent.status).toBe(303);
    const review = await (await webFetch(sent.headers.get("location")!, { cookie: session.cookie })).text();
    expect(review).toContain("Rà soát quy chế làm việc");
    expect(review).toContain("Quý II/2026");
  });

  it("refuses a hostile PDF with its reason and keeps no draft", async () => {
    const c = await yenDungCommittee();
    const session = await signIn(c.admin.memberId);
    const sent = await upload(session, "ke-hoach.pdf", hostilePdf("deep_nesting"));
    expect(sent.status).toBe(415);
    expect(await sent.text()).toContain("cấu trúc bất thường");
    const drafts = await env.DB.prepare("select count(*) as n from plan_imports where member_id = ?")
      .bind(c.admin.memberId)
      .first<{ n: number }>();
    expect(drafts!.n).toBe(0);
  });
});
