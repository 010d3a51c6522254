import { describe, expect, it } from "vitest";
import { parsePhotoHosts, photoUrlAllowed, sniffPhoto } from "../../core/files/remote-photo";

describe("which photo URLs from Zalo are fetched (issue 18, item 8)", () => {
  const deployed = parsePhotoHosts(undefined, false);
  const local = parsePhotoHosts("http://127.0.0.1:8791", true);
  it.each([
    ["https on a Zalo file host", "https://f21-zpc.zdn.vn/jpg/123/abc.jpg", deployed, true],
    ["https on another Zalo host", "https://s120-ava-talk.zadn.vn/a/b.jpg", deployed, true],
    ["http on a Zalo file host", "http://f21-zpc.zdn.vn/jpg/abc.jpg", deployed, false],
    ["a host that only ends like Zalo's", "https://evilzdn.vn/a.jpg", deployed, false],
    ["Zalo's name inside another domain", "https://zdn.vn.evil.example/a.jpg", deployed, false],
    ["another site", "https://example.com/a.jpg", deployed, false],
    ["loopback by IP", "https://127.0.0.1/a.jpg", deployed, false],
    ["loopback by name", "https://localhost/a.jpg", deployed, false],
    ["a private address", "https://10.0.0.5/a.jpg", deployed, false],
    ["link-local (cloud metadata)", "https://169.254.169.254/latest/meta-data", deployed, false],
    ["an IPv6 literal", "https://[::1]/a.jpg", deployed, false],
    ["a decimal IP", "https://2130706433/a.jpg", deployed, false],
    ["a non-default port", "https://f21-zpc.zdn.vn:8443/a.jpg", deployed, false],
    ["credentials in the URL", "https://user:pw@f21-zpc.zdn.vn/a.jpg", deployed, false],
    ["not a URL", "javascript:alert(1)", deployed, false],
    ["the local fake, named by origin, in a local run", "http://127.0.0.1:8791/__fake/photos/a.jpg", local, true],
    ["another port in a local run", "http://127.0.0.1:8792/a.jpg", local, false],
    [
      "the fake's origin in a deployed Worker",
      "http://127.0.0.1:8791/__fake/photos/a.jpg",
      parsePhotoHosts("http://127.0.0.1:8791", false),
      false,
    ],
  ] as const)("%s", (_what, url, hosts, allowed) => {
    expect(photoUrlAllowed(url, hosts)).toBe(allowed);
  });
});

describe("the type kept is the one the bytes say", () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  const text = (s: string) => new TextEncoder().encode(s);
  it.each([
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16), "image/jpeg"],
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), "image/png"],
    ["GIF", text("GIF89a...."), "image/gif"],
    ["WebP", text("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "), "image/webp"],
    ["SVG with a script", text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), null],
    ["HTML", text("<!doctype html><html>"), null],
    ["nothing", bytes(), null],
  ] as const)("%s", (_what, input, mime) => {
    expect(sniffPhoto(input)?.mime ?? null).toBe(mime);
  });
});
