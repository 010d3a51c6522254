/** Buttons inside a running flow carry its token; a button of an older flow no longer matches. */
export const flowCancel = {
  build: (token: string) => `fx:${token}`,
  pattern: /^fx:([A-Za-z0-9_-]{8})$/,
};

/** 0–100 only: a forged "p999" matches nothing (the handler and submitReport check again). */
export const reportPercent = {
  build: (token: string, percent: number) => `rf:${token}:p${percent}`,
  pattern: /^rf:([A-Za-z0-9_-]{8}):p(100|[1-9]?\d)$/,
};

/** A progress lower than the last report, confirmed. */
export const reportPercentLower = {
  build: (token: string, percent: number) => `rf:${token}:l${percent}`,
  pattern: /^rf:([A-Za-z0-9_-]{8}):l(100|[1-9]?\d)$/,
};

export const reportSend = {
  build: (token: string) => `rf:${token}:send`,
  pattern: /^rf:([A-Za-z0-9_-]{8}):send$/,
};

export const reviewConfirm = {
  build: (reportId: number) => `cfm:${reportId}`,
  pattern: /^cfm:(\d{1,10})$/,
};

export const reviewReturn = {
  build: (reportId: number) => `ret:${reportId}`,
  pattern: /^ret:(\d{1,10})$/,
};

export const extensionApprove = {
  build: (requestId: number) => `exa:${requestId}`,
  pattern: /^exa:(\d{1,10})$/,
};

export const extensionRefuse = {
  build: (requestId: number) => `exr:${requestId}`,
  pattern: /^exr:(\d{1,10})$/,
};
