import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { fetchAll, keys, type Appointment } from '../../api/queries';
import type { components } from '../../api/schema';

export type AppointmentStatus = components['schemas']['AppointmentStatus'];
export type VisitPurpose = components['schemas']['VisitPurpose'];
export type AssessmentArea = components['schemas']['AssessmentArea'];
export type ConsultationOutcome = components['schemas']['ConsultationOutcome'];
export type NonConversionReason = components['schemas']['NonConversionReason'];

export const VISIT_PURPOSES: VisitPurpose[] = ['CONSULTATION', 'TREATMENT', 'REVIEW', 'EVENT', 'SOCIAL'];
export const ASSESSMENT_AREAS: AssessmentArea[] = [
  'FACE_CONTOUR',
  'FOREHEAD',
  'EYES',
  'NOSE',
  'CHEEKS',
  'LIPS',
  'CHIN_JAWLINE',
  'SKIN',
  'NECK',
  'BREAST',
  'ABDOMEN_WAIST',
  'ARMS',
  'LEGS',
  'BACK_HIPS',
  'HAIR',
  'OTHER',
];
export const OUTCOMES: ConsultationOutcome[] = ['PENDING', 'CONVERTED', 'NOT_CONVERTED'];
export const NON_CONVERSION_REASONS: NonConversionReason[] = ['PRICE', 'TRUST', 'TIMING', 'EFFECT_DOUBT', 'COMPETITOR', 'OTHER'];

export const APPOINTMENT_COLORS: Record<AppointmentStatus, string> = {
  BOOKED: 'blue',
  CONFIRMED: 'geekblue',
  ARRIVED: 'green',
  NO_SHOW: 'orange',
  CANCELLED: 'default',
};

export const OUTCOME_COLORS: Record<ConsultationOutcome, string> = {
  PENDING: 'gold',
  CONVERTED: 'green',
  NOT_CONVERTED: 'red',
};

/** Still expected: holds the staff member's time and can be confirmed, moved, cancelled, or arrive. */
export function isOpen(a: Pick<Appointment, 'status'>): boolean {
  return a.status === 'BOOKED' || a.status === 'CONFIRMED';
}

/** The server lets a no-show be recorded only once the appointment has started. */
export function hasStarted(a: Pick<Appointment, 'startsAt'>, now = Date.now()): boolean {
  return new Date(a.startsAt).getTime() <= now;
}

/** The catalog items offered at a clinic, for booking and for suggestions (active ones only). */
export function useClinicItems(clinicId: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.catalog, 'at-clinic', clinicId],
    enabled: !!clinicId,
    queryFn: () =>
      fetchAll((cursor, limit) =>
        dataOf(api.GET('/api/v1/catalog/items', { params: { query: { cursor, limit, clinicId, active: true } } })),
      ),
  });
}

/** What an appointment write changes: the books, the visits an arrival starts, her timeline and her record. */
export const APPOINTMENT_WRITES = [keys.appointments, keys.visits, keys.timeline, keys.customers];
/** What a visit write changes: the visits, the appointment it came from, her timeline and first/last visit. */
export const VISIT_WRITES = [keys.visits, keys.appointments, keys.timeline, keys.customers];
/** What a consultation write changes. */
export const CONSULTATION_WRITES = [keys.consultations, keys.timeline];
