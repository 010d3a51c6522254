/**
 * The PDF benchmark's worker: reads the plan file posted to it with the app's own
 * readPlanFile, in workerd, and answers what came of it. `?name=` is the file's name.
 */
import { readPlanFile } from "../../core/plan-import/source-file";

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== "POST") return new Response("ok");
    const name = new URL(request.url).searchParams.get("name") ?? "ke-hoach.pdf";
    const bytes = new Uint8Array(await request.arrayBuffer());
    const source = await readPlanFile({ name, mime: null, size: bytes.length }, bytes);
    return Response.json(source.ok ? { ok: true, chars: source.text.length } : { ok: false, reason: source.reason });
  },
};
