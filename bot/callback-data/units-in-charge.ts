/** /phutrach: a committee member's units (paged), and adding or removing one. */
export const inChargeMember = {
  build: (memberId: number, page = 0) => `pt:m:${memberId}:${page}`,
  pattern: /^pt:m:(\d{1,10}):(\d{1,4})$/,
};

export const inChargeToggle = {
  build: (memberId: number, unitId: number, page: number) => `pt:t:${memberId}:${unitId}:${page}`,
  pattern: /^pt:t:(\d{1,10}):(\d{1,10}):(\d{1,4})$/,
};
