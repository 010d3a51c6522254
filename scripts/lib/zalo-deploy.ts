/**
 * After `wrangler deploy`: points the Zalo bot's webhook at the Worker, with
 * its secret, when ZALO_BOT_TOKEN is configured. The webhook must be on a
 * custom domain with Cloudflare's Browser Integrity Check off: the check has
 * been seen blocking Zalo's webhook client (User-Agent "Java/…") on
 * workers.dev.
 */
import { ZaloApi, ZALO_API_ROOT } from "../../services/zalo/client";

export async function setZaloWebhook(env: NodeJS.ProcessEnv, workerUrl: string): Promise<void> {
  const token = env.ZALO_BOT_TOKEN;
  if (!token) {
    console.log("Zalo: bỏ qua (chưa đặt ZALO_BOT_TOKEN).");
    return;
  }
  const secret = env.ZALO_WEBHOOK_SECRET;
  if (!secret || secret.length < 32)
    throw new Error("ZALO_WEBHOOK_SECRET: cần ít nhất 32 ký tự A-Z a-z 0-9 _ - (giống secret đã đặt bằng wrangler secret put).");
  const url = (env.ZALO_WEBHOOK_URL ?? `${workerUrl}/zalo/webhook`).replace(/\/+$/, "");
  if (/\.workers\.dev\//.test(`${url}/`)) {
    console.warn(
      "Zalo: webhook trên workers.dev có thể bị Browser Integrity Check chặn. Nên dùng tên miền riêng (ZALO_WEBHOOK_URL=https://bot.ten-mien.vn/zalo/webhook) và tắt kiểm tra đó.",
    );
  }
  const api = new ZaloApi({ token, apiRoot: env.ZALO_API_ROOT ?? ZALO_API_ROOT });
  const me = await api.getMe();
  await api.setWebhook(url, secret);
  console.log(`Zalo: webhook của bot ${String(me.account_name ?? me.id)} → ${url}`);
}
