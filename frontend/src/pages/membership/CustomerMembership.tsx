import { CrownOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Empty, Flex, List, Progress, Row, Spin, Table, Tag, Typography } from 'antd';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { ITEM_CATEGORIES } from '../catalog/catalogFields';
import { useUserNames } from '../customers/useStaffDirectory';
import { CustomerPoints } from '../points/CustomerPoints';
import { TierOverrideActions } from './TierOverrideActions';
import { tierProgress, type CustomerMembership as Membership, type TierChange } from './membershipFields';

/** The customer's tier card, her progress to the next tier, her member year, tier history; then her points. */
export function CustomerMembership({ customerId }: { customerId: string }) {
  const api = useApi();
  const membership = useQuery({
    queryKey: [...keys.membership, 'customer', customerId],
    queryFn: () => dataOf(api.GET('/api/v1/customers/{customerId}/membership', { params: { path: { customerId } } })),
  });
  return (
    <Flex vertical gap={16}>
      {membership.isPending ? (
        <Spin>
          <div style={{ height: 160 }} />
        </Spin>
      ) : membership.isError ? (
        <ErrorAlert error={membership.error} onRetry={() => membership.refetch()} testId="membership-error" />
      ) : (
        <MembershipView m={membership.data} customerId={customerId} />
      )}
      <CustomerPoints customerId={customerId} />
    </Flex>
  );
}

function MembershipView({ m, customerId }: { m: Membership; customerId: string }) {
  const { t, locale } = useI18n();
  const { permissions } = useMe();
  const userName = useUserNames();
  const fmt = (x: Membership['qualifyingSpend']) => formatMoney(x, locale);
  const progress = tierProgress(m);
  const none = t('common.none');
  const b = m.benefits;
  const categories = ITEM_CATEGORIES.filter((c) => b.categoryDiscounts[c] != null);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card
          data-testid="tier-card"
          title={
            <Flex align="center" gap={8}>
              <CrownOutlined style={{ color: '#c9a227' }} />
              <span data-testid="tier-name">{m.tier?.name ?? t('receipt.noTier')}</span>
              {m.source === 'OVERRIDE' && <Tag color="purple">{t('membership.overridden')}</Tag>}
            </Flex>
          }
          extra={permissions.canOverrideTiers && <TierOverrideActions customerId={customerId} membership={m} />}
        >
          {m.tier ? (
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('membership.discount')}>{t('membership.percent', { value: b.discountPercent })}</Descriptions.Item>
              {categories.length > 0 && (
                <Descriptions.Item label={t('membership.categoryDiscounts')}>
                  {categories.map((c) => `${t(`itemCategory.${c}`)} ${t('membership.percent', { value: b.categoryDiscounts[c]! })}`).join(t('common.listSeparator'))}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('membership.multiplier')}>×{b.pointsMultiplier}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Paragraph type="secondary">{t('membership.noTierHint')}</Typography.Paragraph>
          )}
          {b.perks.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{t('membership.perks')}</Typography.Text>}
              dataSource={b.perks}
              data-testid="tier-perks"
              renderItem={(p) => (
                <List.Item>
                  <Tag>{t(`perk.${p.code}`)}</Tag>
                  {p.description}
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('membership.progress')} data-testid="tier-progress">
          <Typography.Paragraph>
            {t('membership.spend', { basis: t(`membershipBasis.${m.basis}`) })}:{' '}
            <Typography.Text strong data-testid="tier-spend">
              {fmt(m.qualifyingSpend)}
            </Typography.Text>
          </Typography.Paragraph>
          {progress && m.nextTier ? (
            <>
              <Progress percent={progress.percent} data-testid="tier-progress-bar" />
              <Typography.Paragraph data-testid="tier-remaining">
                {t('membership.remaining', { amount: formatMoney({ amount: progress.remaining, currency: m.qualifyingSpend.currency }, locale), tier: m.nextTier.name })}
                <Typography.Text type="secondary">
                  {' '}
                  ({t('membership.threshold', { amount: fmt(m.nextTier.threshold) })})
                </Typography.Text>
              </Typography.Paragraph>
            </>
          ) : (
            <Typography.Paragraph type="secondary" data-testid="tier-top">
              {m.tier ? t('membership.top') : t('membership.noTiers')}
            </Typography.Paragraph>
          )}
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('membership.memberSince')}>{formatDate(m.memberSince)}</Descriptions.Item>
            <Descriptions.Item label={t('membership.memberYear')}>
              <span data-testid="member-year">
                {m.memberYear ? `${formatDate(m.memberYear.start)} – ${formatDate(m.memberYear.end)}` : t('membership.noMemberYear')}
              </span>
            </Descriptions.Item>
            {m.source === 'OVERRIDE' && m.computedTier && (
              <Descriptions.Item label={t('membership.computedTier')}>{m.computedTier.name}</Descriptions.Item>
            )}
          </Descriptions>
          {m.override && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="tier-override"
              title={t('membership.overrideTitle', { tier: m.override.tier?.name ?? none, until: formatDate(m.override.until) })}
              description={t('membership.overrideBy', { reason: m.override.reason, by: userName(m.override.by), at: formatDateTime(m.override.at) })}
            />
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('membership.history')} data-testid="tier-history">
          <Table<TierChange>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={m.history}
            scroll={{ x: 720 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('membership.noHistory')} /> }}
            columns={[
              { title: t('membership.at'), key: 'at', render: (_, c) => formatDateTime(c.at) },
              {
                title: t('membership.change'),
                key: 'change',
                render: (_, c) => `${c.fromTier?.name ?? t('receipt.noTier')} → ${c.toTier?.name ?? t('receipt.noTier')}`,
              },
              { title: t('membership.reason'), key: 'reason', render: (_, c) => t(`tierChangeReason.${c.reason}`) },
              { title: t('membership.spendThen'), key: 'spend', align: 'right', render: (_, c) => fmt(c.qualifyingSpend) },
              { title: t('membership.note'), key: 'note', render: (_, c) => [c.note, c.by && userName(c.by)].filter(Boolean).join(' · ') || none },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
