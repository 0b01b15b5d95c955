import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import type { Visit } from '../../api/queries';
import { ConfirmAction, useRowChange } from '../../components/ConfirmAction';
import { useI18n } from '../../i18n/I18nProvider';
import { VISIT_WRITES } from './visitFields';

/** Checks the customer out now, after asking: the same action on the desk and on the visit's page. */
export function CheckOutAction({ visit, testId }: { visit: Visit; testId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const checkOut = useRowChange(VISIT_WRITES);
  return (
    <ConfirmAction
      testId={testId}
      title={t('visits.checkOutConfirm', { name: visit.customerName })}
      description={t('visits.checkOutHint')}
      onConfirm={() =>
        checkOut(
          () => dataOf(api.POST('/api/v1/visits/{visitId}/check-out', { params: { path: { visitId: visit.id } }, body: {} })),
          t('visits.checkedOut', { name: visit.customerName }),
        )
      }
    >
      {t('visits.checkOut')}
    </ConfirmAction>
  );
}
