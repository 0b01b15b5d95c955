import { CUSTOMER_SOURCES, CUSTOMER_STATUSES, type CustomerSource, type CustomerStatus } from './customerFields';

/** The list's orders (GET /customers `sort`); by last visit, only customers who have visited are listed. */
export const CUSTOMER_SORTS = ['REGISTERED', 'RECENTLY_REGISTERED', 'RECENTLY_VISITED', 'LONGEST_AWAY'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** The customer list's filters (besides the search text). */
export interface CustomerFilters {
  status?: CustomerStatus;
  tag?: string;
  ownerId?: string;
  clinicId?: string;
  source?: CustomerSource;
  /** Born in the month the list is looked at (not a fixed month), for birthday greetings. */
  birthdayThisMonth?: boolean;
  /** Last visit on or after this day (YYYY-MM-DD). */
  lastVisitFrom?: string;
  /** Last visit on or before this day (YYYY-MM-DD). */
  lastVisitTo?: string;
  sort?: CustomerSort;
}

export interface SavedFilter {
  name: string;
  filters: CustomerFilters;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keeps only well-formed filters: the URL and localStorage are edited by hand, or by older versions. */
function cleanFilters(raw: Record<string, unknown>): CustomerFilters {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const id = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);
  const day = (v: unknown) => (typeof v === 'string' && DAY.test(v) ? v : undefined);
  const filters: CustomerFilters = {
    status: CUSTOMER_STATUSES.find((s) => s === raw.status),
    tag: text(raw.tag)?.slice(0, 30),
    ownerId: id(raw.ownerId),
    clinicId: id(raw.clinicId),
    source: CUSTOMER_SOURCES.find((s) => s === raw.source),
    birthdayThisMonth: raw.birthdayThisMonth === true || raw.birthdayThisMonth === '1' ? true : undefined,
    lastVisitFrom: day(raw.lastVisitFrom),
    lastVisitTo: day(raw.lastVisitTo),
    sort: CUSTOMER_SORTS.find((s) => s === raw.sort && s !== 'REGISTERED'),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as CustomerFilters;
}

export function hasFilters(filters: CustomerFilters): boolean {
  return Object.keys(filters).length > 0;
}

export function sameFilters(a: CustomerFilters, b: CustomerFilters): boolean {
  return listParams('', a).toString() === listParams('', b).toString();
}

/** The list's state in the URL, so "back" from a customer, a bookmark or a shared link shows the same list. */
export function readListParams(params: URLSearchParams): { q: string; filters: CustomerFilters } {
  return { q: params.get('q') ?? '', filters: cleanFilters(Object.fromEntries(params)) };
}

export function listParams(q: string, filters: CustomerFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined) params.set(key, value === true ? '1' : String(value));
  }
  return params;
}

/**
 * Named filter sets live in this browser's localStorage (there is no server endpoint for them), one
 * entry per chain and signed-in user, so colleagues sharing a front-desk computer keep their own.
 */
export function savedFiltersKey(tenantId: string, userId: string): string {
  return `meike.customerFilters.${tenantId}.${userId}`;
}

export function readSavedFilters(key: string): SavedFilter[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((e): e is { name: string; filters: Record<string, unknown> } =>
        typeof e === 'object' && e !== null && typeof e.name === 'string' && typeof e.filters === 'object' && e.filters !== null,
      )
      .map((e) => ({ name: e.name, filters: cleanFilters(e.filters) }));
  } catch {
    return [];
  }
}

/** Stores the sets; false when the browser refuses (storage full or disabled). */
export function writeSavedFilters(key: string, saved: SavedFilter[]): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}
