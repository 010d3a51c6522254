import { env } from "cloudflare:workers";
import type { Update } from "grammy/types";
import { inject } from "vitest";
import { unitKey } from "../../core/units/match";
import { unitGroupMembers, units } from "../../db/schema";
import { designateOffice, makeMember, makeUnit, testDb } from "../support/fixtures";
import { postUpdate, type TestUser } from "../support/webhook";

/**
 * A user sends a file, the way Telegram delivers it: the fake Bot API stores the
 * bytes (so getFile and the download work) and returns the update for the webhook.
 */
export async function sendFile(user: TestUser, name: string, data: string | Uint8Array, mime?: string): Promise<Response> {
  const document =
    typeof data === "string"
      ? { file_name: name, text: data, ...(mime ? { mime_type: mime } : {}) }
      : { file_name: name, data_base64: base64(data), ...(mime ? { mime_type: mime } : {}) };
  const response = await fetch(`${inject("fakeTelegramUrl")}/__fake/chats/${user.id}/send`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from: { id: user.id, first_name: user.firstName }, document }),
  });
  const { update } = (await response.json()) as { update: Update };
  // The fake numbers its updates from 1 in every run; the webhook handles each update_id once.
  return postUpdate({ ...update, update_id: 3_000_000_000 + Math.floor(Math.random() * 1_000_000_000) });
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const count = async (query: string, ...params: unknown[]) =>
  (await env.DB.prepare(query)
    .bind(...params)
    .first<{ n: number }>())!.n;

/**
 * A district committee shaped like the reference plan's: the Ban Tổ chức with its
 * admin, the issuer, UBND huyện, a Thường trực HĐND named differently from the plan,
 * and the party-organisations group with two member units whose officials use /viec.
 */
export async function yenDungCommittee() {
  const tag = crypto.randomUUID().slice(0, 6);
  const root = await makeUnit(`Huyện ủy Yên Dũng ${tag}`);
  const monitor = await makeUnit("Ban Tổ chức Huyện ủy", root);
  await designateOffice(root, monitor);
  const issuer = await makeUnit("Ban Thường vụ Huyện ủy", root);
  const ubnd = await makeUnit("UBND huyện", root);
  const hdnd = await makeUnit("Thường trực HĐND huyện", root);
  const communeA = await makeUnit("Đảng ủy xã Tiến Dũng", root);
  const communeB = await makeUnit("Đảng ủy xã Cảnh Thụy", root);
  const name = "Các Đảng ủy, chi bộ trực thuộc Huyện ủy";
  const [group] = await testDb()
    .insert(units)
    .values({ name, nameKey: unitKey(name), parentId: root, isGroup: true })
    .returning({ id: units.id });
  await testDb()
    .insert(unitGroupMembers)
    .values([communeA, communeB].map((unitId) => ({ groupId: group!.id, unitId })));
  return {
    tag,
    root,
    monitor,
    issuer,
    ubnd,
    hdnd,
    communeA,
    communeB,
    group: group!.id,
    admin: await makeMember(monitor, "admin", "Lan"),
    officialA: await makeMember(communeA, "member", "Khoa"),
    officialUbnd: await makeMember(ubnd, "member", "Mai"),
  };
}
