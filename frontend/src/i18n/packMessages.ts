/**
 * The strings of session packs (次卡/疗程卡): templates, the packs customers hold, redemption at a visit, and
 * their liabilities, in both languages; spread into the catalogue in messages.ts. en-US is typed against zh-CN,
 * so a missing translation is a type error.
 */
export const packZh = {
  'timeline.kind.REDEMPTION': '疗程核销',
  'redemptionStatus.REDEEMED': '已核销',
  'redemptionStatus.REVERSED': '已撤销',
  'audit.entity.pack-template': '疗程卡模板',
  'audit.entity.session-pack': '疗程卡',
} as const;

export const packEn: Record<keyof typeof packZh, string> = {
  'timeline.kind.REDEMPTION': 'Pack session',
  'redemptionStatus.REDEEMED': 'Redeemed',
  'redemptionStatus.REVERSED': 'Reversed',
  'audit.entity.pack-template': 'Pack template',
  'audit.entity.session-pack': 'Session pack',
};
