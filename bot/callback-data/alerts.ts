/** Buttons on alerts: mute one task's alerts for a while. */
export const MUTE_CHOICES = [7, 30] as const;

/** Shows the mute choices under the alert. */
export const muteMenu = {
  build: (assignmentId: number) => `am:${assignmentId}`,
  pattern: /^am:(\d{1,10})$/,
};

export const muteFor = {
  build: (assignmentId: number, days: (typeof MUTE_CHOICES)[number]) => `am:${assignmentId}:${days}`,
  pattern: new RegExp(`^am:(\\d{1,10}):(${MUTE_CHOICES.join("|")})$`),
};

/** Back to the alert's own buttons without muting. */
export const muteCancel = {
  build: (assignmentId: number) => `am:${assignmentId}:x`,
  pattern: /^am:(\d{1,10}):x$/,
};
