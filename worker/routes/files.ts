import { Hono } from "hono";
import { z } from "zod";
import { linkSecret } from "../file-links";
import type { Env } from "../env";
import { verifyToken } from "../signed-token";

export const files = new Hono<{ Bindings: Env }>();

const payload = z.object({ k: z.string().min(1).max(512), n: z.string().max(200) });

/** A file kept in R2, behind a signed link that expires (worker/file-links). */
files.get("/:token", async (c) => {
  const check = await verifyToken(linkSecret(c.env), "file", c.req.param("token"), Date.now());
  if (!check.ok) {
    const text = check.reason === "expired" ? "Đường dẫn tải tệp đã hết hạn. Hãy mở lại tệp trong chat để có đường dẫn mới." : "Đường dẫn tải tệp không hợp lệ.";
    return c.text(text, check.reason === "expired" ? 410 : 403);
  }
  const fields = payload.safeParse(check.payload);
  if (!fields.success || !c.env.FILES) return c.text("Không tìm thấy tệp.", 404);
  const object = await c.env.FILES.get(fields.data.k);
  if (!object) return c.text("Không tìm thấy tệp.", 404);
  const name = fields.data.n.replace(/[^\p{L}\p{N}._ -]/gu, "_") || "tep";
  return new Response(object.body, {
    headers: {
      "content-type": object.httpMetadata?.contentType ?? "application/octet-stream",
      "content-disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
