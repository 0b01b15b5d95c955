import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { dataOf, unwrap } from '../../api/client';
import { useCursorList, type CursorList } from '../../api/queries';
import type { components } from '../../api/schema';

export type SegmentCount = components['schemas']['SegmentCount'];
export type SegmentMember = components['schemas']['SegmentMember'];
type SegmentMembers = components['schemas']['SegmentMembers'];
export type SegmentFilters = components['schemas']['SegmentFilters'];
export type CustomSegment = components['schemas']['CustomSegment'];

/** Every segment read starts with `all`, so a coupon run, a saved segment or new rules refresh them. */
export const segmentKeys = {
  all: ['segments'] as const,
  rules: ['segments', 'rules'] as const,
  counts: (clinicId?: string) => ['segments', 'counts', clinicId ?? 'all'] as const,
  members: (segment: string, clinicId?: string) => ['segments', 'members', segment, clinicId ?? 'all'] as const,
  custom: (id: string) => ['segments', 'custom', id] as const,
};

export const BUILT_IN_KEYS = ['NEW', 'ACTIVE', 'HIGH_VALUE', 'LOYAL', 'AT_RISK', 'CHURNED', 'VISITED_NOT_CONVERTED', 'ENTRY_ITEM_ONLY'] as const;
export type BuiltInKey = (typeof BUILT_IN_KEYS)[number];

export function isBuiltIn(key: string): key is BuiltInKey {
  return (BUILT_IN_KEYS as readonly string[]).includes(key);
}

export function useSegmentRules() {
  const api = useApi();
  return useQuery({ queryKey: segmentKeys.rules, queryFn: () => unwrap(api.GET('/api/v1/analytics/segments/rules')) });
}

export function useSegmentCounts(clinicId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: segmentKeys.counts(clinicId),
    queryFn: () => dataOf(api.GET('/api/v1/analytics/segments', { params: { query: { clinicId } } })),
  });
}

/** A segment's members page by page, with the total the first page tells. */
export function useSegmentMembers(segment: string, clinicId?: string) {
  const api = useApi();
  return useCursorList(
    segmentKeys.members(segment, clinicId),
    (cursor) =>
      dataOf(api.GET('/api/v1/analytics/segments/{segment}/members', { params: { path: { segment }, query: { clinicId, cursor } } })),
    { keepPrevious: true },
  );
}

/** How many members the segment has in all (every page carries it; the first is enough). */
export function membersTotal(list: CursorList<SegmentMember>): number {
  const first = list.query.data?.pages[0] as SegmentMembers | undefined;
  return first?.total ?? 0;
}
