import type { components } from '../api/schema';
import { FakeApi, json } from './fakeApi';
import { clinic, me } from './fixtures';

type Schemas = components['schemas'];
type Customer = Schemas['Customer'];
type Lot = Schemas['StoredValueLot'];
type Account = Schemas['StoredValueAccount'];
type Entry = Schemas['StoredValueEntry'];
type Plan = Schemas['StoredValuePlan'];
type QuoteLot = Schemas['StoredValueRefundQuoteLot'];
type Quote = Schemas['StoredValueRefundQuote'];

export const cny = (amount: number) => ({ amount, currency: 'CNY' });

/** Demo chain A's plan: pay 5,000, get 10,000 to spend. */
export function svPlan(n: number, overrides: Partial<Plan> = {}): Plan {
  const price = overrides.price ?? cny(500000);
  const value = overrides.value ?? cny(1000000);
  return {
    id: `01900000-0000-7000-8000-0000000f5${String(n).padStart(3, '0')}`,
    code: `SV-${n}`,
    name: '充5000得10000',
    description: null,
    price,
    value,
    bonus: cny(value.amount - price.amount),
    validityDays: 730,
    allClinics: true,
    clinicIds: [],
    availableFrom: null,
    availableUntil: null,
    active: true,
    createdAt: '2026-01-01T10:00:00+08:00',
    updatedAt: '2026-01-01T10:00:00+08:00',
    version: 1,
    ...overrides,
  };
}

/**
 * A live pro-rata lot: paid P, bonus B, consumed C, its buckets as the server keeps them (principal consumed
 * floor(C × P / (P + B))). The default is the domain's first worked example: pay 3,000, get 1,000 bonus, 2,000 spent.
 */
export function svLot(n: number, { principal = 300000, bonus = 100000, consumed = 200000, ...overrides }: Partial<Omit<Lot, 'principal' | 'bonus' | 'consumed'>> & { principal?: number; bonus?: number; consumed?: number } = {}): Lot {
  const principalConsumed = Math.floor((consumed * principal) / (principal + bonus));
  return {
    id: `01900000-0000-7000-8000-0000000f6${String(n).padStart(3, '0')}`,
    source: 'TOP_UP',
    status: 'LIVE',
    planId: svPlan(1).id,
    topUpId: null,
    principal: cny(principal),
    bonus: cny(bonus),
    total: cny(principal + bonus),
    consumed: cny(consumed),
    principalRemaining: cny(principal - principalConsumed),
    bonusRemaining: cny(bonus - (consumed - principalConsumed)),
    expiredPrincipal: cny(0),
    expiredBonus: cny(0),
    debitOrder: 'PRO_RATA',
    allClinics: true,
    clinicIds: [],
    soldAtClinicId: clinic(1).id,
    toppedUpAt: `2026-${String(n).padStart(2, '0')}-01T10:00:00+08:00`,
    expiresAt: null,
    ...overrides,
  };
}

/** Her account holding `lots`, its balances the sums of theirs. */
export function svAccount(who: Customer, lots: Lot[], overrides: Partial<Account> = {}): Account {
  const sum = (pick: (l: Lot) => number) => cny(lots.reduce((s, l) => s + pick(l), 0));
  const principal = sum((l) => (l.status === 'LIVE' ? l.principalRemaining.amount : 0));
  const bonus = sum((l) => (l.status === 'LIVE' ? l.bonusRemaining.amount : 0));
  return {
    id: '01900000-0000-7000-8000-0000000f7001',
    customerId: who.id,
    customerName: who.name,
    status: 'ACTIVE',
    principal,
    bonus,
    balance: cny(principal.amount + bonus.amount),
    expiredPrincipal: sum((l) => l.expiredPrincipal.amount),
    expiredBonus: sum((l) => l.expiredBonus.amount),
    frozenReason: null,
    frozenAt: null,
    openedAt: '2026-01-01T10:00:00+08:00',
    closedAt: null,
    updatedAt: '2026-11-20T10:00:00+08:00',
    lots,
    expiringSoon: { withinDays: 30, amount: cny(0), earliestExpiry: null },
    ...overrides,
  };
}

export function svEntry(n: number, account: Account, overrides: Partial<Entry> = {}): Entry {
  return {
    id: `01900000-0000-7000-8000-0000000f8${String(n).padStart(3, '0')}`,
    accountId: account.id,
    kind: 'DEBIT',
    principal: cny(0),
    bonus: cny(0),
    amount: cny(0),
    principalAfter: account.principal,
    bonusAfter: account.bonus,
    balanceAfter: account.balance,
    refundAmount: null,
    forfeitedBonus: null,
    clinicId: clinic(1).id,
    orderId: null,
    refundId: null,
    topUpId: null,
    visitId: null,
    reference: null,
    note: null,
    reversesEntryId: null,
    reversedBy: null,
    counterpartyAccountId: null,
    reason: null,
    actorId: 'kc-user-1',
    actorName: '林店长',
    requestId: null,
    occurredAt: '2026-11-20T10:00:00+08:00',
    allocations: [],
    tenders: [],
    ...overrides,
  };
}

/** The server's quote line of a pro-rata lot, with its working as the server writes it. */
export function svQuoteLot(lot: Lot, formula: string): QuoteLot {
  const principalConsumed = lot.principal.amount - lot.principalRemaining.amount;
  const refund = lot.principal.amount - principalConsumed;
  return {
    lotId: lot.id,
    debitOrder: lot.debitOrder,
    principal: lot.principal,
    bonus: lot.bonus,
    total: lot.total,
    consumed: lot.consumed,
    principalConsumed: cny(principalConsumed),
    principalRemaining: lot.principalRemaining,
    bonusRemaining: lot.bonusRemaining,
    refund: cny(refund),
    forfeitedBonus: cny(lot.principalRemaining.amount + lot.bonusRemaining.amount - refund),
    formula,
  };
}

export function svQuote(account: Account, lots: QuoteLot[], overrides: Partial<Quote> = {}): Quote {
  return {
    accountId: account.id,
    lots,
    refund: cny(lots.reduce((s, l) => s + l.refund.amount, 0)),
    forfeitedBonus: cny(lots.reduce((s, l) => s + l.forfeitedBonus.amount, 0)),
    expiredPrincipal: account.expiredPrincipal,
    expiredBonus: account.expiredBonus,
    ...overrides,
  };
}

/**
 * The API around a customer's wallet as `roles` see it: her record, two clinics, the plans, and her account and
 * ledger read from `state` (so a test's faked writes show on the next read).
 */
export function walletApi(roles: Parameters<typeof me>[0], who: Customer, state: { account: Account | null; entries: Entry[] }, plans: Plan[] = [svPlan(1)]) {
  return new FakeApi()
    .on('GET', '/api/v1/me', me(roles))
    .on('GET', '/api/v1/clinics', { items: [clinic(1), clinic(2)], nextCursor: null })
    .on('GET', '/api/v1/staff/directory', { items: [], nextCursor: null })
    .on('GET', '/api/v1/staff', { items: [], nextCursor: null })
    .on('GET', `/api/v1/customers/${who.id}`, json(who, 200, { ETag: '"1"' }))
    .on('GET', '/api/v1/stored-value/plans', { items: plans, nextCursor: null })
    .on('GET', '/api/v1/stored-value/accounts', () => json({ items: state.account ? [state.account] : [], nextCursor: null }))
    .on('GET', '/api/v1/stored-value/accounts/{id}/entries', () => json({ items: state.entries, nextCursor: null }));
}
