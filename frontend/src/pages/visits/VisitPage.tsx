import { ArrowLeftOutlined, EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Select, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import { fetchAll, keys, type Visit } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { blankToNull } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { editModalProps, useEditedRecord, useFormMutation } from '../../components/useFormMutation';
import { dayIn, formatDateTimeIn } from '../../components/zonedTime';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { useStaffDirectory, useUserNames } from '../customers/useStaffDirectory';
import { PackSessions } from '../packs/PackSessions';
import { VisitSurvey } from '../satisfaction/VisitSurvey';
import { ConsultationCard } from './ConsultationCard';
import { ConsultationModal, type ConsultationTarget } from './ConsultationModal';
import { ColleagueSelect } from './pickers';
import { VisitStatusTag } from './StatusTags';
import { useMyClinics } from './useClinics';
import { CheckOutAction } from './CheckOutAction';
import { VISIT_PURPOSES, VISIT_WRITES, type VisitPurpose } from './visitFields';

/**
 * One visit: who came, when, why and to whom; its check-out; her pack sessions to redeem at it; and the
 * consultations recorded during it (for the roles that may read them). `?consultation=` highlights one, as the customer timeline links it.
 */
export function VisitPage() {
  const { visitId = '' } = useParams();
  return <VisitView key={visitId} visitId={visitId} />;
}

function VisitView({ visitId }: { visitId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const clinics = useMyClinics();
  const directory = useStaffDirectory();
  const userName = useUserNames();
  const [editing, setEditing] = useState(false);
  const [consulting, setConsulting] = useState<ConsultationTarget | null>(null);
  const record = useQuery({
    queryKey: keys.visit(visitId),
    queryFn: () => dataOf(api.GET('/api/v1/visits/{visitId}', { params: { path: { visitId } } })),
  });
  const back = (
    <Link to="/desk" data-testid="back-to-desk">
      <ArrowLeftOutlined /> {t('nav.desk')}
    </Link>
  );

  if (record.isPending) {
    return (
      <Spin>
        <div style={{ height: 240 }} data-testid="visit-loading" />
      </Spin>
    );
  }
  if (record.isError) {
    return (
      <Flex vertical gap={16}>
        {back}
        <ErrorAlert error={record.error} onRetry={() => record.refetch()} testId="visit-error" />
      </Flex>
    );
  }
  const v = record.data;
  const zone = clinics.zoneOf(v.clinicId);
  const open = !v.checkedOutAt;
  const none = t('common.none');
  const target = (consultationId?: string): ConsultationTarget => ({
    visitId: v.id,
    clinicId: v.clinicId,
    customerName: v.customerName,
    consultationId,
  });

  return (
    <div data-testid="visit-page">
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={
          <Space size={12} align="center">
            <Link to={`/customers/${v.customerId}`} data-testid="visit-customer-link">
              {v.customerName}
            </Link>
            <span>{t('visits.title')}</span>
            <VisitStatusTag open={open} />
          </Space>
        }
        extra={
          <Space wrap>
            {permissions.canRecordConsultations && (
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => setConsulting(target())} data-testid="visit-record-consultation">
                {t('consultations.record')}
              </Button>
            )}
            {permissions.canUpdateVisits && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-visit-button">
                {t('common.edit')}
              </Button>
            )}
            {permissions.canUpdateVisits && open && (
              <CheckOutAction visit={v} testId="visit-check-out" />
            )}
          </Space>
        }
      />
      <Card data-testid="visit-details" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('appointments.form.clinic')}>{clinics.nameOf(v.clinicId)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.purpose')}>
            <span data-testid="visit-purpose">{t(`visitPurpose.${v.purpose}`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('visits.checkedInAt')}>{formatDateTimeIn(v.checkedInAt, zone)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.checkedOutAt')}>{formatDateTimeIn(v.checkedOutAt, zone)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.staff')}>
            <span data-testid="visit-staff">{v.staffIds.map((id) => directory.nameOf(id)).join(t('common.listSeparator')) || none}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('visits.came')}>
            {v.appointmentId ? (
              <Link
                to={`/calendar?clinic=${v.clinicId}&date=${dayIn(zone, v.checkedInAt)}&appointment=${v.appointmentId}`}
                data-testid="visit-appointment-link"
              >
                {t('visits.fromAppointment')}
              </Link>
            ) : (
              <Tag>{t('visits.walkIn')}</Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('visits.checkedInBy')}>{userName(v.checkedInBy)}</Descriptions.Item>
          <Descriptions.Item label={t('visits.note')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{v.note || none}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <PackSessions visit={v} />
      {permissions.canSurvey && <VisitSurvey visit={v} />}
      {permissions.canViewConsultations && <VisitConsultations visit={v} zone={zone} onEdit={(id) => setConsulting(target(id))} />}
      {permissions.canUpdateVisits && <EditVisitModal visit={editing ? v : null} onClose={() => setEditing(false)} />}
      <ConsultationModal target={consulting} onClose={() => setConsulting(null)} />
    </div>
  );
}

function VisitConsultations({ visit, zone, onEdit }: { visit: Visit; zone: string; onEdit: (consultationId: string) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const [params] = useSearchParams();
  const highlighted = params.get('consultation');
  const consultations = useQuery({
    queryKey: [...keys.consultations, 'visit', visit.id],
    queryFn: () =>
      fetchAll((cursor, limit) => dataOf(api.GET('/api/v1/consultations', { params: { query: { visitId: visit.id, cursor, limit } } }))),
  });
  return (
    <Card title={t('consultations.title')} data-testid="visit-consultations">
      {consultations.isPending ? (
        <Spin>
          <div style={{ height: 120 }} />
        </Spin>
      ) : consultations.isError ? (
        <ErrorAlert error={consultations.error} onRetry={() => consultations.refetch()} testId="visit-consultations-error" />
      ) : consultations.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.noneForVisit')} />
      ) : (
        <Flex vertical gap={12}>
          {consultations.data.items.map((c) => (
            <ConsultationCard
              key={c.id}
              consultation={c}
              zone={zone}
              highlighted={c.id === highlighted}
              onEdit={permissions.canRecordConsultations ? () => onEdit(c.id) : undefined}
            />
          ))}
        </Flex>
      )}
    </Card>
  );
}

interface VisitValues {
  purpose: VisitPurpose;
  staffIds: string[];
  note?: string | null;
}

/** Changes a visit's purpose, staff or note (If-Match; a 412 offers to reload). */
function EditVisitModal({ visit, onClose }: { visit: Visit | null; onClose: () => void }) {
  return visit ? <EditVisitDialog visit={visit} onClose={onClose} /> : null;
}

function EditVisitDialog({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const current = useEditedRecord({
    queryKey: keys.visitEdit(visit.id),
    enabled: true,
    read: () => unwrap(api.GET('/api/v1/visits/{visitId}', { params: { path: { visitId: visit.id } } })),
    form,
    toValues: (v): VisitValues => ({ purpose: v.purpose, staffIds: v.staffIds, note: v.note ?? '' }),
  });
  const save = useFormMutation({
    form,
    fields: ['purpose', 'staffIds', 'note'],
    invalidate: VISIT_WRITES,
    mutationFn: (v: VisitValues) =>
      dataOf(
        api.PATCH('/api/v1/visits/{visitId}', {
          params: { path: { visitId: visit.id }, header: { 'If-Match': ifMatch(current.data!.data, current.data!.etag) } },
          body: { purpose: v.purpose, staffIds: v.staffIds, note: blankToNull(v.note) },
        }),
      ),
    onClose,
    onSuccess: () => message.success(t('common.saved')),
  });
  // The staff named on a visit may include someone who has since left: they stay named, not shown as ids.
  const directory = useStaffDirectory();
  const named = (current.data?.data.staffIds ?? []).map((id) => ({ value: id, label: directory.nameOf(id) ?? id }));
  return (
    <FormModal
      open
      title={t('visits.editTitle', { name: visit.customerName })}
      submitTestId="visit-form-submit"
      testId="visit-form"
      width={560}
      {...save.modal}
      {...editModalProps(current, save)}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutation.mutate(v)} disabled={save.mutation.isPending}>
        <Form.Item name="purpose" label={t('visits.purpose')} rules={[{ required: true }]}>
          <Select<VisitPurpose> data-testid="visit-form-purpose" options={VISIT_PURPOSES.map((p) => ({ value: p, label: t(`visitPurpose.${p}`) }))} />
        </Form.Item>
        <Form.Item name="staffIds" label={t('visits.staff')}>
          <ColleagueSelect
            multiple
            clinicId={visit.clinicId}
            testId="visit-form-staff"
            keep={named}
          />
        </Form.Item>
        <Form.Item name="note" label={t('visits.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="visit-form-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
