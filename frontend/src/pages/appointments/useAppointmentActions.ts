import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import type { Appointment, Visit } from '../../api/queries';
import { useRowChange } from '../../components/ConfirmAction';
import { errorText } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { APPOINTMENT_WRITES } from '../visits/visitFields';

/**
 * Confirm, no-show and arrival of an appointment, from the calendar or the desk; each reports in a toast and
 * refreshes the books, the visits and her timeline, whatever the answer (someone at another desk may have
 * acted first).
 */
export function useAppointmentActions() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const run = useRowChange(APPOINTMENT_WRITES);
  const path = (a: Appointment) => ({ params: { path: { appointmentId: a.id } } });

  const arrival = useMutation({
    mutationFn: (a: Appointment) => dataOf(api.POST('/api/v1/appointments/{appointmentId}/arrive', { ...path(a), body: {} })),
    onSettled: () => {
      for (const queryKey of APPOINTMENT_WRITES) void queryClient.invalidateQueries({ queryKey });
    },
  });

  return {
    confirm: (a: Appointment) =>
      run(() => dataOf(api.POST('/api/v1/appointments/{appointmentId}/confirm', path(a))), t('appointments.confirmedToast', { name: a.customerName })),
    noShow: (a: Appointment) =>
      run(() => dataOf(api.POST('/api/v1/appointments/{appointmentId}/no-show', path(a))), t('appointments.noShowToast', { name: a.customerName })),
    /** Checks her in: the visit starts now, with the booked staff member. */
    arrive: async (a: Appointment): Promise<Visit | undefined> => {
      try {
        const visit = await arrival.mutateAsync(a);
        message.success(t('appointments.arrivedToast', { name: a.customerName }));
        return visit;
      } catch (e) {
        // 409: she is still checked in from another visit, or someone just cancelled or checked her in.
        message.error(isApiProblem(e) && e.status === 409 ? t('appointments.arriveConflict', { name: a.customerName }) : errorText(e, t));
        return undefined;
      }
    },
  };
}
