import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Radio, Rate, Result, Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { Brand } from '../../components/Brand';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

interface Answers {
  resultScore?: number;
  experienceScore?: number;
  nps?: number;
  comment?: string;
}

const NPS = Array.from({ length: 11 }, (_, i) => i);

/** What a problem of the link means to the customer: answered already, expired, or not one of ours. */
function unavailable(error: unknown): MessageKey | null {
  if (!(error instanceof ApiProblem)) return null;
  if (error.type.endsWith('/survey-answered')) return 'publicSurvey.used';
  if (error.type.endsWith('/survey-expired')) return 'publicSurvey.expired';
  if (error.status === 404) return 'publicSurvey.unknown';
  return null;
}

/**
 * The customer's survey behind a one-time link: no login, phone-sized (one column, big touch targets), zh-CN unless
 * she switches. It shows only the clinic, the visit's date and its items.
 */
export function PublicSurveyPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<Answers>();
  const survey = useQuery({
    queryKey: ['public-survey', token],
    queryFn: () => dataOf(api.GET('/api/v1/public/surveys/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const submit = useMutation({
    mutationFn: (v: Answers) =>
      dataOf(
        api.POST('/api/v1/public/surveys/{token}', {
          params: { path: { token } },
          body: { resultScore: v.resultScore!, experienceScore: v.experienceScore!, nps: v.nps!, comment: v.comment || null },
        }),
      ),
  });
  const required = [{ required: true, message: t('publicSurvey.required') }];

  let body;
  if (survey.isPending) {
    body = <Spin data-testid="public-survey-loading" />;
  } else if (submit.isSuccess) {
    body = <Result status="success" title={t('publicSurvey.thanks')} subTitle={t('publicSurvey.thanksDetail')} data-testid="public-survey-thanks" />;
  } else if (survey.isError || unavailable(submit.error)) {
    const reason = unavailable(survey.error ?? submit.error);
    body = reason ? (
      <Result status={reason === 'publicSurvey.unknown' ? '404' : 'info'} title={t(reason)} data-testid="public-survey-unavailable" />
    ) : (
      <ErrorAlert error={survey.error} onRetry={() => survey.refetch()} testId="public-survey-error" />
    );
  } else {
    const s = survey.data;
    body = (
      <Form<Answers> form={form} layout="vertical" requiredMark={false} onFinish={(v) => submit.mutate(v)} data-testid="public-survey-form">
        <Typography.Paragraph data-testid="public-survey-intro">{t('publicSurvey.intro', { clinic: s.clinicName, date: s.visitDate })}</Typography.Paragraph>
        {s.items.length > 0 && <Typography.Paragraph type="secondary">{s.items.join('、')}</Typography.Paragraph>}
        <Form.Item name="resultScore" label={t('publicSurvey.result')} rules={required}>
          <Rate style={{ fontSize: 32 }} data-testid="public-survey-result" />
        </Form.Item>
        <Form.Item name="experienceScore" label={t('publicSurvey.experience')} rules={required}>
          <Rate style={{ fontSize: 32 }} data-testid="public-survey-experience" />
        </Form.Item>
        <Form.Item name="nps" label={t('publicSurvey.nps')} rules={required} extra={`0 ${t('publicSurvey.npsLow')} · 10 ${t('publicSurvey.npsHigh')}`}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="public-survey-nps" style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            {NPS.map((n) => (
              <Radio.Button key={n} value={n} style={{ minWidth: 40, textAlign: 'center' }} data-testid={`public-survey-nps-${n}`}>
                {n}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label={t('publicSurvey.comment')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} data-testid="public-survey-comment" />
        </Form.Item>
        {submit.isError && <ErrorAlert error={submit.error} testId="public-survey-submit-error" />}
        <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="public-survey-submit">
          {t('publicSurvey.submit')}
        </Button>
      </Form>
    );
  }
  return (
    <Flex justify="center" style={{ minHeight: '100vh', background: '#f5f5f7', padding: 12 }} data-testid="public-survey-page">
      <Card style={{ width: '100%', maxWidth: 480, alignSelf: 'flex-start' }} title={<Brand />} extra={<LanguageSwitch />}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('publicSurvey.title')}
        </Typography.Title>
        {body}
      </Card>
    </Flex>
  );
}
