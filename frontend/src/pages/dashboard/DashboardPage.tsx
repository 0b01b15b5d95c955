import { ArrowDownOutlined, ArrowUpOutlined, TeamOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Flex, Row, Select, Skeleton, Statistic, Table, Typography, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useAllClinics } from '../../api/queries';
import type { components } from '../../api/schema';
import { ChartCard } from '../../components/charts/ChartCard';
import { EChart } from '../../components/charts/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney } from '../../components/money';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { MAX_DAYS, periodBounds, presets } from '../conversion/conversionPeriod';
import {
  clinicRevenueRows,
  consultantRows,
  dashboardParams,
  deltaPercent,
  deltaPoints,
  major,
  memberAnalyticsLink,
  readDashboardParams,
  reasonRows,
  revenueOption,
  revenueRows,
  tierOption,
  tierRows,
  type ConsultantFigures,
  type DashboardParams,
} from './dashboardData';

type S = components['schemas'];
type Money = S['SignedMoney'];
type Panel = 'revenue' | 'customers' | 'consultations' | 'membership' | 'liabilities' | 'engagement' | 'consultants';
type Bucket = S['LiabilityAgingBucket'];

const BUCKETS: Bucket[] = ['DAYS_0_90', 'DAYS_91_180', 'DAYS_181_365', 'OVER_365'];

/**
 * 数据看板: the chain's (or one clinic's) figures for a period beside the previous period of equal length, panel by
 * panel, each loaded on its own so a slow one does not hold up the rest. Period and clinic live in the URL.
 */
export function DashboardPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const { token } = theme.useToken();
  const timeZone = me.tenant?.timeZone ?? 'Asia/Shanghai';
  const [searchParams, setSearchParams] = useSearchParams();
  const state = readDashboardParams(searchParams, timeZone);
  const { period, clinicId } = state;
  const clinics = useAllClinics();
  const show = (change: Partial<DashboardParams>) => setSearchParams(dashboardParams({ ...state, ...change }), { replace: true });
  const bounds = periodBounds(period, timeZone);
  const query = { from: bounds.from, to: bounds.to, clinicId };

  // One query per panel, so each shows as soon as it has answered.
  const usePanel = <T,>(panel: Panel, fetch: () => Promise<T>) =>
    useQuery({ queryKey: ['analytics', 'dashboard', panel, query], queryFn: fetch, placeholderData: keepPreviousData });
  const revenue = usePanel('revenue', () => dataOf(api.GET('/api/v1/analytics/dashboard/revenue', { params: { query } })));
  const customers = usePanel('customers', () => dataOf(api.GET('/api/v1/analytics/dashboard/customers', { params: { query } })));
  const consultations = usePanel('consultations', () => dataOf(api.GET('/api/v1/analytics/dashboard/consultations', { params: { query } })));
  const membership = usePanel('membership', () => dataOf(api.GET('/api/v1/analytics/dashboard/membership', { params: { query } })));
  const liabilities = usePanel('liabilities', () => dataOf(api.GET('/api/v1/analytics/dashboard/liabilities', { params: { query } })));
  const engagement = usePanel('engagement', () => dataOf(api.GET('/api/v1/analytics/dashboard/engagement', { params: { query } })));
  const consultants = usePanel('consultants', () => dataOf(api.GET('/api/v1/analytics/dashboard/consultants', { params: { query } })));

  const money = (m: Money) => (m.amount < 0 ? `-${formatMoney({ ...m, amount: -m.amount }, locale)}` : formatMoney(m, locale));
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const names = { current: t('dashboard.current'), previous: t('dashboard.previous') };
  const files = { from: period.from, to: period.to };
  const previous = revenue.data?.previousPeriod;

  return (
    <div data-testid="dashboard-page">
      <PageHeader
        title={t('dashboard.title')}
        extra={
          <Link to={memberAnalyticsLink(clinicId)} data-testid="dashboard-member-analytics">
            <Button icon={<TeamOutlined />}>{t('dashboard.memberAnalytics')}</Button>
          </Link>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 8 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(range) => {
            if (range?.[0] && range[1]) show({ period: { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } });
          }}
          disabledDate={(day: Dayjs, info) => !!info?.from && Math.abs(day.diff(info.from, 'day')) >= MAX_DAYS}
          presets={presets(timeZone).map(({ key, period: p }) => ({
            label: t(`conversion.preset.${key}`),
            value: [dayjs(p.from), dayjs(p.to)] as [Dayjs, Dayjs],
          }))}
          aria-label={t('dashboard.period')}
          data-testid="dashboard-period"
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('dashboard.allClinics')}
          value={clinicId}
          onChange={(value) => show({ clinicId: value ?? undefined })}
          loading={clinics.isPending}
          style={{ width: 200 }}
          aria-label={t('dashboard.clinic')}
          data-testid="dashboard-clinic-filter"
          options={(clinics.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        {previous && (
          <Typography.Text type="secondary" data-testid="dashboard-previous-period">
            {t('dashboard.previousPeriod', {
              from: dayjs(previous.from).tz(timeZone).format('YYYY-MM-DD'),
              to: dayjs(previous.to).tz(timeZone).subtract(1, 'day').format('YYYY-MM-DD'),
            })}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('dashboard.explain')}</Typography.Paragraph>

      <Flex vertical gap={16}>
        <Loaded result={revenue} testId="dashboard-revenue">
          {(r) => (
            <>
              <Row gutter={[16, 16]}>
                <Kpi title={t('dashboard.kpi.revenue')} value={money(r.revenue.current)} delta={deltaPercent(r.revenue.current.amount, r.revenue.previous.amount)} testId="kpi-revenue" />
                <Kpi title={t('dashboard.kpi.ordersPaid')} value={r.ordersPaid.current} delta={deltaPercent(r.ordersPaid.current, r.ordersPaid.previous)} testId="kpi-orders" />
                <Kpi title={t('dashboard.kpi.averageOrder')} value={money(r.averageOrder.current)} delta={deltaPercent(r.averageOrder.current.amount, r.averageOrder.previous.amount)} testId="kpi-average-order" />
              </Row>
              <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
                <Col xs={24} xl={16}>
                  <ChartCard
                    title={t('dashboard.chart.revenue')}
                    csv={{
                      fileName: t('dashboard.csv.revenue', files),
                      rows: revenueRows(r, {
                        start: t('dashboard.col.start'),
                        revenue: t('dashboard.col.revenue'),
                        orders: t('dashboard.col.orders'),
                        previousStart: t('dashboard.col.previousStart'),
                        previousRevenue: t('dashboard.col.previousRevenue'),
                      }),
                    }}
                  >
                    <EChart
                      option={revenueOption(r, names, token.colorPrimary)}
                      label={t('dashboard.chart.revenueLabel', { interval: t(`dashboard.interval.${r.interval}`) })}
                      testId="dashboard-revenue-chart"
                    />
                  </ChartCard>
                </Col>
                <Col xs={24} xl={8}>
                  <ChartCard
                    title={t('dashboard.chart.byClinic')}
                    csv={{
                      fileName: t('dashboard.csv.byClinic', files),
                      rows: clinicRevenueRows(
                        r,
                        [t('dashboard.col.clinic'), t('dashboard.col.revenue'), t('dashboard.col.previousRevenue'), t('dashboard.col.orders'), t('dashboard.col.previousOrders'), t('dashboard.col.changePercent')],
                        t('dashboard.otherClinic'),
                      ),
                    }}
                  >
                    <Table
                      size="small"
                      rowKey={(c) => c.clinicId ?? 'none'}
                      pagination={false}
                      dataSource={r.byClinic}
                      data-testid="dashboard-clinic-table"
                      columns={[
                        { title: t('dashboard.col.clinic'), render: (_, c) => c.clinicName ?? t('dashboard.otherClinic') },
                        { title: t('dashboard.kpi.revenue'), align: 'right', render: (_, c) => money(c.revenue.current) },
                        { title: t('dashboard.col.changePercent'), align: 'right', render: (_, c) => <Delta value={deltaPercent(c.revenue.current.amount, c.revenue.previous.amount)} /> },
                      ]}
                    />
                  </ChartCard>
                </Col>
              </Row>
            </>
          )}
        </Loaded>

        <Row gutter={[16, 16]}>
          <Loaded result={customers} testId="dashboard-customers">
            {(c) => (
              <>
                <Kpi title={t('dashboard.kpi.newCustomers')} value={c.newCustomers.current} delta={deltaPercent(c.newCustomers.current, c.newCustomers.previous)} testId="kpi-new" />
                <Kpi title={t('dashboard.kpi.returningCustomers')} value={c.returningCustomers.current} delta={deltaPercent(c.returningCustomers.current, c.returningCustomers.previous)} testId="kpi-returning" />
                <Kpi title={t('dashboard.kpi.visits')} value={c.visits.current} delta={deltaPercent(c.visits.current, c.visits.previous)} testId="kpi-visits" />
              </>
            )}
          </Loaded>
          <Loaded result={engagement} testId="dashboard-engagement">
            {(e) => (
              <>
                <Kpi title={t('dashboard.kpi.referrals')} value={e.referrals.current} delta={deltaPercent(e.referrals.current, e.referrals.previous)} testId="kpi-referrals" />
                <Kpi title={t('dashboard.kpi.averageResult')} value={e.averageResult.current ?? t('common.none')} delta={deltaPercent(e.averageResult.current, e.averageResult.previous)} testId="kpi-result" />
                <Kpi title={t('dashboard.kpi.nps')} value={e.nps.current ?? t('common.none')} delta={deltaPoints(e.nps.current == null ? null : e.nps.current / 100, e.nps.previous == null ? null : e.nps.previous / 100)} points testId="kpi-nps" />
                <Kpi title={t('dashboard.kpi.complaintsOpened')} value={e.complaintsOpened.current} delta={deltaPercent(e.complaintsOpened.current, e.complaintsOpened.previous)} inverse testId="kpi-complaints-opened" />
                <Kpi title={t('dashboard.kpi.complaintsOpen')} value={e.complaintsOpen.current} delta={deltaPercent(e.complaintsOpen.current, e.complaintsOpen.previous)} inverse testId="kpi-complaints-open" />
                <Kpi title={t('dashboard.kpi.complaintsOverdue')} value={e.complaintsOverdue.current} delta={deltaPercent(e.complaintsOverdue.current, e.complaintsOverdue.previous)} inverse testId="kpi-complaints-overdue" />
              </>
            )}
          </Loaded>
        </Row>

        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Loaded result={consultations} testId="dashboard-consultations">
              {(c) => (
                <ChartCard
                  title={
                    <Flex gap={8} align="baseline">
                      {t('dashboard.chart.reasons')}
                      <Typography.Text type="secondary" data-testid="kpi-conversion">
                        {t('dashboard.kpi.conversion')} {c.current.conversionRate == null ? t('common.none') : percent.format(c.current.conversionRate)}
                      </Typography.Text>
                      <Delta value={deltaPoints(c.current.conversionRate, c.previous.conversionRate)} points />
                    </Flex>
                  }
                  csv={{
                    fileName: t('dashboard.csv.reasons', files),
                    rows: reasonRows(c.current.reasons, c.previous.reasons, (r) => t(`conversion.reason.${r}`), [t('dashboard.col.reason'), t('dashboard.col.count'), t('dashboard.col.previousCount')]),
                  }}
                >
                  <EChart
                    option={reasonOption(reasonRows(c.current.reasons, c.previous.reasons, (r) => t(`conversion.reason.${r}`), []), names)}
                    label={t('dashboard.chart.reasonsLabel')}
                    height={260}
                    testId="dashboard-reason-chart"
                  />
                </ChartCard>
              )}
            </Loaded>
          </Col>
          <Col xs={24} xl={12}>
            <Loaded result={membership} testId="dashboard-membership">
              {(m) => (
                <ChartCard
                  title={t('dashboard.chart.tiers')}
                  csv={{
                    fileName: t('dashboard.csv.tiers', files),
                    rows: tierRows(m.tierDistribution, [t('dashboard.col.tier'), t('dashboard.col.customers'), t('dashboard.col.previousCustomers')]),
                  }}
                >
                  <EChart option={tierOption(m.tierDistribution, names)} label={t('dashboard.chart.tiersLabel')} height={220} testId="dashboard-tier-chart" />
                  <Row gutter={[8, 8]}>
                    <Kpi small title={t('dashboard.kpi.tierUpgrades')} value={m.tierUpgrades.current} delta={deltaPercent(m.tierUpgrades.current, m.tierUpgrades.previous)} testId="kpi-upgrades" />
                    <Kpi small title={t('dashboard.kpi.tierDowngrades')} value={m.tierDowngrades.current} delta={deltaPercent(m.tierDowngrades.current, m.tierDowngrades.previous)} inverse testId="kpi-downgrades" />
                    <Kpi small title={t('dashboard.kpi.pointsIssued')} value={m.pointsIssued.current} delta={deltaPercent(m.pointsIssued.current, m.pointsIssued.previous)} testId="kpi-points-issued" />
                    <Kpi small title={t('dashboard.kpi.pointsRedeemed')} value={m.pointsRedeemed.current} delta={deltaPercent(m.pointsRedeemed.current, m.pointsRedeemed.previous)} testId="kpi-points-redeemed" />
                    <Kpi small title={t('dashboard.kpi.pointsExpired')} value={m.pointsExpired.current} delta={deltaPercent(m.pointsExpired.current, m.pointsExpired.previous)} inverse testId="kpi-points-expired" />
                  </Row>
                </ChartCard>
              )}
            </Loaded>
          </Col>
        </Row>

        <Loaded result={liabilities} testId="dashboard-liabilities">
          {(l) => {
            const agingRows = BUCKETS.map((bucket) => {
              const sv = l.storedValue.aging.find((a) => a.bucket === bucket);
              const pk = l.packs.aging.find((a) => a.bucket === bucket);
              return { bucket, principal: sv?.principal.amount ?? 0, bonus: sv?.bonus.amount ?? 0, sessions: pk?.sessions ?? 0, value: pk?.value.amount ?? 0 };
            });
            return (
              <ChartCard
                title={
                  <Flex gap={8} align="baseline">
                    {t('dashboard.chart.liabilityAging')}
                    <Typography.Text type="secondary">{t('dashboard.asOf', { at: dayjs(l.asOf).tz(timeZone).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
                  </Flex>
                }
                csv={{
                  fileName: t('dashboard.csv.aging', files),
                  rows: [
                    [t('dashboard.col.bucket'), t('dashboard.col.principal'), t('dashboard.col.bonus'), t('dashboard.col.sessions'), t('dashboard.col.packValue')],
                    ...agingRows.map((a) => [t(`dashboard.aging.${a.bucket}`), major(a.principal), major(a.bonus), a.sessions, major(a.value)]),
                  ],
                }}
              >
                <Row gutter={[16, 16]}>
                  <Kpi title={t('dashboard.kpi.storedPrincipal')} value={money(l.storedValue.principal)} delta={deltaPercent(l.storedValue.principal.amount, l.previousStoredValue.principal.amount)} neutral testId="kpi-stored-principal" />
                  <Kpi title={t('dashboard.kpi.storedBonus')} value={money(l.storedValue.bonus)} delta={deltaPercent(l.storedValue.bonus.amount, l.previousStoredValue.bonus.amount)} neutral testId="kpi-stored-bonus" />
                  <Kpi title={t('dashboard.kpi.packSessions')} value={l.packs.sessions} delta={deltaPercent(l.packs.sessions, l.previousPacks.sessions)} neutral testId="kpi-pack-sessions" />
                  <Kpi title={t('dashboard.kpi.packValue')} value={money(l.packs.value)} delta={deltaPercent(l.packs.value.amount, l.previousPacks.value.amount)} neutral testId="kpi-pack-value" />
                </Row>
                <Table
                  size="small"
                  rowKey="bucket"
                  pagination={false}
                  dataSource={agingRows}
                  data-testid="dashboard-aging-table"
                  columns={[
                    { title: t('dashboard.col.bucket'), render: (_, a) => t(`dashboard.aging.${a.bucket}`) },
                    { title: t('dashboard.col.principal'), align: 'right', render: (_, a) => money({ amount: a.principal, currency: l.storedValue.principal.currency }) },
                    { title: t('dashboard.col.bonus'), align: 'right', render: (_, a) => money({ amount: a.bonus, currency: l.storedValue.bonus.currency }) },
                    { title: t('dashboard.col.sessions'), align: 'right', dataIndex: 'sessions' },
                    { title: t('dashboard.col.packValue'), align: 'right', render: (_, a) => money({ amount: a.value, currency: l.packs.value.currency }) },
                  ]}
                />
              </ChartCard>
            );
          }}
        </Loaded>

        <Loaded result={consultants} testId="dashboard-consultants">
          {(c) => (
            <ChartCard
              title={t('dashboard.chart.consultants')}
              csv={{
                fileName: t('dashboard.csv.consultants', files),
                rows: consultantRows(
                  c.consultants,
                  [
                    t('dashboard.col.consultant'),
                    t('dashboard.col.sales'),
                    t('dashboard.col.previousSales'),
                    t('dashboard.col.secondDevelopment'),
                    t('dashboard.col.secondDevelopmentSales'),
                    t('dashboard.col.consultations'),
                    t('dashboard.col.converted'),
                    t('dashboard.col.conversionPercent'),
                    t('dashboard.col.followUpsDue'),
                    t('dashboard.col.followUpsDone'),
                    t('dashboard.col.followUpPercent'),
                  ],
                  t('dashboard.unknownConsultant'),
                ),
              }}
            >
              <Table<ConsultantFigures>
                size="small"
                rowKey="consultantId"
                pagination={false}
                dataSource={c.consultants}
                scroll={{ x: 900 }}
                data-testid="dashboard-consultant-table"
                columns={[
                  { title: t('dashboard.col.consultant'), fixed: 'left', render: (_, f) => f.consultantName ?? t('dashboard.unknownConsultant') },
                  { title: t('dashboard.col.sales'), align: 'right', render: (_, f) => money(f.sales.current) },
                  { title: t('dashboard.col.changePercent'), align: 'right', render: (_, f) => <Delta value={deltaPercent(f.sales.current.amount, f.sales.previous.amount)} /> },
                  { title: t('dashboard.col.secondDevelopment'), align: 'right', render: (_, f) => f.secondDevelopmentOrders.current },
                  { title: t('dashboard.col.secondDevelopmentSales'), align: 'right', render: (_, f) => money(f.secondDevelopmentSales.current) },
                  { title: t('dashboard.col.consultations'), align: 'right', render: (_, f) => f.consultations.current },
                  { title: t('dashboard.col.conversionPercent'), align: 'right', render: (_, f) => (f.conversionRate.current == null ? t('common.none') : percent.format(f.conversionRate.current)) },
                  { title: t('dashboard.col.followUpPercent'), align: 'right', render: (_, f) => (f.followUpRate.current == null ? t('common.none') : `${percent.format(f.followUpRate.current)} (${f.followUpsDone.current}/${f.followUpsDue.current})`) },
                ]}
              />
            </ChartCard>
          )}
        </Loaded>
      </Flex>
    </div>
  );
}

/** Reasons as bars of both periods, from rows of [name, this period, previous]. */
function reasonOption(rows: ReturnType<typeof reasonRows>, names: { current: string; previous: string }) {
  const data = rows.slice(1).reverse();
  return {
    grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { data: [names.current, names.previous] },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: data.map((r) => r[0]) },
    series: [
      { name: names.current, type: 'bar', data: data.map((r) => r[1]) },
      { name: names.previous, type: 'bar', data: data.map((r) => r[2]) },
    ],
  };
}

/** A panel's body once it has loaded; its own error and skeleton otherwise. */
function Loaded<T>({ result, testId, children }: { result: { data?: T; isError: boolean; error: unknown; refetch: () => unknown }; testId: string; children: (data: T) => ReactNode }) {
  if (result.data !== undefined) return <div data-testid={testId} style={{ display: 'contents' }}>{children(result.data)}</div>;
  if (result.isError) return <ErrorAlert error={result.error} onRetry={() => result.refetch()} testId={`${testId}-error`} />;
  return <Skeleton active data-testid={`${testId}-loading`} />;
}

/** A KPI card: the figure and its change from the previous period. */
function Kpi({ title, value, delta, points, inverse, neutral, small, testId }: { title: string; value: ReactNode; delta: number | null; points?: boolean; inverse?: boolean; neutral?: boolean; small?: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <Col xs={12} md={8} xl={small ? 8 : 4}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value as string | number} styles={small ? { content: { fontSize: 18 } } : undefined} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.vsPrevious')} <Delta value={delta} points={points} inverse={inverse} neutral={neutral} />
        </Typography.Text>
      </Card>
    </Col>
  );
}

/** A change: green when better, red when worse (fewer complaints is better), a dash when there is nothing to compare. */
function Delta({ value, points, inverse, neutral }: { value: number | null; points?: boolean; inverse?: boolean; neutral?: boolean }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  if (value === null) return <Typography.Text type="secondary">{t('dashboard.noComparison')}</Typography.Text>;
  const better = inverse ? value < 0 : value > 0;
  const color = neutral || value === 0 ? token.colorTextSecondary : better ? token.colorSuccess : token.colorError;
  const unit = points ? ' pp' : '%';
  return (
    <span style={{ color }} data-testid="delta">
      {value > 0 ? <ArrowUpOutlined /> : value < 0 ? <ArrowDownOutlined /> : null} {Math.abs(value)}
      {unit}
    </span>
  );
}
