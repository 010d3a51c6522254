import type { TestProject } from "vitest/node";
import { startFakeBotApi } from "../scripts/fake-telegram/server";
import { startFakeZaloApi } from "../scripts/fake-zalo/server";
import { ZALO_TEST_TOKEN } from "./support/zalo-constants";

declare module "vitest" {
  export interface ProvidedContext {
    fakeTelegramUrl: string;
    fakeZaloUrl: string;
  }
}

/** One fake Bot API for the whole run, on a free port; the worker under test sends to it. */
export default async function setup(project: TestProject) {
  // Rate limits off here: bot tests send several replies to one chat in a second. Tests of pacing and 429 use their own fake.
  const fake = await startFakeBotApi({ port: 0, rateLimit: false });
  project.provide("fakeTelegramUrl", fake.url);
  const fakeZalo = await startFakeZaloApi({ port: 0, rateLimit: false, token: ZALO_TEST_TOKEN });
  project.provide("fakeZaloUrl", fakeZalo.url);
  return async () => {
    await fake.close();
    await fakeZalo.close();
  };
}
