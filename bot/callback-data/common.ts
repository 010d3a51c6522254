import { roles, type Role } from "../../core/access/roles";

export const taskCard = {
  build: (assignmentId: number) => `task:${assignmentId}`,
  pattern: /^task:(\d{1,10})$/,
};

export const taskListPage = {
  build: (page: number) => `tasks:${page}`,
  pattern: /^tasks:(\d{1,4})$/,
};

export const inviteUnitPage = {
  build: (page: number) => `inv:p:${page}`,
  pattern: /^inv:p:(\d{1,4})$/,
};

export const inviteUnit = {
  build: (unitId: number) => `inv:u:${unitId}`,
  pattern: /^inv:u:(\d{1,10})$/,
};

export const inviteRole = {
  build: (unitId: number, role: Role) => `inv:r:${unitId}:${role}`,
  pattern: new RegExp(`^inv:r:(\\d{1,10}):(${roles.join("|")})$`),
};

export const inviteUses = {
  build: (unitId: number, role: Role, multi: boolean) => `inv:x:${unitId}:${role}:${multi ? "n" : "1"}`,
  pattern: new RegExp(`^inv:x:(\\d{1,10}):(${roles.join("|")}):(1|n)$`),
};

/** The live invites of the admin's units (from /moi), paged, and revoking one by its row id (never its code). */
export const inviteList = {
  build: (page: number) => `inv:l:${page}`,
  pattern: /^inv:l:(\d{1,4})$/,
};

export const inviteRevoke = {
  build: (inviteId: number) => `inv:rv:${inviteId}`,
  pattern: /^inv:rv:(\d{1,10})$/,
};
