import type { components } from '../../api/schema';

export type CustomerMembership = components['schemas']['CustomerMembership'];
export type MembershipProgram = components['schemas']['MembershipProgram'];
export type MembershipProgramInput = components['schemas']['MembershipProgramInput'];
export type MembershipPreview = components['schemas']['MembershipPreview'];
export type MembershipJob = NonNullable<components['schemas']['MembershipJob']>;
export type MembershipBasis = components['schemas']['MembershipBasis'];
export type MembershipReviewRule = components['schemas']['MembershipReviewRule'];
export type PerkCode = components['schemas']['MembershipPerkCode'];
export type TierChange = components['schemas']['TierChange'];

export const BASES: MembershipBasis[] = ['LIFETIME', 'ROLLING_12_MONTHS', 'MEMBER_YEAR'];
export const REVIEW_RULES: MembershipReviewRule[] = ['AT_MEMBER_YEAR_END', 'MONTHLY', 'NEVER'];
export const PERK_CODES: PerkCode[] = ['PRIORITY_BOOKING', 'COMPANION_DISCOUNT', 'PICKUP', 'EXCLUSIVE_CONSULTATION_GROUP', 'BIRTHDAY_GIFT', 'OTHER'];

/**
 * Progress toward the next tier: her qualifying spend against its threshold, in whole percent (rounded
 * down, so 100 only once reached), and what is still needed as the server computed it. Null at the top tier.
 */
export function tierProgress(m: Pick<CustomerMembership, 'qualifyingSpend' | 'nextTier'>): { percent: number; remaining: number } | null {
  if (!m.nextTier) return null;
  const threshold = m.nextTier.threshold.amount;
  const percent = threshold <= 0 ? 100 : Math.min(100, Math.floor((m.qualifyingSpend.amount * 100) / threshold));
  return { percent, remaining: m.nextTier.remaining.amount };
}

/** A job still working: poll it until it is DONE or FAILED. */
export function isRunning(job: Pick<MembershipJob, 'status'> | null | undefined): boolean {
  return job?.status === 'QUEUED' || job?.status === 'RUNNING';
}
