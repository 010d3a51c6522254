export const roles = ["admin", "leader", "member", "viewer"] as const;
export type Role = (typeof roles)[number];
