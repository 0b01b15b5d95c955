import { isApiProblem } from '../../api/problem';
import type { SessionPack, SessionPackItem, SessionPackStatus } from './packQueries';

export const PACK_STATUS_COLORS: Record<SessionPackStatus, string> = {
  ACTIVE: 'green',
  FROZEN: 'blue',
  EXPIRED: 'orange',
  REFUNDED: 'red',
  USED_UP: 'default',
};

/** One item of a pack that a session can be taken from now. */
export interface PackSession {
  pack: SessionPack;
  item: SessionPackItem;
}

/** The items with sessions left of her active packs, pack by pack as served. */
export function redeemableSessions(packs: SessionPack[]): PackSession[] {
  return packs.filter((p) => p.status === 'ACTIVE').flatMap((pack) => pack.items.filter((i) => i.remaining > 0).map((item) => ({ pack, item })));
}

/** The item's minimum interval since its last session has not passed yet. */
export function intervalRunning(item: Pick<SessionPackItem, 'nextDueAt'>, now = new Date()): boolean {
  return item.nextDueAt != null && now < new Date(item.nextDueAt);
}

export type Refusal = 'frozen' | 'refunded' | 'expired' | 'usedUp' | 'clinic' | 'interval';

/**
 * Why the server refused a redemption (409/422), read from the pack as it is after the refusal: the problem's
 * `detail` is an English sentence without a code, so the pack's own figures say which rule it was. Null when
 * they do not tell (the server's words are shown as sent).
 */
export function refusalOf(error: unknown, pack: SessionPack, item: SessionPackItem, visitClinicId: string, now = new Date()): Refusal | null {
  if (!isApiProblem(error) || (error.status !== 409 && error.status !== 422)) return null;
  if (pack.status === 'FROZEN') return 'frozen';
  if (pack.status === 'REFUNDED') return 'refunded';
  if (pack.status === 'EXPIRED' || now >= new Date(pack.expiresAt)) return 'expired';
  if (item.remaining === 0) return 'usedUp';
  if (!pack.allClinics && !pack.clinicIds.includes(visitClinicId)) return 'clinic';
  if (intervalRunning(item, now)) return 'interval';
  return null;
}
