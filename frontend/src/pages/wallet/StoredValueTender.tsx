import { Spin, Typography } from 'antd';
import type { components } from '../../api/schema';
import { formatMoney } from '../../components/money';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { spendableAt } from './walletFigures';
import { useCustomerAccount } from './walletQueries';

type Tender = Pick<components['schemas']['OrderTender'], 'storedValuePrincipal' | 'storedValueBonus'>;

/**
 * Her stored value at the till: what the account can pay at the order's clinic (only the lots usable there), and
 * whether a stored-value tender can be offered at all (an account with value here; a frozen one is shown, and
 * refused, so the desk sees why).
 */
export function useStoredValueTender(customerId: string | undefined, clinicId: string | undefined) {
  const account = useCustomerAccount(customerId);
  const a = account.data ?? null;
  const here = a && clinicId ? spendableAt(a, clinicId) : null;
  return {
    account: a,
    here,
    frozen: a?.status === 'FROZEN',
    offered: !!a && a.status !== 'CLOSED' && (here?.total.amount ?? 0) > 0,
  };
}

export type StoredValueTender = ReturnType<typeof useStoredValueTender>;

/** Whether `paying` from stored value can go through: not frozen, and no more than she can spend here. */
export function storedValueRefusal(sv: StoredValueTender, paying: number): 'frozen' | 'short' | null {
  if (paying === 0) return null;
  if (sv.frozen) return 'frozen';
  return sv.here && paying > sv.here.total.amount ? 'short' : null;
}

/** Under the stored-value tender: what she can spend here (and the account's whole balance when that differs). */
export function StoredValueTenderHint({ sv, paying }: { sv: StoredValueTender; paying: number }) {
  const { t, locale } = useI18n();
  if (!sv.account || !sv.here) return <Spin size="small" />;
  const refusal = storedValueRefusal(sv, paying);
  const figures = {
    amount: formatMoney(sv.here.total, locale),
    principal: formatMoney({ amount: sv.here.principal, currency: sv.here.total.currency }, locale),
    bonus: formatMoney({ amount: sv.here.bonus, currency: sv.here.total.currency }, locale),
    total: formatMoney(sv.account.balance, locale),
  };
  return (
    <Typography.Paragraph type={refusal ? 'danger' : 'secondary'} data-testid="pos-sv-balance" style={{ marginTop: -16 }}>
      {t(sv.here.total.amount === sv.account.balance.amount ? 'pos.sv.balance' : 'pos.sv.balanceHere', figures)}
      {refusal && ` · ${t(refusal === 'frozen' ? 'pos.sv.frozen' : 'pos.sv.short')}`}
    </Typography.Paragraph>
  );
}

/** A stored-value tender's principal and bonus parts (what it took, or gave back), as " (本金 ¥a · 赠送 ¥b)"; else "". */
export function storedValueSplitText(tender: Tender, t: Translate, locale: string): string {
  if (!tender.storedValuePrincipal || !tender.storedValueBonus) return '';
  return ` (${t('receipt.sv.split', { principal: formatMoney(tender.storedValuePrincipal, locale), bonus: formatMoney(tender.storedValueBonus, locale) })})`;
}

export function StoredValueSplit({ tender }: { tender: Tender }) {
  const { t, locale } = useI18n();
  const text = storedValueSplitText(tender, t, locale);
  return text ? <span data-testid="sv-split">{text}</span> : null;
}
