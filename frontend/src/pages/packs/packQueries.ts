import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { fetchAll, keys } from '../../api/queries';
import type { components } from '../../api/schema';

export type PackTemplate = components['schemas']['PackTemplate'];
export type PackTemplateItem = components['schemas']['PackTemplateItem'];
export type SessionPack = components['schemas']['SessionPack'];
export type SessionPackItem = components['schemas']['SessionPackItem'];
export type SessionPackStatus = components['schemas']['SessionPackStatus'];
export type SessionPackEntry = components['schemas']['SessionPackEntry'];
export type SessionPackMovement = components['schemas']['SessionPackMovement'];
export type SessionPackLiabilities = components['schemas']['SessionPackLiabilities'];
export type SessionPackLiability = components['schemas']['SessionPackLiability'];
export type SessionPackAging = components['schemas']['SessionPackAging'];

/** Query keys of pack reads: every read of a kind starts with its list key, so a write refreshes them all. */
export const packKeys = {
  templates: ['pack-templates'] as const,
  template: (id: string) => ['pack-templates', 'one', id] as const,
  /** Packs, their ledgers and the liabilities: whatever moves a session moves them. */
  packs: ['session-packs'] as const,
  customerPacks: (customerId: string, clinicId?: string) => ['session-packs', 'customer', customerId, clinicId ?? null] as const,
  entries: (packId: string) => ['session-packs', 'entries', packId] as const,
  liabilities: (query: { clinicId?: string; asOf?: string }) => ['session-packs', 'liabilities', query] as const,
};

/** What a session moving (redeem, reverse, freeze, extend) changes: the packs, her timeline, the audit log. */
export const PACK_WRITES = [packKeys.packs, keys.timeline, keys.audit];
/** What a template write changes. */
export const TEMPLATE_WRITES = [packKeys.templates, keys.audit];

/** The templates that can be sold at a clinic now (active ones, for the till). */
export function useSaleablePacks(clinicId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...packKeys.templates, 'at-clinic', clinicId],
    enabled: !!clinicId,
    queryFn: () =>
      fetchAll((cursor, limit) =>
        dataOf(api.GET('/api/v1/session-packs/templates', { params: { query: { cursor, limit, clinicId, active: true } } })),
      ),
  });
}

/** Every active catalog item of the chain, for composing templates (which may name items of any clinic). */
export function useActiveCatalogItems() {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.catalog, 'active'],
    queryFn: () => fetchAll((cursor, limit) => dataOf(api.GET('/api/v1/catalog/items', { params: { query: { cursor, limit, active: true } } }))),
  });
}

/** A customer's packs (redeemable at `clinicId` when given), all pages. */
export function useCustomerPacks(customerId: string, clinicId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: packKeys.customerPacks(customerId, clinicId),
    queryFn: () =>
      fetchAll((cursor, limit) => dataOf(api.GET('/api/v1/session-packs', { params: { query: { cursor, limit, customerId, clinicId } } }))),
  });
}
