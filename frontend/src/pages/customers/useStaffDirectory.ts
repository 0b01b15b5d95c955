import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { fetchAll, keys, useAllStaff, type Colleague } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';

export interface OwnerOption {
  value: string;
  label: string;
}

/** Every active colleague of the chain the caller may see (GET /staff/directory, open to every staff role). */
function useColleagues() {
  const api = useApi();
  return useQuery({
    queryKey: keys.directory,
    queryFn: () =>
      fetchAll((cursor, limit) => dataOf(api.GET('/api/v1/staff/directory', { params: { query: { cursor, limit } } }))),
  });
}

/** Whether a colleague may work at the clinic (be booked there, be named on a visit or consultation there). */
export function worksAt(colleague: Colleague, clinicId: string): boolean {
  return colleague.allClinics || colleague.clinicIds.includes(clinicId);
}

/**
 * Colleagues' names (a customer's owner, a booked doctor, a consultant) and the consultants a customer can
 * be given to, from the staff directory. The directory lists active staff only: someone who has since left
 * is named just as a colleague.
 */
export function useStaffDirectory() {
  const { t } = useI18n();
  const { me } = useMe();
  const directory = useColleagues();
  const list = directory.data?.items ?? [];
  const myName = me.displayName || me.username;
  const unknown = directory.isPending ? '…' : t('customers.otherStaff');

  const nameOf = (staffId: string | null | undefined): string | undefined => {
    if (!staffId) return undefined;
    if (staffId === me.staffId) return myName;
    return list.find((s) => s.id === staffId)?.displayName ?? unknown;
  };

  const owners: OwnerOption[] = list
    .filter((s) => s.roles.includes('consultant'))
    .map((s) => ({ value: s.id, label: s.displayName }));

  return { nameOf, owners, colleagues: list, loading: directory.isPending };
}

/**
 * Names for the Keycloak user ids the API records as "who did it" (who attached a referrer). The directory
 * carries no user ids, so only chain admins and managers, who may list staff, see those names; anyone else
 * sees their own name or "a colleague".
 */
export function useUserNames() {
  const { t } = useI18n();
  const { me, permissions } = useMe();
  const staff = useAllStaff(permissions.canViewStaff);
  const myName = me.displayName || me.username;
  return (userId: string): string => {
    if (userId === me.userId) return myName;
    if (permissions.canViewStaff && staff.isPending) return '…';
    return staff.data?.items.find((s) => s.userId === userId)?.displayName ?? t('customers.otherStaff');
  };
}
