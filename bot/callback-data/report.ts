/** Buttons that start the reporting flows from a task card or an alert. */
export const startReport = {
  build: (assignmentId: number) => `rp:${assignmentId}`,
  pattern: /^rp:(\d{1,10})$/,
};

export const startCompletion = {
  build: (assignmentId: number) => `done:${assignmentId}`,
  pattern: /^done:(\d{1,10})$/,
};

export const startExtension = {
  build: (assignmentId: number) => `ext:${assignmentId}`,
  pattern: /^ext:(\d{1,10})$/,
};

export const taskHistory = {
  build: (assignmentId: number) => `hist:${assignmentId}`,
  pattern: /^hist:(\d{1,10})$/,
};

export const taskFullText = {
  build: (assignmentId: number) => `full:${assignmentId}`,
  pattern: /^full:(\d{1,10})$/,
};

/** Check-in for the current period of a recurring duty. */
export const startCheckin = {
  build: (assignmentId: number) => `ci:${assignmentId}`,
  pattern: /^ci:(\d{1,10})$/,
};

/** Opens one evidence file of a report (sent back by its Telegram file_id). */
export const openEvidence = {
  build: (reportId: number, index: number) => `ev:${reportId}:${index}`,
  pattern: /^ev:(\d{1,10}):(\d)$/,
};

/** Admins set how often a recurring duty checks in. */
export const checkinCadenceMenu = {
  build: (assignmentId: number) => `cad:${assignmentId}`,
  pattern: /^cad:(\d{1,10})$/,
};

export const checkinCadenceSet = {
  build: (assignmentId: number, every: "monthly" | "quarterly" | "semiannual" | "yearly") => `cad:${assignmentId}:${every}`,
  pattern: /^cad:(\d{1,10}):(monthly|quarterly|semiannual|yearly)$/,
};
