import { useAllStaff } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';

export interface OwnerOption {
  value: string;
  label: string;
}

/**
 * Colleagues' names for a customer's owner and for who attached a referrer, and the consultants a
 * customer can be given to. Only chain admins and managers may list staff; anyone else knows only
 * themself, so other colleagues are named just as such, and a consultant can choose only themself.
 */
export function useStaffDirectory() {
  const { t } = useI18n();
  const { me, permissions } = useMe();
  const staff = useAllStaff(permissions.canViewStaff);
  const loading = permissions.canViewStaff && staff.isPending;
  const list = staff.data?.items ?? [];
  const myName = me.displayName || me.username;
  const unknown = loading ? '…' : t('customers.otherStaff');

  const nameOf = (staffId: string | null | undefined): string | undefined => {
    if (!staffId) return undefined;
    if (staffId === me.staffId) return myName;
    return list.find((s) => s.id === staffId)?.displayName ?? unknown;
  };

  const nameOfUser = (userId: string): string => {
    if (userId === me.userId) return myName;
    return list.find((s) => s.userId === userId)?.displayName ?? unknown;
  };

  const owners: OwnerOption[] = permissions.canViewStaff
    ? list.filter((s) => s.active && s.roles.includes('consultant')).map((s) => ({ value: s.id, label: s.displayName }))
    : me.staffId && me.roles.includes('consultant')
      ? [{ value: me.staffId, label: myName }]
      : [];

  return { nameOf, nameOfUser, owners, loading };
}
