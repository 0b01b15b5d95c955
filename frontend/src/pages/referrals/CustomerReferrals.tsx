import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Table, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/I18nProvider';

type Referee = components['schemas']['ReferralReferee'];
type Reward = components['schemas']['ReferralRewardEarned'];

/** A customer's referrals: who referred her, the two levels she brought, and the rewards she earned. */
export function CustomerReferrals({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const referrals = useQuery({
    queryKey: ['referrals', 'customer', customerId],
    queryFn: () => dataOf(api.GET('/api/v1/referrals/customers/{customerId}', { params: { path: { customerId } } })),
  });
  if (referrals.error) return <ErrorAlert error={referrals.error} />;
  const r = referrals.data;
  if (!r) return null;
  const node = (c: Referee): DataNode => ({
    key: c.id,
    title: (
      <span data-testid={`referee-${c.id}`}>
        {c.name} {c.countedAt ? <Tag color="green">{t('referrals.counted')}</Tag> : <Tag>{t('referrals.notYet')}</Tag>}
      </span>
    ),
    children: c.referees.map(node),
  });
  return (
    <Card data-testid="customer-referrals">
      <Descriptions column={2} size="small">
        <Descriptions.Item label={t('referrals.referrer')}>{r.referrer?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('referrals.countedThisYear')}>
          <span data-testid="referrals-counted">{r.countedThisMemberYear}</span>
        </Descriptions.Item>
      </Descriptions>
      {r.referees.length === 0 ? <Empty description={t('referrals.none')} /> : <Tree defaultExpandAll treeData={r.referees.map(node)} />}
      <Table<Reward>
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="referral-rewards"
        dataSource={r.rewards}
        columns={[
          { title: t('referrals.referee'), dataIndex: 'refereeName' },
          { title: t('referrals.level'), dataIndex: 'level' },
          { title: t('referrals.points'), dataIndex: 'points', render: (p: number) => <span data-testid="reward-points">{p}</span> },
          {
            title: t('referrals.status'),
            render: (_, w) => (
              <Tag color={w.status === 'PAID' ? 'green' : 'default'} data-testid="reward-status">
                {w.status === 'PAID' ? t('referrals.paid') : t('referrals.reversed', { shortfall: w.shortfall ?? 0 })}
              </Tag>
            ),
          },
          { title: t('referrals.paidAt'), dataIndex: 'paidAt', render: (v: string) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}
