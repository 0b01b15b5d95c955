import { CheckSquareOutlined } from '@ant-design/icons';
import { Button, Card, Space, Spin, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Visit } from '../../api/queries';
import { ErrorAlert, errorText } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { customerPackLink } from './PackLineName';
import { useCustomerPacks } from './packQueries';
import { intervalRunning, redeemableSessions, type PackSession } from './packRules';
import { RedeemDialog } from './RedeemDialog';

/**
 * Her pack sessions that can be redeemed at this visit's clinic, each one click from the confirmation (the
 * second click): a card on the visit page, or a row of buttons on the desk (`compact`).
 */
export function PackSessions({ visit, compact = false }: { visit: Visit; compact?: boolean }) {
  const { t } = useI18n();
  const { permissions } = useMe();
  const packs = useCustomerPacks(visit.customerId, visit.clinicId);
  const [chosen, setChosen] = useState<{ packId: string; itemId: string } | null>(null);
  const all = packs.data?.items ?? [];
  const sessions = redeemableSessions(all);
  // The chosen pack as read now (after a refusal it is read again, and may no longer be redeemable).
  const pack = all.find((p) => p.id === chosen?.packId);
  const item = pack?.items.find((i) => i.itemId === chosen?.itemId);
  const testId = (s: PackSession) => `${compact ? `desk-redeem-${visit.id}` : 'redeem'}-${s.pack.id}-${s.item.itemId}`;
  const redeem = (s: PackSession, label: string) => (
    <Button
      key={testId(s)}
      size="small"
      type={compact ? 'default' : 'primary'}
      icon={<CheckSquareOutlined />}
      onClick={() => setChosen({ packId: s.pack.id, itemId: s.item.itemId })}
      data-testid={testId(s)}
    >
      {label}
    </Button>
  );
  const dialog = pack && item && <RedeemDialog visit={visit} pack={pack} item={item} onClose={() => setChosen(null)} />;

  if (compact) {
    if (packs.isError) {
      return (
        <Tooltip title={errorText(packs.error, t)}>
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        </Tooltip>
      );
    }
    if (packs.isPending) return <Spin size="small" />;
    return (
      <Space size={4} wrap data-testid={`desk-packs-${visit.id}`}>
        {sessions.length === 0
          ? t('common.none')
          : sessions.map((s) => {
              const label = t('packs.redeem.short', { item: s.item.itemName, remaining: s.item.remaining });
              return permissions.canRedeemPacks ? redeem(s, label) : <Typography.Text key={testId(s)}>{label}</Typography.Text>;
            })}
        {dialog}
      </Space>
    );
  }

  const others = all.length - new Set(sessions.map((s) => s.pack.id)).size;
  return (
    <Card
      title={t('packs.redeem.cardTitle')}
      style={{ marginBottom: 16 }}
      data-testid="visit-packs"
      extra={
        <Link to={customerPackLink(visit.customerId)} data-testid="visit-packs-all">
          {t('packs.redeem.allPacks')}
        </Link>
      }
    >
      {packs.isError ? (
        <ErrorAlert error={packs.error} onRetry={() => packs.refetch()} testId="visit-packs-error" />
      ) : (
        <Table<PackSession>
          rowKey={(s) => `${s.pack.id}:${s.item.itemId}`}
          size="small"
          pagination={false}
          loading={packs.isPending}
          dataSource={sessions}
          locale={{ emptyText: t('packs.redeem.none') }}
          columns={[
            { title: t('packs.col.pack'), key: 'pack', render: (_, s) => s.pack.templateName },
            { title: t('packs.item'), key: 'item', render: (_, s) => <strong>{s.item.itemName}</strong> },
            {
              title: t('packs.remaining'),
              key: 'remaining',
              align: 'right',
              render: (_, s) => <span data-testid={`remaining-${s.pack.id}-${s.item.itemId}`}>{`${s.item.remaining} / ${s.item.sessions}`}</span>,
            },
            {
              title: t('packs.nextDue'),
              key: 'due',
              render: (_, s) => (
                <Typography.Text type={intervalRunning(s.item) ? 'warning' : undefined}>{formatDateTime(s.item.nextDueAt)}</Typography.Text>
              ),
            },
            { title: t('packs.expiresAt'), key: 'expires', render: (_, s) => formatDate(s.pack.expiresAt) },
            { title: '', key: 'redeem', width: 100, render: (_, s) => permissions.canRedeemPacks && redeem(s, t('packs.redeem.action')) },
          ]}
        />
      )}
      {others > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="visit-packs-others">
          {t('packs.redeem.others', { count: others })}
        </Typography.Paragraph>
      )}
      {dialog}
    </Card>
  );
}
