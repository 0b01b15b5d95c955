import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Col, Flex, InputNumber, Row, Select, Space, Table, Typography, theme } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useAllClinics } from '../../api/queries';
import type { components } from '../../api/schema';
import { ChartCard } from '../../components/charts/ChartCard';
import { EChart } from '../../components/charts/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney, toMajorUnits } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import { MEASURES, MEASURE_LABELS } from './MemberStandards';

type Distribution = components['schemas']['StandardsDistribution'];
type VisitsVersusSpend = components['schemas']['StandardsVisitsVersusSpend'];
type StandingMember = components['schemas']['StandingMember'];
type FallingMember = components['schemas']['FallingMember'];

const BUCKET_LABELS = Array.from({ length: 10 }, (_, k) => (k === 9 ? '90-100' : `${k * 10}-${k * 10 + 9}`));

/** The distribution as a table (header first): one row per bucket, one column per score. */
export function distributionRows(d: Distribution, header: string[]): (string | number)[][] {
  const b = d.buckets;
  return [header, ...BUCKET_LABELS.map((label, k) => [label, b.composite[k], ...MEASURES.map((m) => b[m][k])])];
}

const major = (m: { amount: number; currency: string } | null | undefined) => (m ? Number(toMajorUnits(m.amount, m.currency)) : null);

export function visitBandLabel(band: { minVisits: number; maxVisits: number | null }): string {
  if (band.maxVisits == null) return `${band.minVisits}+`;
  return band.minVisits === band.maxVisits ? String(band.minVisits) : `${band.minVisits}-${band.maxVisits}`;
}

/** Visit bands as a table (header first): band, members, average and median spend in major units. */
export function visitBandRows(v: VisitsVersusSpend, header: string[]): (string | number | null)[][] {
  return [header, ...v.visitBands.map((b) => [visitBandLabel(b), b.members, major(b.averageSpend), major(b.medianSpend)])];
}

/**
 * The chain's five standards at a glance (tenant admins and managers): how members score, the visit frequency
 * against spend, the top members and those falling behind their previous year; one clinic or all, by home clinic.
 */
export function StandardsReportPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { token } = theme.useToken();
  const clinics = useAllClinics();
  const [clinicId, setClinicId] = useState<string | undefined>(undefined);
  const [minDrop, setMinDrop] = useState(10);
  const query = { clinicId };
  const distribution = useQuery({
    queryKey: ['standards', 'distribution', clinicId],
    queryFn: () => dataOf(api.GET('/api/v1/analytics/standards/distribution', { params: { query } })),
  });
  const bands = useQuery({
    queryKey: ['standards', 'visits-vs-spend', clinicId],
    queryFn: () => dataOf(api.GET('/api/v1/analytics/standards/visits-vs-spend', { params: { query } })),
  });
  const top = useInfiniteQuery({
    queryKey: ['standards', 'top', clinicId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      dataOf(api.GET('/api/v1/analytics/standards/top', { params: { query: { clinicId, cursor: pageParam, limit: 20 } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const falling = useInfiniteQuery({
    queryKey: ['standards', 'falling', clinicId, minDrop],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      dataOf(api.GET('/api/v1/analytics/standards/falling', { params: { query: { clinicId, minDrop, cursor: pageParam, limit: 20 } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const scoreHeader = [t('standards.report.bucket'), t('standards.composite'), ...MEASURES.map((m) => t(MEASURE_LABELS[m]))];
  const bandHeader = [t('standards.report.visitBand'), t('standards.report.members'), t('standards.report.averageSpend'), t('standards.report.medianSpend')];
  const topRows: StandingMember[] = top.data?.pages.flatMap((p) => p.items) ?? [];
  const fallingRows: FallingMember[] = falling.data?.pages.flatMap((p) => p.items) ?? [];
  const customerLink = (id: string, name: string) => <Link to={`/customers/${id}`}>{name}</Link>;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="standards-report-page">
      <Flex wrap gap="middle" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.standardsReport')}
        </Typography.Title>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('standards.report.allClinics')}
          value={clinicId}
          onChange={(value) => setClinicId(value ?? undefined)}
          loading={clinics.isPending}
          style={{ width: 200 }}
          data-testid="standards-clinic-filter"
          options={(clinics.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('standards.report.explain')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          {distribution.error ? (
            <ErrorAlert error={distribution.error} onRetry={() => distribution.refetch()} />
          ) : (
            <ChartCard
              title={`${t('standards.report.distributionTitle')}${distribution.data ? ` · ${t('standards.report.members')} ${distribution.data.members}` : ''}`}
              csv={{ fileName: 'standards-distribution', rows: distribution.data ? distributionRows(distribution.data, scoreHeader) : [] }}
            >
              {distribution.data && (
                <EChart
                  testId="standards-distribution"
                  label={t('standards.report.distributionLabel')}
                  option={{
                    color: [token.colorPrimary],
                    grid: { left: 48, right: 16, top: 16, bottom: 24 },
                    tooltip: { trigger: 'axis' },
                    xAxis: { type: 'category', data: BUCKET_LABELS },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [{ type: 'bar', name: t('standards.composite'), data: distribution.data.buckets.composite }],
                  }}
                />
              )}
            </ChartCard>
          )}
        </Col>
        <Col xs={24} lg={12}>
          {bands.error ? (
            <ErrorAlert error={bands.error} onRetry={() => bands.refetch()} />
          ) : (
            <ChartCard title={t('standards.report.visitsTitle')} csv={{ fileName: 'standards-visits-vs-spend', rows: bands.data ? visitBandRows(bands.data, bandHeader) : [] }}>
              {bands.data && (
                <EChart
                  testId="standards-visits-vs-spend"
                  label={t('standards.report.visitsLabel')}
                  option={{
                    color: [token.colorPrimary, token.colorSuccess],
                    grid: { left: 64, right: 16, top: 40, bottom: 24 },
                    legend: { top: 0 },
                    tooltip: { trigger: 'axis' },
                    xAxis: { type: 'category', data: bands.data.visitBands.map(visitBandLabel) },
                    yAxis: { type: 'value' },
                    series: [
                      { type: 'bar', name: t('standards.report.averageSpend'), data: bands.data.visitBands.map((b) => major(b.averageSpend)) },
                      { type: 'bar', name: t('standards.report.medianSpend'), data: bands.data.visitBands.map((b) => major(b.medianSpend)) },
                    ],
                  }}
                />
              )}
            </ChartCard>
          )}
        </Col>
      </Row>
      {bands.data && (
        <ChartCard
          title={t('standards.report.spendBandsTitle')}
          csv={{
            fileName: 'standards-spend-bands',
            rows: [
              [t('standards.report.spendBand'), t('standards.report.members'), t('standards.report.averageVisits'), t('standards.report.medianVisits')],
              ...bands.data.spendBands.map((b) => [major(b.minSpend), b.members, b.averageVisits, b.medianVisits]),
            ],
          }}
        >
          <Table
            size="small"
            pagination={false}
            rowKey={(b) => b.minSpend.amount}
            data-testid="standards-spend-bands"
            dataSource={bands.data.spendBands}
            columns={[
              { title: t('standards.report.spendBand'), render: (_, b) => t('standards.report.atLeast', { amount: formatMoney(b.minSpend, locale) }) },
              { title: t('standards.report.members'), dataIndex: 'members', align: 'right' },
              { title: t('standards.report.averageVisits'), dataIndex: 'averageVisits', align: 'right', render: (v: number | null) => v ?? '—' },
              { title: t('standards.report.medianVisits'), dataIndex: 'medianVisits', align: 'right', render: (v: number | null) => v ?? '—' },
            ]}
          />
        </ChartCard>
      )}
      <ChartCard
        title={t('standards.report.topTitle')}
        csv={{
          fileName: 'standards-top',
          rows: [
            [t('standards.report.customer'), t('standards.report.memberYear'), t('standards.report.score'), ...MEASURES.map((m) => t(MEASURE_LABELS[m]))],
            ...topRows.map((r) => [r.name, r.memberYear, r.scores.composite, ...MEASURES.map((m) => r.scores[m] ?? null)]),
          ],
        }}
      >
        {top.error && <ErrorAlert error={top.error} onRetry={() => top.refetch()} />}
        <Table
          size="small"
          pagination={false}
          rowKey="customerId"
          loading={top.isPending}
          data-testid="standards-top"
          dataSource={topRows}
          locale={{ emptyText: t('standards.report.none') }}
          columns={[
            { title: t('standards.report.customer'), render: (_, r) => customerLink(r.customerId, r.name) },
            { title: t('standards.report.memberYear'), dataIndex: 'memberYear', align: 'right' },
            { title: t('standards.report.score'), render: (_, r) => r.scores.composite, align: 'right' },
            ...MEASURES.map((m) => ({ title: t(MEASURE_LABELS[m]), align: 'right' as const, render: (_: unknown, r: StandingMember) => r.scores[m] ?? '—' })),
          ]}
        />
        {top.hasNextPage && (
          <Button onClick={() => top.fetchNextPage()} loading={top.isFetchingNextPage} style={{ marginTop: 8 }} data-testid="standards-top-more">
            {t('standards.report.loadMore')}
          </Button>
        )}
      </ChartCard>
      <ChartCard
        title={t('standards.report.fallingTitle')}
        extra={
          <Space size="small">
            <Typography.Text>{t('standards.report.minDrop')}</Typography.Text>
            <InputNumber min={1} max={100} precision={0} size="small" value={minDrop} onChange={(v) => v && setMinDrop(v)} data-testid="standards-min-drop" />
          </Space>
        }
        csv={{
          fileName: 'standards-falling',
          rows: [
            [t('standards.report.customer'), t('standards.report.memberYear'), t('standards.report.score'), t('standards.report.previousScore'), t('standards.report.drop')],
            ...fallingRows.map((r) => [r.name, r.memberYear, r.score, r.previousScore, r.drop]),
          ],
        }}
      >
        {falling.error && <ErrorAlert error={falling.error} onRetry={() => falling.refetch()} />}
        <Table
          size="small"
          pagination={false}
          rowKey="customerId"
          loading={falling.isPending}
          data-testid="standards-falling"
          dataSource={fallingRows}
          locale={{ emptyText: t('standards.report.none') }}
          columns={[
            { title: t('standards.report.customer'), render: (_, r) => customerLink(r.customerId, r.name) },
            { title: t('standards.report.memberYear'), dataIndex: 'memberYear', align: 'right' },
            { title: t('standards.report.score'), dataIndex: 'score', align: 'right' },
            { title: t('standards.report.previousScore'), dataIndex: 'previousScore', align: 'right' },
            { title: t('standards.report.drop'), dataIndex: 'drop', align: 'right' },
          ]}
        />
        {falling.hasNextPage && (
          <Button onClick={() => falling.fetchNextPage()} loading={falling.isFetchingNextPage} style={{ marginTop: 8 }}>
            {t('standards.report.loadMore')}
          </Button>
        )}
      </ChartCard>
    </Space>
  );
}
