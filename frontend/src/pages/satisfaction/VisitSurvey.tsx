import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Rate, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, type Visit } from '../../api/queries';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/I18nProvider';
import { ItemSelect } from '../visits/pickers';
import { complaintKeys, SEVERITIES } from './ComplaintsPage';

type Survey = components['schemas']['Survey'];
type SurveyLinkCreated = components['schemas']['SurveyLinkCreated'];
type ComplaintSeverity = components['schemas']['ComplaintSeverity'];
type ComplaintCategory = components['schemas']['ComplaintCategory'];

const CATEGORIES: ComplaintCategory[] = ['RESULT', 'SERVICE', 'WAITING', 'PRICE', 'OTHER'];

interface RecordValues {
  resultScore?: number;
  experienceScore?: number;
  nps?: number;
  comment?: string;
  itemIds?: string[];
}

const surveyKey = (visitId: string) => ['satisfaction', 'surveys', visitId] as const;

/** The visit's satisfaction survey: its answers, or a one-time link for the customer, or the staff's form. */
export function VisitSurvey({ visit }: { visit: Visit }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [recording, setRecording] = useState(false);
  const [complaining, setComplaining] = useState(false);
  const [link, setLink] = useState<SurveyLinkCreated | null>(null);
  const surveys = useQuery({
    queryKey: surveyKey(visit.id),
    queryFn: () => dataOf(api.GET('/api/v1/satisfaction/surveys', { params: { query: { visitId: visit.id } } })),
  });
  const createLink = useMutation({
    mutationFn: () => dataOf(api.POST('/api/v1/satisfaction/survey-links', { body: { visitId: visit.id } })),
    onSuccess: (created) => {
      setLink(created);
      void queryClient.invalidateQueries({ queryKey: surveyKey(visit.id) });
    },
  });
  const survey: Survey | undefined = surveys.data?.items[0];
  const answered = survey?.status === 'SUBMITTED';
  const linkValid = survey?.status === 'PENDING' && !!survey.linkExpiresAt && new Date(survey.linkExpiresAt) > new Date();
  return (
    <Card
      title={t('survey.title')}
      style={{ marginBottom: 16 }}
      data-testid="visit-survey"
      extra={
        <Space wrap>
          {!answered && !linkValid && (
            <Button onClick={() => createLink.mutate()} loading={createLink.isPending} data-testid="survey-create-link">
              {t('survey.createLink')}
            </Button>
          )}
          {!answered && (
            <Button type="primary" onClick={() => setRecording(true)} data-testid="survey-record">
              {t('survey.record')}
            </Button>
          )}
          <Button danger onClick={() => setComplaining(true)} data-testid="complaint-open">
            {t('complaints.open')}
          </Button>
        </Space>
      }
    >
      {surveys.isError && <ErrorAlert error={surveys.error} onRetry={() => surveys.refetch()} testId="visit-survey-error" />}
      {createLink.isError && <ErrorAlert error={createLink.error} testId="survey-link-error" />}
      {link && (
        <div data-testid="survey-link">
          <Typography.Text>{t('survey.linkReady', { expires: formatDateTime(link.expiresAt) })}</Typography.Text>
          <Typography.Paragraph copyable code data-testid="survey-link-url" style={{ wordBreak: 'break-all' }}>
            {`${window.location.origin}${link.path}`}
          </Typography.Paragraph>
        </div>
      )}
      {!link && survey?.status === 'PENDING' && linkValid && (
        <Typography.Text type="secondary" data-testid="survey-pending">
          {t('survey.pending', { expires: formatDateTime(survey.linkExpiresAt) })}
        </Typography.Text>
      )}
      {answered && survey && <Answers survey={survey} />}
      {!survey && !link && surveys.isSuccess && <Typography.Text type="secondary">{t('survey.none')}</Typography.Text>}
      {recording && <RecordModal visit={visit} onClose={() => setRecording(false)} />}
      {complaining && <ComplaintModal visit={visit} onClose={() => setComplaining(false)} />}
    </Card>
  );
}

function Answers({ survey }: { survey: Survey }) {
  const { t } = useI18n();
  return (
    <Descriptions column={{ xs: 1, sm: 2 }} size="small" data-testid="survey-answers">
      <Descriptions.Item label={t('survey.result')}>
        <Rate disabled value={survey.resultScore ?? 0} />
      </Descriptions.Item>
      <Descriptions.Item label={t('survey.experience')}>
        <Rate disabled value={survey.experienceScore ?? 0} />
      </Descriptions.Item>
      <Descriptions.Item label={t('survey.nps')}>
        <span data-testid="survey-nps">{survey.nps}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('survey.submitted')}>
        <Space size={4} wrap>
          <span>{formatDateTime(survey.submittedAt)}</span>
          <Tag>{t(`survey.channel.${survey.channel}`)}</Tag>
          {survey.complaintId && <Tag color="red" data-testid="survey-complaint">{t('survey.complaintOpened')}</Tag>}
        </Space>
      </Descriptions.Item>
      {survey.items.length > 0 && <Descriptions.Item label={t('survey.items')}>{survey.items.map((i) => i.name).join('、')}</Descriptions.Item>}
      {survey.comment && (
        <Descriptions.Item label={t('survey.comment')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{survey.comment}</span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Staff enter the customer's answers (from a paper form or a call); low ones open a complaint. */
function RecordModal({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RecordValues>();
  const save = useMutation({
    mutationFn: (v: RecordValues) =>
      dataOf(
        api.POST('/api/v1/satisfaction/surveys', {
          body: {
            visitId: visit.id,
            resultScore: v.resultScore!,
            experienceScore: v.experienceScore!,
            nps: v.nps!,
            comment: v.comment || null,
            itemIds: v.itemIds?.length ? v.itemIds : null,
          },
        }),
      ),
    onSuccess: (survey) => {
      message.success(t(survey.complaintId ? 'survey.complaintOpened' : 'survey.recorded'));
      void queryClient.invalidateQueries({ queryKey: surveyKey(visit.id) });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      void queryClient.invalidateQueries({ queryKey: keys.timeline });
      onClose();
    },
  });
  const required = (label: string) => [{ required: true, message: t('validation.required', { field: label }) }];
  return (
    <Modal
      open
      title={t('survey.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'survey-record-save' } as ButtonProps}
      destroyOnHidden
    >
      {save.isError && <ErrorAlert error={save.error} testId="survey-record-error" />}
      <Form<RecordValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="resultScore" label={t('survey.result')} rules={required(t('survey.result'))}>
          <Rate data-testid="survey-record-result" />
        </Form.Item>
        <Form.Item name="experienceScore" label={t('survey.experience')} rules={required(t('survey.experience'))}>
          <Rate data-testid="survey-record-experience" />
        </Form.Item>
        <Form.Item name="nps" label={t('survey.nps')} rules={required(t('survey.nps'))}>
          <InputNumber min={0} max={10} precision={0} data-testid="survey-record-nps" />
        </Form.Item>
        <Form.Item name="itemIds" label={t('survey.items')}>
          <ItemSelect clinicId={visit.clinicId} multiple testId="survey-record-items" maxCount={20} />
        </Form.Item>
        <Form.Item name="comment" label={t('survey.comment')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="survey-record-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ComplaintValues {
  severity?: ComplaintSeverity;
  category?: ComplaintCategory;
  description?: string;
}

/** A complaint the customer makes in person or by phone about this visit; the clinic's manager owns it. */
function ComplaintModal({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ComplaintValues>();
  const save = useMutation({
    mutationFn: (v: ComplaintValues) =>
      dataOf(
        api.POST('/api/v1/satisfaction/complaints', {
          body: {
            customerId: visit.customerId,
            clinicId: visit.clinicId,
            visitId: visit.id,
            severity: v.severity!,
            category: v.category!,
            description: v.description!.trim(),
          },
        }),
      ),
    onSuccess: () => {
      message.success(t('complaints.opened'));
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      void queryClient.invalidateQueries({ queryKey: keys.timeline });
      onClose();
    },
  });
  const required = (label: string) => [{ required: true, whitespace: true, message: t('validation.required', { field: label }) }];
  return (
    <Modal
      open
      title={t('complaints.openTitle', { name: visit.customerName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'complaint-open-save' } as ButtonProps}
      destroyOnHidden
    >
      {save.isError && <ErrorAlert error={save.error} testId="complaint-open-error" />}
      <Form<ComplaintValues> form={form} layout="vertical" initialValues={{ severity: 'MEDIUM', category: 'SERVICE' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="severity" label={t('complaints.col.severity')} rules={required(t('complaints.col.severity'))}>
          <Select<ComplaintSeverity>
            options={SEVERITIES.map((s) => ({ value: s, label: t(`complaintSeverity.${s}`) }))}
            data-testid="complaint-open-severity"
          />
        </Form.Item>
        <Form.Item name="category" label={t('complaints.col.category')} rules={required(t('complaints.col.category'))}>
          <Select<ComplaintCategory>
            options={CATEGORIES.map((c) => ({ value: c, label: t(`complaintCategory.${c}`) }))}
            data-testid="complaint-open-category"
          />
        </Form.Item>
        <Form.Item name="description" label={t('complaints.col.description')} rules={required(t('complaints.col.description'))}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 6 }} data-testid="complaint-open-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
