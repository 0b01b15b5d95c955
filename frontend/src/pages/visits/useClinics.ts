import { useSearchParams } from 'react-router';
import { useAllClinics, type Clinic } from '../../api/queries';
import { BROWSER_ZONE } from '../../components/zonedTime';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';

/**
 * The clinics the caller works in (the API lists only those) that are open, with each one's time zone and
 * name. Closed clinics take no bookings or check-ins; their history still names them.
 */
export function useMyClinics() {
  const { t } = useI18n();
  const clinics = useAllClinics();
  const all = clinics.data?.items ?? [];
  const open = all.filter((c) => c.active);
  const find = (id: string | null | undefined): Clinic | undefined => all.find((c) => c.id === id);
  return {
    query: clinics,
    open,
    find,
    nameOf: (id: string): string => find(id)?.name ?? (clinics.isPending ? '…' : t('staff.otherClinic')),
    zoneOf: (id: string | null | undefined): string => find(id)?.timeZone ?? BROWSER_ZONE,
  };
}

function storageKey(tenantId: string | undefined, userId: string) {
  return `meike.workClinic.${tenantId ?? '-'}.${userId}`;
}

/**
 * The clinic a calendar or desk shows: `?clinic=` in the URL (so a link or "back" keeps it), else the one this
 * user chose last on this browser, else their first open clinic. Choosing one remembers it.
 */
export function useWorkClinic() {
  const { me } = useMe();
  const clinics = useMyClinics();
  const [params, setParams] = useSearchParams();
  const key = storageKey(me.tenant?.id, me.userId);
  const wanted = params.get('clinic') ?? readStored(key);
  const clinic = clinics.open.find((c) => c.id === wanted) ?? clinics.open[0];

  const choose = (id: string) => {
    try {
      window.localStorage.setItem(key, id);
    } catch {
      // storage unavailable: the choice lives in the URL only
    }
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('clinic', id);
        return next;
      },
      { replace: true },
    );
  };

  return { clinics, clinic, zone: clinic?.timeZone ?? BROWSER_ZONE, choose };
}

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
