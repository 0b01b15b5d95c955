import { Form, Input, Radio, Select } from 'antd';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/I18nProvider';

export type FollowUpTask = components['schemas']['FollowUpTask'];
export type FollowUpRule = components['schemas']['FollowUpRule'];
export type FollowUpTrigger = components['schemas']['FollowUpTrigger'];
export type FollowUpOutcome = components['schemas']['FollowUpOutcome'];
export type TouchpointChannel = components['schemas']['TouchpointChannel'];

export const OUTCOMES: FollowUpOutcome[] = ['REACHED', 'NO_ANSWER', 'BOOKED', 'DECLINED'];
export const CHANNELS: TouchpointChannel[] = ['CALL', 'MESSAGE', 'VISIT', 'GIFT'];
export const TRIGGERS: FollowUpTrigger[] = [
  'AFTER_TREATMENT',
  'PACK_SESSION_DUE',
  'BIRTHDAY',
  'POINTS_EXPIRING',
  'STORED_VALUE_EXPIRING',
  'AT_RISK',
  'CONSULTATION_NOT_CONVERTED',
];
export const OUTCOME_COLORS: Record<FollowUpOutcome, string> = { REACHED: 'green', NO_ANSWER: 'orange', BOOKED: 'blue', DECLINED: 'default' };

/** The fields of a contact: how it was made, what came of it (required for a task's result), a note. */
export function ContactFields({ outcomeRequired, testId }: { outcomeRequired: boolean; testId: string }) {
  const { t } = useI18n();
  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  return (
    <>
      <Form.Item name="channel" label={t('followUps.channel')} rules={required(t('followUps.channel'))}>
        <Select data-testid={`${testId}-channel`} options={CHANNELS.map((c) => ({ value: c, label: t(`touchpointChannel.${c}`) }))} />
      </Form.Item>
      <Form.Item name="outcome" label={t('followUps.outcome')} rules={outcomeRequired ? required(t('followUps.outcome')) : []}>
        <Radio.Group data-testid={`${testId}-outcome`}>
          {OUTCOMES.map((o) => (
            <Radio.Button key={o} value={o} data-testid={`${testId}-outcome-${o}`}>
              {t(`followUpOutcome.${o}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="note" label={t('followUps.note')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={3} data-testid={`${testId}-note`} />
      </Form.Item>
    </>
  );
}
