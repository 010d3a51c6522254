/** @jsxImportSource hono/jsx */
import { Hono } from "hono";
import { canManagePeople } from "../../core/access/policy";
import { createDb } from "../../db/client";
import { inviteById, liveInvites, revokeInvite } from "../../db/queries/invites";
import { membersOfUnits } from "../../db/queries/people-list";
import { peopleScope } from "../../db/queries/people";
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
  const db = createDb(c.env.DB);
  const scope = await peopleScope(db, viewer.unitId);
  const ids = scope.units.map((u) => u.id);
  const [people, invites] = await Promise.all([membersOfUnits(c.env.DB, ids), liveInvites(db, ids, new Date().toISOString())]);
  return c.html(
    <PeoplePage
      viewer={viewer}
      people={people}
      invites={invites.map((i) => ({
        ...i,
        revocable: canManagePeople(actorOf(c), scope, { kind: "invite", unitId: i.unitId, role: i.role }),
      }))}
      flash={c.req.query("da-thu-hoi") !== undefined ? "Đã thu hồi lời mời: đường dẫn đó không dùng được nữa." : null}
    />,
  );
});

// The invite is named by its row id: the code itself (a credential) never appears in a page or a URL.
peopleRoutes.post("/can-bo/loi-moi/:id{[0-9]+}/thu-hoi", async (c) => {
  const viewer = c.var.viewer;
  const db = createDb(c.env.DB);
  const invite = await inviteById(db, Number(c.req.param("id")));
  if (!invite) return c.html(<MessagePage title={t.errors.title} message="Không tìm thấy lời mời này." viewer={viewer} />, 404);
  const scope = await peopleScope(db, viewer.unitId);
  if (!canManagePeople(actorOf(c), scope, { kind: "invite", unitId: invite.unitId, role: invite.role })) {
    return c.html(<MessagePage title={t.errors.title} message={t.errors.forbidden} viewer={viewer} />, 403);
  }
  const revoked = await revokeInvite(db, { id: invite.id, actorId: viewer.memberId, now: new Date().toISOString() });
  if (!revoked)
    return c.html(
      <MessagePage title={t.errors.title} message="Lời mời này đã hết hạn hoặc đã được thu hồi." viewer={viewer} />,
      409,
    );
  return c.redirect("/web/can-bo?da-thu-hoi", 303);
});
