import type { ApiClient } from '../../api/client';
import { dataOf } from '../../api/client';
import type { Customer } from '../../api/queries';
import type { components } from '../../api/schema';

export type CustomerStatus = components['schemas']['CustomerStatus'];
export type CustomerSource = components['schemas']['CustomerSource'];
export type Gender = components['schemas']['Gender'];
export type IncomeBand = components['schemas']['IncomeBand'];

export const CUSTOMER_STATUSES: CustomerStatus[] = ['LEAD', 'VISITED_NOT_CONVERTED', 'ACTIVE', 'AT_RISK', 'CHURNED'];
export const CUSTOMER_SOURCES: CustomerSource[] = ['WALK_IN', 'REFERRAL', 'ADVERTISING', 'ONLINE_PLATFORM', 'EVENT', 'OTHER'];
export const GENDERS: Gender[] = ['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED'];
export const INCOME_BANDS: IncomeBand[] = ['UNDER_100K', 'FROM_100K_TO_300K', 'FROM_300K_TO_1M', 'OVER_1M'];

/** The digits of a search that is a phone number (digits, spaces, dashes, +), else null: the server's rule. */
function phoneDigits(q: string): string | null {
  return /^[\d\s+-]+$/.test(q) ? q.replace(/\D/g, '') : null;
}

/** A phone search the server would refuse (400): it needs at least 4 digits. */
export function tooFewDigits(q: string): boolean {
  const digits = phoneDigits(q);
  return digits !== null && digits.length < 4;
}

/** A phone number spelled the way the server stores it: 13800138000 for "+86 138-0013-8000". */
function normalizePhone(raw: string): string {
  const phone = raw.replace(/[\s\-().]/g, '');
  if (phone.startsWith('+86')) return phone.slice(3);
  if (phone.startsWith('0086')) return phone.slice(4);
  return phone;
}

/** What the server accepts once normalised: a mainland mobile or landline, or an international number with +. */
export function isValidPhone(raw: string): boolean {
  return /^(1[3-9]\d{9}|0\d{9,11}|\+[1-9]\d{6,14})$/.test(normalizePhone(raw));
}

/**
 * Who already has this phone number, after a 409 on registration. The problem names her only in its
 * English `detail`, so she is looked up by the number instead (an exact match, or nobody).
 */
export async function findPhoneHolder(api: ApiClient, phone: string): Promise<Customer | null> {
  const normalized = normalizePhone(phone);
  const page = await dataOf(api.GET('/api/v1/customers', { params: { query: { q: normalized, limit: 5 } } }));
  return page.items.find((c) => c.phone === normalized) ?? null;
}
