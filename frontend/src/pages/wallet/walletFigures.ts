import type { Money } from '../../api/queries';
import { formatMoney } from '../../components/money';
import type { Translate } from '../../i18n/I18nProvider';
import type { StoredValueAccount, StoredValueLot, StoredValuePlan } from './walletQueries';

/** Whether a live lot may be spent at the clinic (the plan's clinics, kept on the lot when it was sold). */
export function usableAt(lot: StoredValueLot, clinicId: string): boolean {
  return lot.status === 'LIVE' && (lot.allClinics || lot.clinicIds.includes(clinicId));
}

/**
 * What the account can pay at a clinic: the remaining principal and bonus of the live lots usable there, in
 * integer minor units. Equals the account's balance when every lot is spendable at every clinic.
 */
export function spendableAt(account: StoredValueAccount, clinicId: string): { principal: number; bonus: number; total: Money } {
  const here = account.lots.filter((l) => usableAt(l, clinicId));
  const principal = here.reduce((s, l) => s + l.principalRemaining.amount, 0);
  const bonus = here.reduce((s, l) => s + l.bonusRemaining.amount, 0);
  return { principal, bonus, total: { amount: principal + bonus, currency: account.balance.currency } };
}

/** Expired value (of an account, a lot or a quote) waiting for a reactivation, principal and bonus together. */
export function expiredValue(x: Pick<StoredValueAccount, 'expiredPrincipal' | 'expiredBonus'>): Money {
  return { amount: x.expiredPrincipal.amount + x.expiredBonus.amount, currency: x.expiredPrincipal.currency };
}

/** "充 ¥5,000.00 得 ¥10,000.00": what the customer pays and what she gets to spend. */
export function planTerms(plan: Pick<StoredValuePlan, 'price' | 'value'>, t: Translate, locale: string): string {
  return t('wallet.planTerms', { price: formatMoney(plan.price, locale), value: formatMoney(plan.value, locale) });
}

/** Whether the plan can be bought on `day` (YYYY-MM-DD in the chain's zone): active and inside its sale window. */
export function onSale(plan: StoredValuePlan, day: string): boolean {
  return plan.active && (!plan.availableFrom || plan.availableFrom <= day) && (!plan.availableUntil || day <= plan.availableUntil);
}

/** A signed change for people: +¥1,000.00, −¥500.00 (the amount's own sign; ¥0.00 unsigned). */
export function formatSigned(money: Money, locale: string): string {
  const text = formatMoney({ amount: Math.abs(money.amount), currency: money.currency }, locale);
  return money.amount > 0 ? `+${text}` : money.amount < 0 ? `−${text}` : text;
}
