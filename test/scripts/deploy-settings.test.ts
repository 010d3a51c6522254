import { describe, expect, it } from "vitest";
import { botIdentityProblem, botUsernameFromToml, deploySettingsProblems } from "../../scripts/lib/deploy-settings";

const TOKEN = "7012345678:AAHk2xYz_abcdefghijklmnopqrstuv-0123";
const SECRET = "k3J9-x_Qm2Vb8nLr4Tz7Yw1Hc6Pf0Sd5Ga";
const BOT = "ubnd_yendung_kehoach_bot";

describe("deploySettingsProblems: weak or demo values are refused before deploying", () => {
  it.each([
    ["real values", { token: TOKEN, secret: SECRET, botUsername: BOT }, null],
    ["no token", { token: undefined, secret: SECRET, botUsername: BOT }, "Chưa đặt TELEGRAM_BOT_TOKEN"],
    ["the local demo token", { token: "123456789:LOCAL-DEMO-TOKEN", secret: SECRET, botUsername: BOT }, "token demo"],
    ["the tests' token", { token: "123456789:TEST-TOKEN", secret: SECRET, botUsername: BOT }, "token demo"],
    ["a token of the wrong shape", { token: "abc", secret: SECRET, botUsername: BOT }, "không đúng dạng token"],
    ["no secret", { token: TOKEN, secret: "", botUsername: BOT }, "Chưa đặt TELEGRAM_WEBHOOK_SECRET"],
    ["the demo secret", { token: TOKEN, secret: "local-dev-secret", botUsername: BOT }, "giá trị demo"],
    ["the tests' secret", { token: TOKEN, secret: "test-webhook-secret", botUsername: BOT }, "giá trị demo"],
    ["a one-character secret", { token: TOKEN, secret: "x", botUsername: BOT }, "quá ngắn"],
    ["a 31-character secret", { token: TOKEN, secret: "a".repeat(31), botUsername: BOT }, "quá ngắn"],
    ["a secret Telegram would reject", { token: TOKEN, secret: `${"a".repeat(32)} !`, botUsername: BOT }, "chỉ được gồm"],
    ["the demo bot name", { token: TOKEN, secret: SECRET, botUsername: "kehoach_demo_bot" }, "tên bot demo"],
    ["no bot name", { token: TOKEN, secret: SECRET, botUsername: undefined }, "Chưa đặt BOT_USERNAME"],
    ["a bot name with @", { token: TOKEN, secret: SECRET, botUsername: "@ubnd_bot" }, "không đúng dạng tên bot"],
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
    ).toHaveLength(3);
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
