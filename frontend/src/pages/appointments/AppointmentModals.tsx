import { useQuery } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import type { FieldPath } from '../../api/formErrors';
import { keys, type Appointment } from '../../api/queries';
import { blankToNull, blankToUndefined } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { editModalProps, useFormMutation } from '../../components/useFormMutation';
import { dayIn, formatDateTimeIn, instantToWall, nextWallSlot, wallToInstant } from '../../components/zonedTime';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { CustomerPicker } from '../customers/CustomerPicker';
import { ClinicSelect, ColleagueSelect, ItemSelect } from '../visits/pickers';
import { useMyClinics } from '../visits/useClinics';
import { APPOINTMENT_WRITES, useClinicItems } from '../visits/visitFields';
import { bookingFieldErrors, namingClash } from './appointmentClash';

/** What a booking dialog starts from: a slot of the calendar, or a customer's page. */
export interface BookingDraft {
  /** Booking from her page: the customer is given. */
  customer?: { id: string; name: string };
  clinicId?: string;
  staffId?: string | null;
  /** Wall-clock start on the clinic's clock; the next 5 minutes when not given. */
  start?: Dayjs;
}

interface BookValues {
  customerId: string;
  clinicId: string;
  startsAt: Dayjs;
  durationMinutes?: number | null;
  itemId?: string | null;
  staffId?: string | null;
  note?: string;
}

type MoveValues = Omit<BookValues, 'customerId' | 'clinicId'>;

const BOOK_FIELDS: FieldPath[] = ['customerId', 'clinicId', 'startsAt', 'durationMinutes', 'itemId', 'staffId', 'note'];
const DEFAULT_MINUTES = 30;

/** The server's tolerance for "now": a start a few minutes ago is still accepted. */
const PAST_TOLERANCE_MINUTES = 5;

function startRules(t: Translate, zone: string, unchanged?: string) {
  return [
    { required: true, message: t('validation.required', { field: t('appointments.form.startsAt') }) },
    {
      validator: async (_: unknown, value?: Dayjs | null) => {
        if (!value) return;
        const at = wallToInstant(value, zone);
        if (at === unchanged) return;
        if (dayjs(at).isBefore(dayjs().subtract(PAST_TOLERANCE_MINUTES, 'minute'))) {
          throw new Error(t('appointments.form.startsAtPast'));
        }
      },
    },
  ];
}

/** Start, length, item, staff and note: the part of booking and moving that is the same. */
function SlotFields({ clinicId, zone, unchangedStart }: { clinicId: string | undefined; zone: string; unchangedStart?: string }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<BookValues>();
  const items = useClinicItems(clinicId);
  const itemId = Form.useWatch('itemId', form);
  const itemMinutes = items.data?.items.find((i) => i.id === itemId)?.durationMinutes;
  return (
    <>
      <Col xs={24} sm={14}>
        <Form.Item
          name="startsAt"
          label={t('appointments.form.startsAt')}
          extra={t('appointments.form.clinicClock', { zone })}
          rules={startRules(t, zone, unchangedStart)}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') < dayIn(zone)}
            data-testid="booking-form-starts-at"
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={10}>
        <Form.Item name="durationMinutes" label={t('appointments.form.duration')} rules={[{ type: 'integer', min: 5, max: 1440, message: t('catalog.form.durationInvalid') }]}>
          <InputNumber<number>
            min={5}
            max={1440}
            step={5}
            style={{ width: '100%' }}
            placeholder={t('appointments.form.durationDefault', { minutes: itemMinutes ?? DEFAULT_MINUTES })}
            data-testid="booking-form-duration"
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="itemId" label={t('appointments.form.item')}>
          <ItemSelect clinicId={clinicId} testId="booking-form-item" placeholder={t('appointments.form.itemNone')} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="staffId" label={t('appointments.form.staff')}>
          <ColleagueSelect clinicId={clinicId} testId="booking-form-staff" placeholder={t('appointments.unassigned')} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="note" label={t('appointments.form.note')} rules={[{ max: 500 }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="booking-form-note" />
        </Form.Item>
      </Col>
    </>
  );
}

/** Books a customer; open while there is a draft. */
export function BookAppointmentModal({
  draft,
  onClose,
  onBooked,
}: {
  draft: BookingDraft | null;
  onClose: () => void;
  onBooked?: (appointment: Appointment) => void;
}) {
  // A fresh dialog (and form) per draft, so nothing of the last booking is left in it.
  return draft ? <BookDialog draft={draft} onClose={onClose} onBooked={onBooked} /> : null;
}

function BookDialog({ draft, onClose, onBooked }: { draft: BookingDraft; onClose: () => void; onBooked?: (a: Appointment) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const clinics = useMyClinics();
  const [form] = Form.useForm<BookValues>();
  const clinicId = Form.useWatch('clinicId', form) ?? draft.clinicId ?? clinics.open[0]?.id;
  const zone = clinics.zoneOf(clinicId);
  const items = useClinicItems(clinicId);
  const firstClinic = clinics.open[0]?.id;

  const book = useFormMutation({
    form,
    fields: BOOK_FIELDS,
    invalidate: APPOINTMENT_WRITES,
    mutationFn: (v: BookValues) => {
      const startsAt = wallToInstant(v.startsAt, zone);
      const minutes = v.durationMinutes ?? items.data?.items.find((i) => i.id === v.itemId)?.durationMinutes ?? DEFAULT_MINUTES;
      return namingClash(api, t, zone, { staffId: v.staffId, startsAt, minutes }, () =>
        dataOf(
          api.POST('/api/v1/appointments', {
            body: {
              customerId: v.customerId,
              clinicId: v.clinicId,
              startsAt,
              durationMinutes: v.durationMinutes ?? undefined,
              itemId: v.itemId ?? undefined,
              staffId: v.staffId ?? undefined,
              note: blankToUndefined(v.note),
            },
          }),
        ),
      );
    },
    fieldErrorsFor: (problem) => bookingFieldErrors(problem, t),
    onClose,
    onSuccess: (a) => {
      message.success(t('appointments.booked', { name: a.customerName, time: formatDateTimeIn(a.startsAt, zone) }));
      onBooked?.(a);
    },
  });

  return (
    <FormModal
      open
      title={t('appointments.form.bookTitle')}
      submitLabel={t('appointments.book')}
      submitTestId="booking-form-submit"
      testId="booking-form"
      width={640}
      // The form opens once the clinics are known: its default start is on the clinic's clock.
      loading={clinics.query.isPending}
      loadError={clinics.query.error}
      onRetryLoad={() => void clinics.query.refetch()}
      {...book.modal}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          customerId: draft.customer?.id,
          clinicId: draft.clinicId ?? firstClinic,
          staffId: draft.staffId ?? undefined,
          startsAt: draft.start ?? nextWallSlot(clinics.zoneOf(draft.clinicId ?? firstClinic)),
        }}
        onValuesChange={(changed: Partial<BookValues>) => {
          // Items and staff are per clinic: another clinic's would be refused.
          if ('clinicId' in changed) form.setFieldsValue({ itemId: undefined, staffId: undefined });
        }}
        onFinish={(v) => book.mutation.mutate(v)}
        disabled={book.mutation.isPending}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            {draft.customer ? (
              <Form.Item label={t('appointments.form.customer')}>
                <Typography.Text strong data-testid="booking-form-customer-name">
                  {draft.customer.name}
                </Typography.Text>
                <Form.Item name="customerId" hidden>
                  <Input />
                </Form.Item>
              </Form.Item>
            ) : (
              <Form.Item
                name="customerId"
                label={t('appointments.form.customer')}
                rules={[{ required: true, message: t('validation.required', { field: t('appointments.form.customer') }) }]}
              >
                <CustomerPicker testId="booking-form-customer" />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="clinicId"
              label={t('appointments.form.clinic')}
              rules={[{ required: true, message: t('validation.required', { field: t('appointments.form.clinic') }) }]}
            >
              <ClinicSelect testId="booking-form-clinic" />
            </Form.Item>
          </Col>
          <SlotFields clinicId={clinicId} zone={zone} />
        </Row>
      </Form>
    </FormModal>
  );
}

/** Moves an appointment, or changes its item, staff member, length or note (If-Match; a 412 offers to reload). */
export function RescheduleModal({ appointment, onClose }: { appointment: Appointment | null; onClose: () => void }) {
  return appointment ? <RescheduleDialog appointment={appointment} onClose={onClose} /> : null;
}

function RescheduleDialog({ appointment: shown, onClose }: { appointment: Appointment; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const clinics = useMyClinics();
  const zone = clinics.zoneOf(shown.clinicId);
  const [form] = Form.useForm<MoveValues>();
  // Read afresh for the ETag; once the clinics are known, so its time shows on the clinic's clock.
  const current = useQuery({
    queryKey: keys.appointmentEdit(shown.id),
    enabled: !clinics.query.isPending,
    queryFn: () => unwrap(api.GET('/api/v1/appointments/{appointmentId}', { params: { path: { appointmentId: shown.id } } })),
    staleTime: Infinity,
    gcTime: 0,
  });
  const loaded = current.data;
  useEffect(() => {
    if (!loaded) return;
    const a = loaded.data;
    form.setFieldsValue({
      startsAt: instantToWall(a.startsAt, zone),
      durationMinutes: dayjs(a.endsAt).diff(a.startsAt, 'minute'),
      itemId: a.itemId ?? null,
      staffId: a.staffId ?? null,
      note: a.note ?? '',
    });
  }, [loaded, zone, form]);

  const save = useFormMutation({
    form,
    fields: BOOK_FIELDS,
    invalidate: APPOINTMENT_WRITES,
    mutationFn: (v: MoveValues) => {
      const startsAt = wallToInstant(v.startsAt, zone);
      const minutes = v.durationMinutes ?? DEFAULT_MINUTES;
      return namingClash(api, t, zone, { staffId: v.staffId, startsAt, minutes, self: shown.id }, () =>
        dataOf(
          api.PATCH('/api/v1/appointments/{appointmentId}', {
            params: { path: { appointmentId: shown.id }, header: { 'If-Match': ifMatch(loaded!.data, loaded!.etag) } },
            body: {
              startsAt,
              durationMinutes: v.durationMinutes ?? undefined,
              itemId: v.itemId ?? null,
              staffId: v.staffId ?? null,
              note: blankToNull(v.note),
            },
          }),
        ),
      );
    },
    fieldErrorsFor: (problem) => bookingFieldErrors(problem, t),
    onClose,
    onSuccess: (a) => message.success(t('appointments.moved', { name: a.customerName, time: formatDateTimeIn(a.startsAt, zone) })),
  });

  return (
    <FormModal
      open
      title={t('appointments.form.moveTitle', { name: shown.customerName })}
      submitTestId="booking-form-submit"
      testId="reschedule-form"
      errorTestId="booking-form-error"
      width={640}
      {...save.modal}
      {...editModalProps(current, save)}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)} disabled={save.mutation.isPending}>
        <Row gutter={16}>
          <SlotFields clinicId={shown.clinicId} zone={zone} unchangedStart={loaded ? dayjs(loaded.data.startsAt).format() : undefined} />
        </Row>
      </Form>
    </FormModal>
  );
}

/** Cancels with the reason (required): the staff member's time is freed. */
export function CancelAppointmentModal({ appointment, onClose }: { appointment: Appointment | null; onClose: () => void }) {
  return appointment ? <CancelDialog appointment={appointment} onClose={onClose} /> : null;
}

function CancelDialog({ appointment, onClose }: { appointment: Appointment; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useFormMutation({
    form,
    fields: ['reason'],
    invalidate: APPOINTMENT_WRITES,
    mutationFn: ({ reason }: { reason: string }) =>
      dataOf(
        api.POST('/api/v1/appointments/{appointmentId}/cancel', {
          params: { path: { appointmentId: appointment.id } },
          body: { reason: reason.trim() },
        }),
      ),
    onClose,
    onSuccess: (a) => message.success(t('appointments.cancelled', { name: a.customerName })),
  });
  return (
    <FormModal
      open
      title={t('appointments.cancelTitle', { name: appointment.customerName })}
      submitLabel={t('appointments.cancel')}
      submitTestId="cancel-form-submit"
      testId="cancel-form"
      width={480}
      {...cancel.modal}
    >
      <Typography.Paragraph type="secondary">{t('appointments.cancelHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => cancel.mutation.mutate(v)} disabled={cancel.mutation.isPending}>
        <Form.Item
          name="reason"
          label={t('appointments.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('appointments.cancelReason') }) }, { max: 300 }]}
        >
          <Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="cancel-form-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
