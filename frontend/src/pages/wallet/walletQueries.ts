import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { dataOf, unwrap } from '../../api/client';
import { fetchAll, keys } from '../../api/queries';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/I18nProvider';

type Schemas = components['schemas'];
export type StoredValueAccount = Schemas['StoredValueAccount'];
export type StoredValueLot = Schemas['StoredValueLot'];
export type StoredValueEntry = Schemas['StoredValueEntry'];
export type StoredValuePlan = Schemas['StoredValuePlan'];
export type StoredValueRules = Schemas['StoredValueRules'];
export type StoredValueRefundQuote = Schemas['StoredValueRefundQuote'];
export type StoredValueRefundQuoteLot = Schemas['StoredValueRefundQuoteLot'];
export type ExternalTenderMethod = Schemas['ExternalTenderMethod'];
export type StoredValueTenderInput = Schemas['StoredValueTenderInput'];
export type StoredValueDebitOrder = Schemas['StoredValueDebitOrder'];
export type StoredValueTopUpResult = Schemas['StoredValueTopUpResult'];
export type StoredValueRefundResult = Schemas['StoredValueRefundResult'];

/** Query keys of stored value; every read starts with `all`, so a money-moving write refreshes them together. */
export const walletKeys = {
  all: ['stored-value'] as const,
  account: (customerId: string) => ['stored-value', 'account', customerId] as const,
  entries: (accountId: string) => ['stored-value', 'entries', accountId] as const,
  quote: (accountId: string) => ['stored-value', 'quote', accountId] as const,
  plans: ['stored-value', 'plans'] as const,
  plan: (planId: string) => ['stored-value', 'plans', 'one', planId] as const,
  rules: ['stored-value', 'rules'] as const,
};

/** What a top-up, refund, transfer, reactivation or adjustment changes: her account, its ledger, and the audit log. */
export const WALLET_WRITES = [walletKeys.all, keys.audit];

/** The customer's one stored-value account, or null before her first top-up. */
export function useCustomerAccount(customerId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: walletKeys.account(customerId ?? ''),
    enabled: !!customerId,
    queryFn: async (): Promise<StoredValueAccount | null> => {
      const page = await dataOf(api.GET('/api/v1/stored-value/accounts', { params: { query: { customerId: customerId!, limit: 1 } } }));
      return page.items[0] ?? null;
    },
  });
}

/** Every plan of the chain (for the names of lots and the top-up's choice); `active`/`clinicId` narrow it. */
export function useStoredValuePlans({ active, clinicId, enabled = true }: { active?: boolean; clinicId?: string; enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({
    queryKey: [...walletKeys.plans, 'all', { active, clinicId }],
    enabled,
    queryFn: () =>
      fetchAll((cursor, limit) => dataOf(api.GET('/api/v1/stored-value/plans', { params: { query: { cursor, limit, active, clinicId } } }))),
  });
}

/** The chain's stored-value rules, with the ETag of the read (for the rules editor's If-Match). */
export function useStoredValueRules() {
  const api = useApi();
  return useQuery({ queryKey: walletKeys.rules, queryFn: () => unwrap(api.GET('/api/v1/stored-value/rules')) });
}

/** What a lot is called: its plan's name, or how it came in (an opening balance, a transfer, an adjustment). */
export function useLotNames() {
  const { t } = useI18n();
  const plans = useStoredValuePlans();
  return (lot: Pick<StoredValueLot, 'planId' | 'source'>): string => {
    const plan = plans.data?.items.find((p) => p.id === lot.planId);
    if (plan) return plan.name;
    return lot.planId && plans.isPending ? '…' : t(`lotSource.${lot.source}`);
  };
}
