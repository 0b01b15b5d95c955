import { Card, Col, Descriptions, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useAllClinics, useAllStaff } from '../api/queries';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import { useMe } from '../me/MeContext';

function CountCard({
  title,
  value,
  capped,
  loading,
  error,
  onRetry,
  testId,
}: {
  title: string;
  value?: number;
  capped?: boolean;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  testId: string;
}) {
  return (
    <Card>
      {error ? (
        <ErrorAlert error={error} onRetry={onRetry} testId={`${testId}-error`} />
      ) : (
        <Statistic
          title={title}
          loading={loading}
          value={value ?? 0}
          suffix={capped ? '+' : undefined}
          data-testid={testId}
        />
      )}
    </Card>
  );
}

/** The chain at a glance: tenant info and real counts read from the list endpoints. */
export function OverviewPage() {
  const { t } = useI18n();
  const { me, permissions } = useMe();
  const clinics = useAllClinics();
  const staff = useAllStaff(permissions.canViewStaff);
  const tenant = me.tenant;
  const all = (items: unknown[]) => items.length;
  const active = (items: { active: boolean }[]) => items.filter((i) => i.active).length;
  const counts = [
    { testId: 'count-clinics', title: t('overview.clinics'), list: clinics, count: all },
    { testId: 'count-active-clinics', title: t('overview.activeClinics'), list: clinics, count: active },
    ...(permissions.canViewStaff
      ? [
          { testId: 'count-staff', title: t('overview.staff'), list: staff, count: all },
          { testId: 'count-active-staff', title: t('overview.activeStaff'), list: staff, count: active },
        ]
      : []),
  ];

  return (
    <div data-testid="overview-page">
      <PageHeader title={t('overview.title')} />
      <Row gutter={[16, 16]}>
        {counts.map(({ testId, title, list, count }) => (
          <Col key={testId} xs={24} sm={12} xl={6}>
            <CountCard
              title={title}
              value={list.data && count(list.data.items)}
              capped={list.data?.capped}
              loading={list.isPending}
              error={list.error}
              onRetry={() => list.refetch()}
              testId={testId}
            />
          </Col>
        ))}
        <Col xs={24} lg={12}>
          <Card title={t('overview.tenant')}>
            {tenant ? (
              <Descriptions column={1} size="small" data-testid="tenant-info">
                <Descriptions.Item label={t('overview.name')}>{tenant.name}</Descriptions.Item>
                <Descriptions.Item label={t('overview.slug')}>
                  <Typography.Text code>{tenant.slug}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('common.status')}>
                  <Tag color={tenant.status === 'ACTIVE' ? 'green' : 'red'}>{t(`tenantStatus.${tenant.status}`)}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('overview.currency')}>{tenant.currency}</Descriptions.Item>
                <Descriptions.Item label={t('overview.timeZone')}>{tenant.timeZone}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('overview.noTenant')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('overview.you')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('staff.col.name')}>{me.displayName || me.username}</Descriptions.Item>
              <Descriptions.Item label={t('staff.col.username')}>{me.username}</Descriptions.Item>
              <Descriptions.Item label={t('header.roles')}>
                {me.roles.map((r) => (
                  <Tag key={r}>{t(`role.${r}` as MessageKey)}</Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label={t('overview.myClinics')}>
                {me.allClinics ? (
                  t('overview.allClinics')
                ) : clinics.isPending ? (
                  <Skeleton.Input size="small" active />
                ) : (
                  me.clinicIds
                    .map((id) => clinics.data?.items.find((c) => c.id === id)?.name ?? id)
                    .join(t('common.listSeparator')) || t('common.none')
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
