/** @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";
import type { SessionMember } from "../db/queries/web-sessions";
import type { WebViewer } from "./env";
import { webTexts as t } from "./texts";

/** Members and leaders see their unit; the monitoring office (admins, viewers) sees the plan. */
export const isOffice = (viewer: SessionMember) => viewer.role === "admin" || viewer.role === "viewer";

const planName = (p: { number: string | null; title: string }) => (p.number ? `${p.number} · ${p.title}` : p.title);

/** Every office page: which plan it shows, and a way to another (no script: a GET form). */
function PlanPicker(props: { viewer: WebViewer }) {
  const plans = props.viewer.plans ?? [];
  if (plans.length === 0) return null;
  return (
    <form method="get" action="/web/ke-hoach" class="plan-picker">
      <label for="plan-pick">{t.nav.plan}</label>
      <select id="plan-pick" name="id">
        {plans.map((p) => (
          <option value={String(p.id)} selected={p.id === props.viewer.planId}>
            {planName(p)}
          </option>
        ))}
      </select>
      <button type="submit">{t.nav.open}</button>
    </form>
  );
}

export function Page(props: { title: string; viewer?: WebViewer | undefined; children?: Child }) {
  const v = props.viewer;
  const planId = v?.planId ?? null;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t.appName}`}</title>
        <link rel="stylesheet" href="/web/style.css" />
      </head>
      <body>
        <header>
          <a href="/web">{t.appName}</a>
          {v && (
            <>
              <div class="who">
                {v.fullName} · {v.unitName}
              </div>
              <nav>
                {isOffice(v) ? (
                  <>
                    <a href={planId ? `/web/ke-hoach/${planId}` : "/web"}>{t.nav.overview}</a>
                    <a href="/web/duyet">{t.nav.approvals}</a>
                    <a href="/web/can-bo">{t.nav.people}</a>
                    {v.role === "admin" && <a href="/web/nhap">{t.nav.import}</a>}
                    {planId && <a href={`/web/ke-hoach/${planId}/xuat`}>{t.nav.export}</a>}
                    <a href="/web/bao-cao">{t.nav.report}</a>
                  </>
                ) : (
                  <a href={`/web/don-vi/${v.unitId}`}>{t.nav.myUnit}</a>
                )}
                <form method="post" action="/web/dang-xuat">
                  <input type="hidden" name="_csrf" value={v.csrfToken} />
                  <button type="submit">{t.nav.logout}</button>
                </form>
              </nav>
              {isOffice(v) && <PlanPicker viewer={v} />}
            </>
          )}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/**
 * For an official who came by a signed link (no session needed): the way to
 * their unit's page, and how to sign in if that page asks.
 */
export function UnitWayIn(props: { unitId: number }) {
  return (
    <p class="muted way-in">
      <a href={`/web/don-vi/${props.unitId}`}>{t.wayIn.unitPage}</a> — {t.wayIn.howToLogin}
    </p>
  );
}

export function CsrfField(props: { viewer: SessionMember }) {
  return <input type="hidden" name="_csrf" value={props.viewer.csrfToken} />;
}

export function MessagePage(props: {
  title: string;
  message: string;
  viewer?: WebViewer | undefined;
  kind?: "error" | "ok" | "notice";
  /** What to do next, beside the way back. */
  after?: Child;
}) {
  return (
    <Page title={props.title} viewer={props.viewer}>
      <p class={props.kind ?? "error"}>{props.message}</p>
      {props.after}
      <p>
        <a href="/web">{t.errors.back}</a>
      </p>
    </Page>
  );
}
