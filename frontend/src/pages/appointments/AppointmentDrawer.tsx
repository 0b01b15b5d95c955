import { CheckOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, type Appointment } from '../../api/queries';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTimeIn, formatTimeIn } from '../../components/zonedTime';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { useStaffDirectory, useUserNames } from '../customers/useStaffDirectory';
import { AppointmentStatusTag } from '../visits/StatusTags';
import { useMyClinics } from '../visits/useClinics';
import { hasStarted, isOpen } from '../visits/visitFields';
import { CancelAppointmentModal, RescheduleModal } from './AppointmentModals';
import { useAppointmentActions } from './useAppointmentActions';

/** One appointment as the server has it now, with what can still be done to it. */
export function AppointmentDrawer({ appointmentId, onClose }: { appointmentId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const record = useQuery({
    queryKey: [...keys.appointments, 'one', appointmentId],
    enabled: appointmentId !== null,
    queryFn: () => dataOf(api.GET('/api/v1/appointments/{appointmentId}', { params: { path: { appointmentId: appointmentId! } } })),
  });
  return (
    <Drawer open={appointmentId !== null} onClose={onClose} title={t('appointments.detailTitle')} size={440} destroyOnHidden>
      <div data-testid="appointment-drawer">
        {record.isPending ? (
          <Spin>
            <div style={{ height: 200 }} />
          </Spin>
        ) : record.isError ? (
          <ErrorAlert error={record.error} onRetry={() => record.refetch()} testId="appointment-drawer-error" />
        ) : (
          <AppointmentDetail appointment={record.data} />
        )}
      </div>
    </Drawer>
  );
}

function AppointmentDetail({ appointment: a }: { appointment: Appointment }) {
  const { t } = useI18n();
  const { permissions } = useMe();
  const clinics = useMyClinics();
  const directory = useStaffDirectory();
  const userName = useUserNames();
  const actions = useAppointmentActions();
  const [moving, setMoving] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const zone = clinics.zoneOf(a.clinicId);
  const none = t('common.none');
  const canAct = permissions.canBookAndCheckIn && isOpen(a);

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <Link to={`/customers/${a.customerId}`} data-testid="appointment-customer-link">
            {a.customerName}
          </Link>
        </Typography.Title>
        <AppointmentStatusTag status={a.status} />
      </Flex>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('appointments.col.time')}>
          <span data-testid="appointment-time">
            {formatDateTimeIn(a.startsAt, zone)}–{formatTimeIn(a.endsAt, zone)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('appointments.form.clinic')}>{clinics.nameOf(a.clinicId)}</Descriptions.Item>
        <Descriptions.Item label={t('appointments.form.item')}>{a.itemName ?? t('appointments.form.itemNone')}</Descriptions.Item>
        <Descriptions.Item label={t('appointments.form.staff')}>
          {a.staffId ? (a.staffName ?? directory.nameOf(a.staffId)) : t('appointments.unassigned')}
        </Descriptions.Item>
        <Descriptions.Item label={t('appointments.form.note')}>{a.note || none}</Descriptions.Item>
        {a.cancelReason && <Descriptions.Item label={t('appointments.cancelReason')}>{a.cancelReason}</Descriptions.Item>}
        {a.statusChangedAt && (
          <Descriptions.Item label={t('appointments.statusChanged')}>
            {formatDateTimeIn(a.statusChangedAt, zone)}
            {a.statusChangedBy ? ` · ${userName(a.statusChangedBy)}` : ''}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('appointments.bookedAt')}>
          {formatDateTimeIn(a.createdAt, zone)} · {userName(a.bookedBy)}
        </Descriptions.Item>
        {a.visitId && (
          <Descriptions.Item label={t('appointments.visit')}>
            <Link to={`/visits/${a.visitId}`} data-testid="appointment-visit-link">
              {t('appointments.openVisit')}
            </Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      {canAct && (
        <Flex gap={8} wrap data-testid="appointment-actions">
          <ConfirmAction
            primary
            testId="appointment-arrive"
            title={t('appointments.arriveConfirm', { name: a.customerName })}
            description={t('appointments.arriveHint')}
            onConfirm={() => actions.arrive(a)}
          >
            {t('appointments.arrive')}
          </ConfirmAction>
          {a.status === 'BOOKED' && (
            <Button size="small" icon={<CheckOutlined />} onClick={() => void actions.confirm(a)} data-testid="appointment-confirm">
              {t('appointments.confirm')}
            </Button>
          )}
          <Button size="small" icon={<EditOutlined />} onClick={() => setMoving(true)} data-testid="appointment-reschedule">
            {t('appointments.reschedule')}
          </Button>
          {hasStarted(a) && (
            <ConfirmAction
              danger
              testId="appointment-no-show"
              title={t('appointments.noShowConfirm', { name: a.customerName })}
              description={t('appointments.noShowHint')}
              onConfirm={() => actions.noShow(a)}
            >
              {t('appointments.noShow')}
            </ConfirmAction>
          )}
          <Button size="small" danger icon={<StopOutlined />} onClick={() => setCancelling(true)} data-testid="appointment-cancel">
            {t('appointments.cancel')}
          </Button>
        </Flex>
      )}
      <RescheduleModal appointment={moving ? a : null} onClose={() => setMoving(false)} />
      <CancelAppointmentModal appointment={cancelling ? a : null} onClose={() => setCancelling(false)} />
    </Flex>
  );
}
