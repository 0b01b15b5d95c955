import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Consultation } from '../../api/queries';
import { formatDateTimeIn } from '../../components/zonedTime';
import { useI18n } from '../../i18n/I18nProvider';
import { OutcomeTag } from './StatusTags';

/** A consultation as recorded: when and by whom, the summary, the ranked needs with suggested items, the outcome. */
export function ConsultationCard({
  consultation: c,
  zone,
  highlighted = false,
  onEdit,
  extra,
}: {
  consultation: Consultation;
  zone: string;
  highlighted?: boolean;
  /** Offered to those who may record consultations. */
  onEdit?: () => void;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      data-testid={`consultation-${c.id}`}
      style={highlighted ? { borderColor: '#c2416b', boxShadow: '0 0 0 2px rgba(194,65,107,.15)' } : undefined}
      title={
        <Space wrap>
          <span>{formatDateTimeIn(c.consultedAt, zone)}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('consultations.by', { name: c.consultantName })}
          </Typography.Text>
          <OutcomeTag outcome={c.outcome} reason={c.reason} />
        </Space>
      }
      extra={
        <Space>
          {extra}
          {onEdit && (
            <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid={`edit-consultation-${c.id}`}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={8}>
        {c.summary && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.summary}</Typography.Paragraph>}
        {c.needs.length === 0 ? (
          <Typography.Text type="secondary">{t('consultations.noNeeds')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={c.needs}
            rowKey="rank"
            renderItem={(n) => (
              <List.Item data-testid={`consultation-${c.id}-need-${n.rank}`}>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Space wrap>
                    <Tag color="magenta">{t('consultations.rankN', { n: n.rank })}</Tag>
                    <Tag>{t(`area.${n.area}`)}</Tag>
                    <Typography.Text strong>{n.concern}</Typography.Text>
                    {n.note && <Typography.Text type="secondary">{n.note}</Typography.Text>}
                  </Space>
                  {n.suggestedItems.length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('consultations.suggested')}: {n.suggestedItems.map((i) => i.name).join(t('common.listSeparator'))}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
        {(c.outcomeNote || c.outcomeRecordedAt) && (
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            {c.outcomeNote && <Descriptions.Item label={t('consultations.outcomeNote')}>{c.outcomeNote}</Descriptions.Item>}
            {c.outcomeRecordedAt && (
              <Descriptions.Item label={t('consultations.outcomeRecordedAt')}>{formatDateTimeIn(c.outcomeRecordedAt, zone)}</Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Flex>
    </Card>
  );
}
