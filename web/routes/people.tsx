/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { canRevokeInvite } from "../../core/access/policy";
import { createDb } from "../../db/client";
import { inviteUnit, membersOfUnits, openInvites, revokeInvite } from "../../db/queries/people-list";
import { unitsInAdminScope } from "../../db/queries/units";
import type { WebEnv } from "../env";
import { isOffice, MessagePage } from "../layout";
import { PeoplePage } from "../pages/people-page";
import { actorOf } from "../plan-context";
import { webTexts as t } from "../texts";

/** /web/can-bo — the people of the units the office looks after, and the invites still open. */
export const peopleRoutes = new Hono<WebEnv>();

peopleRoutes.get("/can-bo", async (c) => {
  const viewer = c.var.viewer;
  if (!isOffice(viewer)) return c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={viewer} />, 403);
  const units = await unitsInAdminScope(createDb(c.env.DB), viewer.unitId);
  const ids = units.map((u) => u.id);
  const [people, invites] = await Promise.all([membersOfUnits(c.env.DB, ids), openInvites(c.env.DB, ids, new Date().toISOString())]);
  const scope = new Set(ids);
  return c.html(
    <PeoplePage
      viewer={viewer}
      people={people}
      invites={invites.map((i) => ({ ...i, revocable: canRevokeInvite(actorOf(c), i, scope) }))}
      flash={c.req.query("da-thu-hoi") !== undefined ? "Đã thu hồi lời mời: đường dẫn đó không dùng được nữa." : null}
    />,
  );
});

peopleRoutes.post("/can-bo/loi-moi/:code/thu-hoi", async (c) => {
  const viewer = c.var.viewer;
  const db = createDb(c.env.DB);
  const invite = await inviteUnit(c.env.DB, c.req.param("code"));
  if (!invite) return c.html(<MessagePage title={t.errors.title} message="Không tìm thấy lời mời này." viewer={viewer} />, 404);
  const scope = new Set((await unitsInAdminScope(db, viewer.unitId)).map((u) => u.id));
  if (!canRevokeInvite(actorOf(c), invite, scope)) return c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={viewer} />, 403);
  const revoked = await revokeInvite(db, { code: invite.code, actorId: viewer.memberId, now: new Date().toISOString() });
  if (!revoked) return c.html(<MessagePage title={t.errors.title} message="Lời mời này đã hết hạn hoặc đã được thu hồi." viewer={viewer} />, 409);
  return c.redirect("/web/can-bo?da-thu-hoi", 303);
});
