/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { verifyToken } from "../../services/signed-token";
import type { WebEnv } from "../env";
import { MessagePage } from "../layout";
import { linkSecret, purposes, type FileClaims } from "../../services/links";
import { webTexts as t } from "../texts";

/** /web/tep/:token — an evidence file from R2, for whoever holds a valid signed link (services/links.ts fileDownloadLink). */
export const fileRoutes = new Hono<WebEnv>();

fileRoutes.get("/tep/:token", async (c) => {
  const checked = await verifyToken<FileClaims>(linkSecret(c.env), purposes.file, c.req.param("token"), Date.now());
  if (!checked.ok) {
    const expired = checked.reason === "expired";
    return c.html(
      <MessagePage title={t.errors.title} message={expired ? t.link.expired : t.link.invalid} />,
      expired ? 410 : 400,
    );
  }
  const object = await c.env.FILES?.get(checked.payload.key);
  if (!object) return c.html(<MessagePage title={t.errors.title} message={t.link.fileMissing} />, 404);
  const name = checked.payload.name;
  const ascii =
    name
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || "tep";
  return c.body(object.body, 200, {
    "content-type": object.httpMetadata?.contentType ?? "application/octet-stream",
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    "cache-control": "private, no-store",
  });
});
