import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Radio, Row, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { ifMatch, unwrap } from '../../api/client';
import { applyProblemToForm, type FieldPath } from '../../api/formErrors';
import { isApiProblem } from '../../api/problem';
import { keys, type PointsRules } from '../../api/queries';
import { formatDateTime } from '../../components/format';
import { formatMoney, toMajorUnits, toMinorUnits } from '../../components/money';
import { MoneyInput } from '../../components/MoneyInput';
import { SaveError, SettingsPage } from '../../components/SettingsPage';
import type { Versioned } from '../../components/useFormMutation';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { usePointsRules } from './pointsQueries';

interface RulesValues {
  earnRate?: number | null;
  redeemPoints?: number | null;
  redeemAmount?: string | null;
  allowTender?: boolean;
  policy?: PointsRules['expiry']['policy'];
  months?: number | null;
  reminderDays?: number | null;
}

const FIELDS: FieldPath[] = ['earnRate', 'redeemPoints', 'redeemAmount', 'allowTender', 'policy', 'months', 'reminderDays'];

function toValues(r: PointsRules): RulesValues {
  return {
    earnRate: r.earnRate,
    redeemPoints: r.redeemPoints,
    redeemAmount: toMajorUnits(r.redeemAmount.amount, r.redeemAmount.currency),
    allowTender: r.allowTender,
    policy: r.expiry.policy,
    months: r.expiry.months ?? null,
    reminderDays: r.reminderDays,
  };
}

/** The chain's points rules (tenant admin): earning, what points are worth, paying with them, expiry, reminders. */
export function PointsRulesPage() {
  const { t } = useI18n();
  const rules = usePointsRules();
  return (
    <SettingsPage
      title={t('nav.pointsSettings')}
      testId="points-rules-page"
      record={rules}
      editor={(record, reload) => <RulesEditor record={record} onReload={reload} />}
    />
  );
}

function RulesEditor({ record, onReload }: { record: Versioned<PointsRules>; onReload: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const currency = me.tenant?.currency ?? 'CNY';
  const [form] = Form.useForm<RulesValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const policy = Form.useWatch('policy', form) ?? record.data.expiry.policy;
  const save = useMutation({
    mutationFn: (v: RulesValues) =>
      unwrap(
        api.PUT('/api/v1/points/rules', {
          params: { header: { 'If-Match': ifMatch(record.data, record.etag) } },
          body: {
            earnRate: v.earnRate ?? 0,
            redeemPoints: v.redeemPoints!,
            redeemAmount: { amount: toMinorUnits(v.redeemAmount ?? '', currency)!, currency },
            allowTender: !!v.allowTender,
            expiry: v.policy === 'AFTER_MONTHS' ? { policy: 'AFTER_MONTHS', months: v.months! } : { policy: 'END_OF_NEXT_YEAR' },
            reminderDays: v.reminderDays ?? 0,
          },
        }),
      ),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      message.success(t('common.saved'));
      queryClient.setQueryData(keys.pointsRules, result);
    },
    onError: (e) => {
      // The server names the expiry's fields under `expiry`; the form has them flat.
      const errors = isApiProblem(e) ? e.errors.map((x) => ({ ...x, field: x.field.replace(/^expiry\./, '').replace(/^redeemAmount\.amount$/, 'redeemAmount') })) : [];
      const unmatched = applyProblemToForm(form, errors, FIELDS);
      setFailure(unmatched.length > 0 || errors.length === 0 || (isApiProblem(e) && e.status !== 400) ? e : null);
    },
  });
  const r = record.data;
  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];

  return (
    <Card>
      <Form<RulesValues> form={form} layout="vertical" initialValues={toValues(r)} onFinish={(v) => save.mutate(v)} style={{ maxWidth: 720 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="earnRate" label={t('pointsRules.earnRate', { currency })} extra={t('pointsRules.earnRateHint')} rules={required(t('pointsRules.earnRateLabel'))}>
              <InputNumber min={0} max={1000} precision={2} style={{ width: '100%' }} data-testid="points-rules-earn" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('pointsRules.redemption')} extra={t('pointsRules.redemptionHint')} required>
              <Row gutter={8} align="middle">
                <Col span={10}>
                  <Form.Item name="redeemPoints" noStyle rules={required(t('pointsRules.redeemPointsLabel'))}>
                    <InputNumber min={1} max={1000000} precision={0} suffix={t('points.points')} style={{ width: '100%' }} data-testid="points-rules-redeem-points" />
                  </Form.Item>
                </Col>
                <Col span={2} style={{ textAlign: 'center' }}>
                  =
                </Col>
                <Col span={12}>
                  <Form.Item name="redeemAmount" noStyle rules={required(t('pointsRules.redeemAmountLabel'))}>
                    <MoneyInput currency={currency} testId="points-rules-redeem-amount" />
                  </Form.Item>
                </Col>
              </Row>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="allowTender" label={t('pointsRules.allowTender')} valuePropName="checked">
              <Switch data-testid="points-rules-tender" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="reminderDays" label={t('pointsRules.reminderDays')} rules={required(t('pointsRules.reminderDays'))}>
              <InputNumber min={0} max={365} precision={0} suffix={t('pointsRules.days')} style={{ width: '100%' }} data-testid="points-rules-reminder" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="policy" label={t('pointsRules.expiry')}>
              <Radio.Group data-testid="points-rules-policy">
                <Radio value="END_OF_NEXT_YEAR">{t('pointsRules.endOfNextYear')}</Radio>
                <Radio value="AFTER_MONTHS">{t('pointsRules.afterMonths')}</Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
          {policy === 'AFTER_MONTHS' && (
            <Col xs={24} md={12}>
              <Form.Item name="months" label={t('pointsRules.months')} rules={required(t('pointsRules.months'))}>
                <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} data-testid="points-rules-months" />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Typography.Paragraph type="secondary">
          {t('pointsRules.current', {
            points: r.redeemPoints,
            amount: formatMoney(r.redeemAmount, locale),
            at: formatDateTime(r.updatedAt),
          })}
        </Typography.Paragraph>
        {failure != null && (
          <SaveError
            error={failure}
            testId="points-rules-save-error"
            onReload={() => {
              setFailure(null);
              onReload();
            }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="points-rules-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
