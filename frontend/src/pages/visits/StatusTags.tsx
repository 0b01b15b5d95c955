import { Tag } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';
import {
  APPOINTMENT_COLORS,
  OUTCOME_COLORS,
  type AppointmentStatus,
  type ConsultationOutcome,
  type NonConversionReason,
} from './visitFields';

export function AppointmentStatusTag({ status, testId = 'appointment-status' }: { status: AppointmentStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={APPOINTMENT_COLORS[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t(`appointmentStatus.${status}`)}
    </Tag>
  );
}

/** Still here, or gone (checked out). */
export function VisitStatusTag({ open, testId = 'visit-status' }: { open: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={open ? 'green' : 'default'} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t(open ? 'visitStatus.CHECKED_IN' : 'visitStatus.CHECKED_OUT')}
    </Tag>
  );
}

/** The outcome of a consultation, with the reason when she did not convert. */
export function OutcomeTag({
  outcome,
  reason,
  testId = 'consultation-outcome',
}: {
  outcome: ConsultationOutcome;
  reason?: NonConversionReason | null;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <Tag color={OUTCOME_COLORS[outcome]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t(`outcome.${outcome}`)}
      {reason ? ` · ${t(`nonConversion.${reason}`)}` : ''}
    </Tag>
  );
}
