import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { openTask, postZalo, zaloDriver, zaloEvent } from "../support/chat-driver";
import { makeCommittee } from "../support/fixtures";

/**
 * Issue 18, item 8: the URL in a Zalo photo event is fetched only from
 * Zalo's file hosts (here, the local fake, named in ZALO_PHOTO_HOSTS by the
 * tests), and what is kept must be a real image, stored with its own type.
 */
async function inReportFlow() {
  const c = await makeCommittee();
  await zaloDriver.link(c.memberA);
  await openTask(zaloDriver, c.memberA, c.tasksA.dueSoon.title);
  await zaloDriver.press(c.memberA, "📝 Báo cáo tiến độ");
  await zaloDriver.press(c.memberA, "50%");
  await zaloDriver.say(c.memberA, "Đã họp triển khai");
  return c;
}

const kept = async (memberId: number) => (await env.FILES!.list({ prefix: `evidence/zalo/${memberId}/` })).objects;

async function sendPhoto(user: Parameters<typeof zaloEvent>[0], url: string) {
  const event = zaloEvent(user, "image");
  (event.message as Record<string, unknown>).photo_url = url;
  await postZalo(event);
}

describe("a photo sent on Zalo", () => {
  it("from the allowed host, a JPEG: kept with its type", async () => {
    const c = await inReportFlow();
    await sendPhoto(c.memberA, `${inject("fakeZaloUrl")}/__fake/photos/bien-ban.jpg`);
    expect(await zaloDriver.last(c.memberA)).toContain("(1/5)");
    const objects = await kept(c.memberA.memberId);
    expect(objects).toHaveLength(1);
    const object = await env.FILES!.head(objects[0]!.key);
    expect(object!.httpMetadata?.contentType).toBe("image/jpeg");
  });

  it("from loopback under another name: not fetched, nothing kept", async () => {
    const c = await inReportFlow();
    const port = new URL(inject("fakeZaloUrl")).port;
    await sendPhoto(c.memberA, `http://localhost:${port}/__fake/photos/bien-ban.jpg`);
    expect(await zaloDriver.last(c.memberA)).toContain("Không tải được ảnh");
    expect(await kept(c.memberA.memberId)).toHaveLength(0);
  });

  it("an SVG with a script, from the allowed host: refused, nothing kept", async () => {
    const c = await inReportFlow();
    await sendPhoto(c.memberA, `${inject("fakeZaloUrl")}/__fake/photos/bien-ban.svg`);
    expect(await zaloDriver.last(c.memberA)).toContain("Không tải được ảnh");
    expect(await kept(c.memberA.memberId)).toHaveLength(0);
  });
});
