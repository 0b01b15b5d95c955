import { walletKeys } from '../wallet/walletQueries';
import { keys, type Money, type Order, type OrderLine, type OrderStatus, type TenderMethod } from '../../api/queries';
import { packKeys } from '../packs/packQueries';

export const TENDER_METHODS: TenderMethod[] = ['CASH', 'BANK_CARD', 'WECHAT_PAY', 'ALIPAY', 'OTHER', 'POINTS', 'STORED_VALUE'];
export const ORDER_STATUSES: OrderStatus[] = ['DRAFT', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOID'];

export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  DRAFT: 'gold',
  PAID: 'green',
  PARTIALLY_REFUNDED: 'orange',
  REFUNDED: 'red',
  VOID: 'default',
};

/** What a sale, refund or void changes: orders, her record (first purchase), her points, stored value, tier and packs, her history. */
export const ORDER_WRITES = [keys.orders, keys.customers, keys.points, walletKeys.all, keys.membership, keys.timeline, packKeys.packs];

/** What can still be refunded of a line: its net amount less what was refunded of it. Packs refund their unused sessions instead. */
export function refundableOf(line: OrderLine): number {
  if (line.kind === 'PACK') return 0;
  return line.net.amount - line.refunded.amount;
}

/** Whether a refund can be asked for: paid, with something left to refund. */
export function isRefundable(order: Order): boolean {
  return (order.status === 'PAID' || order.status === 'PARTIALLY_REFUNDED') && order.lines.some((l) => refundableOf(l) > 0);
}

/**
 * Tenders against the order's total: what is still to take (negative when too much was entered), and
 * whether the tenders cover it exactly, which is when paying is allowed. An amount that is not a valid one
 * (undefined) means they cannot balance.
 */
export function tenderBalance(total: number, amounts: (number | undefined)[]): { remaining: number; exact: boolean } {
  const valid = amounts.every((a) => a !== undefined);
  const sum = amounts.reduce<number>((s, a) => s + (a ?? 0), 0);
  const remaining = total - sum;
  return { remaining, exact: valid && amounts.length > 0 && remaining === 0 };
}

export function money(amount: number, currency: string): Money {
  return { amount, currency };
}
