/**
 * Documents kept in Markdown repositories come wrapped: YAML front matter, a generated
 * summary, then the document itself inside a code fence (```text … ```). The front matter
 * is dropped; when one fence holds most of the text, the fence is the document.
 */
export function unwrapMarkdown(text: string): string {
  let body = text;
  if (/^---[ \t]*\n/.test(body)) {
    const end = body.indexOf("\n---", 4);
    if (end > 0) body = body.slice(body.indexOf("\n", end + 1) + 1 || body.length);
  }
  const fence = /^(`{3,}|~{3,})[\w-]*[ \t]*\n([\s\S]*?)\n\1[ \t]*$/m.exec(body);
  if (fence?.[2] && fence[2].length > body.length / 2) return fence[2];
  return body;
}
