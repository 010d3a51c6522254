/**
 * A worker that only reads a .docx (core/docx, as the bot does with a plan
 * file), for measuring in workerd itself what a hostile file costs
 * (scripts/bench/docx-workerd.ts): POST the bytes, get the outcome.
 */
import { readDocx } from "../../core/docx";

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== "POST") return new Response("ok");
    const result = await readDocx(new Uint8Array(await request.arrayBuffer()));
    return Response.json(result.ok ? { ok: true, chars: result.text.length } : result);
  },
};
