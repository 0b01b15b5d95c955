import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type QueryKey,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query';
import { PAGE_SIZE } from '../config';
import { useApi } from './ApiContext';
import { dataOf } from './client';
import type { components } from './schema';

export type Clinic = components['schemas']['Clinic'];
export type Staff = components['schemas']['Staff'];
export type Tenant = components['schemas']['Tenant'];
export type AuditEvent = components['schemas']['AuditEvent'];
export type Customer = components['schemas']['Customer'];
export type CatalogItem = components['schemas']['CatalogItem'];
export type Colleague = components['schemas']['Colleague'];
export type Appointment = components['schemas']['Appointment'];
export type Visit = components['schemas']['Visit'];
export type Consultation = components['schemas']['Consultation'];
export type TimelineEntry = components['schemas']['TimelineEntry'];
export type Order = components['schemas']['Order'];
export type OrderLine = components['schemas']['OrderLine'];
export type OrderStatus = components['schemas']['OrderStatus'];
export type TenderMethod = components['schemas']['TenderMethod'];
export type Refund = components['schemas']['Refund'];
export type Money = components['schemas']['Money'];
export type PointsAccount = components['schemas']['PointsAccount'];
export type PointsEntry = components['schemas']['PointsEntry'];
export type PointsRules = components['schemas']['PointsRules'];

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** Query keys, so invalidation after writes hits every filtered variant of a list. */
export const keys = {
  me: ['me'] as const,
  clinics: ['clinics'] as const,
  allClinics: ['clinics', 'all'] as const,
  clinic: (id: string) => ['clinic', id] as const,
  staff: ['staff'] as const,
  staffMember: (id: string) => ['staff-member', id] as const,
  audit: ['audit-events'] as const,
  tenants: ['tenants'] as const,
  /** Every customer read (lists, pickers, one customer) starts with this, so a write refreshes them all. */
  customers: ['customers'] as const,
  customer: (id: string) => ['customers', 'one', id] as const,
  /** The fresh read an edit dialog makes (its own cache entry, dropped when the dialog closes). */
  customerEdit: (id: string) => ['customers', 'edit', id] as const,
  customerImport: (id: string) => ['customer-imports', id] as const,
  /** Under the consultations' key, so whatever refreshes consultations refreshes the analysis too. */
  conversion: ['consultations', 'analysis'] as const,
  catalog: ['catalog-items'] as const,
  catalogItem: (id: string) => ['catalog-item', id] as const,
  /** Active colleagues (GET /staff/directory), readable by every staff role. */
  directory: ['staff-directory'] as const,
  appointments: ['appointments'] as const,
  appointmentEdit: (id: string) => ['appointments', 'edit', id] as const,
  visits: ['visits'] as const,
  visit: (id: string) => ['visits', 'one', id] as const,
  visitEdit: (id: string) => ['visits', 'edit', id] as const,
  consultations: ['consultations'] as const,
  consultationEdit: (id: string) => ['consultations', 'edit', id] as const,
  /** A customer's merged history: every appointment, visit and consultation write refreshes it. */
  timeline: ['timeline'] as const,
  /** Every order read (lists, one order, a customer's orders). */
  orders: ['orders'] as const,
  order: (id: string) => ['orders', 'one', id] as const,
  /** Every points read (accounts, ledgers, rules): a sale or refund moves them. */
  points: ['points'] as const,
  pointsAccount: (customerId: string) => ['points', 'account', customerId] as const,
  pointsRules: ['points', 'rules'] as const,
  /** Every membership read (a customer's tier, the tier settings, re-evaluation jobs). */
  membership: ['membership'] as const,
};

export interface CursorList<T> {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  /** Every item of the pages loaded so far. */
  items: T[];
}

/**
 * A cursor-paginated list: the first page, then "load more" fetches `nextCursor`. With
 * `keepPrevious`, a changed query (search as you type) keeps showing the last answer until the new
 * one arrives, instead of blanking the table on every keystroke. With `enabled` false nothing is read yet.
 */
export function useCursorList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  { keepPrevious = false, enabled = true }: { keepPrevious?: boolean; enabled?: boolean } = {},
): CursorList<T> {
  const query = useInfiniteQuery({
    queryKey,
    enabled,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { query, items };
}

/** Reads every page (up to `maxPages` of 200) — for counts and pickers. `capped` when it stopped early. */
export async function fetchAll<T>(
  fetchPage: (cursor: string | undefined, limit: number) => Promise<Page<T>>,
  maxPages = 25,
): Promise<{ items: T[]; capped: boolean }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(cursor, 200);
    items.push(...page.items);
    if (!page.nextCursor) return { items, capped: false };
    cursor = page.nextCursor;
  }
  return { items, capped: true };
}

/** Every clinic of the chain the caller can see (for counts, pickers and names). */
export function useAllClinics() {
  const api = useApi();
  return useQuery({
    queryKey: keys.allClinics,
    queryFn: () =>
      fetchAll((cursor, limit) => dataOf(api.GET('/api/v1/clinics', { params: { query: { cursor, limit } } }))),
  });
}

/** Every staff member of the chain the caller may list (for counts, filters and names). */
export function useAllStaff(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.staff, 'all'],
    enabled,
    queryFn: () =>
      fetchAll((cursor, limit) => dataOf(api.GET('/api/v1/staff', { params: { query: { cursor, limit } } }))),
  });
}

export { PAGE_SIZE };
