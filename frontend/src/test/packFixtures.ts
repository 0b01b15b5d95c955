import type { components } from '../api/schema';
import { catalogItem, clinic, customer } from './fixtures';

type PackTemplate = components['schemas']['PackTemplate'];
type SessionPack = components['schemas']['SessionPack'];
type SessionPackItem = components['schemas']['SessionPackItem'];
type SessionPackEntry = components['schemas']['SessionPackEntry'];

const cny = (amount: number) => ({ amount, currency: 'CNY' });

/** Demo chain A's items of the 水光焕肤 combo, at their list prices. */
export const WATER_LIGHT = catalogItem(6, { code: 'A-WL01', name: '水光针', listPrice: cny(168000) });
export const PHOTO = catalogItem(1, { code: 'A-PH01', name: '光子嫩肤', category: 'SKIN', listPrice: cny(128000) });
export const SLIMMING = catalogItem(4, { code: 'A-SL01', name: '瘦脸针', listPrice: cny(298000) });

/**
 * 水光针 ×2 (every 28 days) + 光子嫩肤 ×2 (every 21) + 瘦脸针 ×1 for ¥6,800, split by the standalone prices
 * (¥3,360, ¥2,560, ¥2,980 of ¥8,900) with the largest remainder, as the server does.
 */
export function comboTemplate(overrides: Partial<PackTemplate> = {}): PackTemplate {
  return {
    id: '01900000-0000-7000-8000-0000000b0001',
    code: 'COMBO-GLOW',
    name: '水光焕肤疗程',
    description: null,
    items: [
      { itemId: WATER_LIGHT.id, itemName: '水光针', category: 'INJECTION', sessions: 2, minIntervalDays: 28, standalonePrice: cny(336000), allocatedPrice: cny(256719), sessionPrice: cny(128359) },
      { itemId: PHOTO.id, itemName: '光子嫩肤', category: 'SKIN', sessions: 2, minIntervalDays: 21, standalonePrice: cny(256000), allocatedPrice: cny(195596), sessionPrice: cny(97798) },
      { itemId: SLIMMING.id, itemName: '瘦脸针', category: 'INJECTION', sessions: 1, minIntervalDays: null, standalonePrice: cny(298000), allocatedPrice: cny(227685), sessionPrice: cny(227685) },
    ],
    price: cny(680000),
    standalonePrice: cny(890000),
    validityDays: 365,
    allClinics: true,
    clinicIds: [],
    active: true,
    createdAt: '2026-01-05T10:00:00+08:00',
    updatedAt: '2026-01-05T10:00:00+08:00',
    version: 0,
    ...overrides,
  };
}

export const HER = customer(9, { name: '何雨桐', phone: '13800001009' });

function packItem(template: PackTemplate, i: number, overrides: Partial<SessionPackItem> = {}): SessionPackItem {
  const t = template.items[i];
  return {
    itemId: t.itemId,
    itemName: t.itemName,
    sessions: t.sessions,
    remaining: t.sessions,
    minIntervalDays: t.minIntervalDays,
    paidValue: t.allocatedPrice,
    unusedValue: t.allocatedPrice,
    lastRedeemedAt: null,
    nextDueAt: null,
    ...overrides,
  };
}

/**
 * Her pack of the combo, bought at clinic 1 for the template's price; `items` overrides per item (by index).
 * The pack's totals add up from its items.
 */
export function comboPack(items: Partial<SessionPackItem>[] = [], overrides: Partial<SessionPack> = {}): SessionPack {
  const template = comboTemplate();
  const list = template.items.map((_, i) => packItem(template, i, items[i]));
  const sum = (f: (i: SessionPackItem) => number) => list.reduce((s, i) => s + f(i), 0);
  return {
    id: '01900000-0000-7000-8000-0000000b0a01',
    customerId: HER.id,
    customerName: HER.name,
    templateId: template.id,
    templateName: template.name,
    orderId: '01900000-0000-7000-8000-0000000f0001',
    orderLineNo: 1,
    soldAtClinicId: clinic(1).id,
    allClinics: true,
    clinicIds: [],
    status: 'ACTIVE',
    sessions: sum((i) => i.sessions),
    remaining: sum((i) => i.remaining),
    paidValue: cny(sum((i) => i.paidValue.amount)),
    unusedValue: cny(sum((i) => i.unusedValue.amount)),
    refundedValue: cny(0),
    purchasedAt: '2026-01-10T10:00:00+08:00',
    expiresAt: '2099-01-10T10:00:00+08:00',
    frozenAt: null,
    refundedAt: null,
    nextDueAt: null,
    items: list,
    updatedAt: '2026-01-10T10:00:00+08:00',
    ...overrides,
  };
}

/** A ledger entry of the combo pack. */
export function packEntry(overrides: Partial<SessionPackEntry> & Pick<SessionPackEntry, 'id' | 'kind'>): SessionPackEntry {
  return {
    packId: comboPack().id,
    sessions: 0,
    remainingAfter: 5,
    value: cny(0),
    items: [],
    visitId: null,
    clinicId: clinic(1).id,
    clinicianId: null,
    intervalOverrideReason: null,
    reversalOf: null,
    reversedBy: null,
    reason: null,
    previousExpiresAt: null,
    expiresAt: null,
    orderId: null,
    refundId: null,
    actorId: 'kc-user-1',
    actorName: '张管理',
    requestId: null,
    occurredAt: '2026-01-10T10:00:00+08:00',
    ...overrides,
  };
}
