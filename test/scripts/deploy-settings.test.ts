import { describe, expect, it } from "vitest";
import { botIdentityProblem, botUsernameFromToml, deploySettingsProblems } from "../../scripts/lib/deploy-settings";

const TOKEN = "7012345678:AAHk2xYz_abcdefghijklmnopqrstuv-0123";
const SECRET = "k3J9-x_Qm2Vb8nLr4Tz7Yw1Hc6Pf0Sd5Ga";
const BOT = "ubnd_yendung_kehoach_bot";
const LINK = "Lk7-Qz3_Vb9nMr2Tx8Yw4Hc1Pf6Sd0Ga5J";
const ZALO_TOKEN = "12345689:abcdefghijklmnopqrstuvwxyz";
const ZALO_SECRET = "Zs4_Kp8-Wq1Xn5Rt9Ym3Hb7Jc2Lf6Dg0Va";

describe("deploySettingsProblems: weak or demo values are refused before deploying", () => {
  it.each([
    ["real values", { token: TOKEN, secret: SECRET, botUsername: BOT, linkSecret: LINK }, null],
    [
      "real values with Zalo",
      { token: TOKEN, secret: SECRET, botUsername: BOT, linkSecret: LINK, zaloToken: ZALO_TOKEN, zaloSecret: ZALO_SECRET },
      null,
    ],
    ["no LINK_SECRET", { token: TOKEN, secret: SECRET, botUsername: BOT }, "Chưa đặt LINK_SECRET"],
    [
      "a short LINK_SECRET",
      { token: TOKEN, secret: SECRET, botUsername: BOT, linkSecret: "x".repeat(31) },
      "LINK_SECRET quá ngắn",
    ],
    ["LINK_SECRET = the webhook's secret", { token: TOKEN, secret: SECRET, botUsername: BOT, linkSecret: SECRET }, "phải khác"],
    [
      "LINK_SECRET = Zalo's secret",
      { token: TOKEN, secret: SECRET, botUsername: BOT, linkSecret: ZALO_SECRET, zaloToken: ZALO_TOKEN, zaloSecret: ZALO_SECRET },
      "phải khác",
    ],
    [
      "Zalo without its secret",
      { token: TOKEN, secret: SECRET, botUsername: BOT, linkSecret: LINK, zaloToken: ZALO_TOKEN },
      "Chưa đặt ZALO_WEBHOOK_SECRET",
    ],
    [
      "Zalo's demo secret",
      {
        token: TOKEN,
        secret: SECRET,
        botUsername: BOT,
        linkSecret: LINK,
        zaloToken: ZALO_TOKEN,
        zaloSecret: "local-zalo-secret",
      },
      "ZALO_WEBHOOK_SECRET đang là giá trị demo",
    ],
    [
      "a short Zalo secret",
      { token: TOKEN, secret: SECRET, botUsername: BOT, linkSecret: LINK, zaloToken: ZALO_TOKEN, zaloSecret: "abc" },
      "ZALO_WEBHOOK_SECRET quá ngắn",
    ],
    [
      "Zalo's demo token",
      {
        token: TOKEN,
        secret: SECRET,
        botUsername: BOT,
        linkSecret: LINK,
        zaloToken: "local-zalo-demo-token",
        zaloSecret: ZALO_SECRET,
      },
      "ZALO_BOT_TOKEN đang là token demo",
    ],
    ["no token", { token: undefined, secret: SECRET, botUsername: BOT, linkSecret: LINK }, "Chưa đặt TELEGRAM_BOT_TOKEN"],
    [
      "the local demo token",
      { token: "123456789:LOCAL-DEMO-TOKEN", secret: SECRET, botUsername: BOT, linkSecret: LINK },
      "token demo",
    ],
    ["the tests' token", { token: "123456789:TEST-TOKEN", secret: SECRET, botUsername: BOT, linkSecret: LINK }, "token demo"],
    ["a token of the wrong shape", { token: "abc", secret: SECRET, botUsername: BOT, linkSecret: LINK }, "không đúng dạng token"],
    ["no secret", { token: TOKEN, secret: "", botUsername: BOT, linkSecret: LINK }, "Chưa đặt TELEGRAM_WEBHOOK_SECRET"],
    ["the demo secret", { token: TOKEN, secret: "local-dev-secret", botUsername: BOT, linkSecret: LINK }, "giá trị demo"],
    ["the tests' secret", { token: TOKEN, secret: "test-webhook-secret", botUsername: BOT, linkSecret: LINK }, "giá trị demo"],
    ["a one-character secret", { token: TOKEN, secret: "x", botUsername: BOT, linkSecret: LINK }, "quá ngắn"],
    ["a 31-character secret", { token: TOKEN, secret: "a".repeat(31), botUsername: BOT, linkSecret: LINK }, "quá ngắn"],
    ["a secret Telegram would reject", { token: TOKEN, secret: `${"a".repeat(32)} !`, botUsername: BOT }, "chỉ được gồm"],
    ["the demo bot name", { token: TOKEN, secret: SECRET, botUsername: "kehoach_demo_bot", linkSecret: LINK }, "tên bot demo"],
    ["no bot name", { token: TOKEN, secret: SECRET, botUsername: undefined, linkSecret: LINK }, "Chưa đặt BOT_USERNAME"],
    [
      "a bot name with @",
      { token: TOKEN, secret: SECRET, botUsername: "@ubnd_bot", linkSecret: LINK },
      "không đúng dạng tên bot",
    ],
  ] as const)("%s", (_what, settings, problem) => {
    const problems = deploySettingsProblems(settings);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join("\n")).toContain(problem);
  });

  it("lists every problem at once", () => {
    expect(
      deploySettingsProblems({
        token: "123456789:LOCAL-DEMO-TOKEN",
        secret: "local-dev-secret",
        botUsername: "kehoach_demo_bot",
      }),
    ).toHaveLength(4);
  });
});

describe("botIdentityProblem: getMe must name the configured bot", () => {
  it.each([
    ["the same bot", BOT, { username: BOT }, null],
    ["case differs", "UBND_YenDung_KeHoach_bot", { username: BOT }, null],
    ["another bot", BOT, { username: "kehoach_demo_bot" }, "Token thuộc về bot @kehoach_demo_bot"],
    ["getMe failed", BOT, null, "getMe"],
  ] as const)("%s", (_what, configured, me, problem) => {
    const found = botIdentityProblem(configured, me);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it("reads BOT_USERNAME from wrangler.toml's [vars] only", () => {
    const toml = '[vars]\nTELEGRAM_API_ROOT = "x"\nBOT_USERNAME = "abc_bot"\n\n[env.staging.vars]\nBOT_USERNAME = "other_bot"\n';
    expect(botUsernameFromToml(toml)).toBe("abc_bot");
    expect(botUsernameFromToml("name = 'x'")).toBeUndefined();
  });
});
