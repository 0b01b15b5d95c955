import dayjs from 'dayjs';
import type { ApiClient } from '../../api/client';
import { dataOf } from '../../api/client';
import { ApiProblem, isApiProblem, type FieldError } from '../../api/problem';
import type { Appointment } from '../../api/queries';
import { inWords } from '../../components/useFormMutation';
import { formatTimeIn } from '../../components/zonedTime';
import type { Translate } from '../../i18n/I18nProvider';

export interface Slot {
  staffId?: string | null;
  startsAt: string;
  minutes: number;
  /** The appointment being moved: it does not clash with itself. */
  self?: string;
}

/** The booking of the staff member that overlaps the slot, if any (what a 409 on booking is about). */
async function findClash(api: ApiClient, slot: Slot & { staffId: string }): Promise<Appointment | undefined> {
  const start = dayjs(slot.startsAt);
  const end = start.add(slot.minutes, 'minute');
  // The list selects by start time: a clash starts before the slot ends, and no booking is longer than a day.
  const page = await dataOf(
    api.GET('/api/v1/appointments', {
      params: {
        query: { staffId: slot.staffId, from: start.subtract(1, 'day').format(), to: end.format(), limit: 200 },
      },
    }),
  );
  return page.items.find(
    (a) =>
      a.id !== slot.self &&
      a.status !== 'CANCELLED' &&
      a.status !== 'NO_SHOW' &&
      dayjs(a.startsAt).isBefore(end) &&
      dayjs(a.endsAt).isAfter(start),
  );
}

/**
 * Runs a booking write. A 409 naming a staff member's clash comes back in English, so the clash is looked up
 * and the problem rethrown with a field error on `staffId` in the UI's words ("already booked 14:00–14:45
 * with 李静"). Any other problem is rethrown as it is.
 */
export async function namingClash<R>(api: ApiClient, t: Translate, zone: string, slot: Slot, write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (e) {
    if (!isApiProblem(e) || e.status !== 409 || !slot.staffId) throw e;
    const clash = await findClash(api, { ...slot, staffId: slot.staffId }).catch(() => undefined);
    if (!clash) throw e;
    const message = t('appointments.clash', {
      from: formatTimeIn(clash.startsAt, zone),
      to: formatTimeIn(clash.endsAt, zone),
      customer: clash.customerName,
    });
    throw new ApiProblem({
      type: e.type,
      title: e.title,
      status: e.status,
      detail: e.detail,
      requestId: e.requestId,
      errors: [{ field: 'staffId', message }],
    });
  }
}

/** The server's field errors of a booking or a move, in the UI's words; a named clash as it is. */
export function bookingFieldErrors(problem: ApiProblem, t: Translate): FieldError[] | undefined {
  if (problem.status === 409) return problem.errors.length > 0 ? problem.errors : undefined;
  return inWords(problem.errors, {
    startsAt: t('appointments.form.startsAtPast'),
    itemId: t('appointments.form.itemInvalid'),
    staffId: t('appointments.form.staffInvalid'),
    customerId: t('appointments.form.customerInvalid'),
  });
}
