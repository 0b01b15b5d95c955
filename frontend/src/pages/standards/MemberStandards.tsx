import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import type { components } from '../../api/schema';
import { ChartCard } from '../../components/charts/ChartCard';
import { EChart } from '../../components/charts/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { formatMoney, toMajorUnits } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

export type Standards = components['schemas']['MemberStandards'];
type Measures = components['schemas']['MemberStandardsMeasures'];
type Scores = components['schemas']['MemberStandardsScores'];
type Targets = components['schemas']['MemberStandardsTargets'];

export const MEASURES = ['spend', 'items', 'visits', 'referrals', 'satisfaction'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, MessageKey> = {
  spend: 'standards.measure.spend',
  items: 'standards.measure.items',
  visits: 'standards.measure.visits',
  referrals: 'standards.measure.referrals',
  satisfaction: 'standards.measure.satisfaction',
};

export const standardsKey = (customerId: string, memberYear: number | undefined) =>
  ['member-standards', customerId, memberYear ?? 'current'] as const;

/** The previous year to compare with: to the same point while the year is in progress, else as a whole. */
export function comparison(s: Standards): { measures: Measures; scores: Scores; samePointMonth: number | null } | null {
  const p = s.previousYear;
  if (!p) return null;
  if (p.toSamePoint) return { measures: p.toSamePoint.measures, scores: p.toSamePoint.scores, samePointMonth: p.toSamePoint.throughMonth };
  return { measures: p.measures, scores: p.scores, samePointMonth: null };
}

/** Radar of the five scores (0-100): this year and, when there is one, the previous year to compare with. */
export function radarOption(s: Standards, labels: { measure: (m: Measure) => string; thisYear: string; previous: string }) {
  const values = (scores: Scores) => MEASURES.map((m) => scores[m] ?? 0);
  const previous = comparison(s);
  return {
    legend: { bottom: 0 },
    tooltip: {},
    radar: { indicator: MEASURES.map((m) => ({ name: labels.measure(m), max: 100 })), radius: '65%' },
    series: [
      {
        type: 'radar',
        data: [
          { name: labels.thisYear, value: values(s.scores), areaStyle: { opacity: 0.2 } },
          ...(previous ? [{ name: labels.previous, value: values(previous.scores), lineStyle: { type: 'dashed' } }] : []),
        ],
      },
    ],
  };
}

const major = (m: { amount: number; currency: string } | null | undefined) => (m ? Number(toMajorUnits(m.amount, m.currency)) : null);

/** The spend curve's figures as a table (header first): month, cumulative spend, the plan's cumulative amount. */
export function spendRows(s: Standards, header: string[], month: (n: number) => string): (string | number | null)[][] {
  return [header, ...s.months.map((m) => [month(m.month), major(m.spend), major(m.plannedSpend)])];
}

/** The other curves' figures as a table (header first): month, cumulative items, visits, referrals, satisfaction. */
export function countRows(s: Standards, header: string[], month: (n: number) => string): (string | number | null)[][] {
  return [header, ...s.months.map((m) => [month(m.month), m.items ?? null, m.visits ?? null, m.referrals ?? null, m.satisfaction ?? null])];
}

function actual(measure: Measure, m: Measures, locale: string, none: string): string {
  if (measure === 'spend') return formatMoney(m.spend, locale);
  if (measure === 'satisfaction') return m.satisfaction == null ? none : m.satisfaction.toFixed(2);
  return String(m[measure]);
}

function target(measure: Measure, targets: Targets, locale: string): string {
  if (measure === 'spend') return formatMoney(targets.spend, locale);
  if (measure === 'satisfaction') return targets.satisfaction.toFixed(2);
  return String(targets[measure]);
}

/**
 * A customer's five gold standards (五大金标准) for one member year: the radar of the five scores against her
 * previous year, the measures against the chain's targets, the monthly curves (spend beside her annual plan) and
 * the member-year picker. Used as a customer tab and in the segments' drawer.
 */
export function MemberStandards({ customerId }: { customerId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { token } = theme.useToken();
  const [memberYear, setMemberYear] = useState<number | undefined>(undefined);
  const query = useQuery({
    queryKey: standardsKey(customerId, memberYear),
    queryFn: () =>
      dataOf(api.GET('/api/v1/analytics/customers/{customerId}/standards', { params: { path: { customerId }, query: { memberYear } } })),
    retry: false,
    placeholderData: (previous) => previous,
  });
  if (query.error) {
    if (isApiProblem(query.error) && query.error.status === 422) {
      return <Empty data-testid="standards-not-converted" description={t('standards.notConverted')} />;
    }
    return <ErrorAlert error={query.error} testId="standards-error" />;
  }
  const s = query.data;
  if (!s) return null;
  const previous = comparison(s);
  const none = t('standards.noSurvey');
  const month = (n: number) => t('standards.monthLabel', { month: n });
  const previousTitle = previous?.samePointMonth
    ? t('standards.table.previousSamePoint', { month: previous.samePointMonth })
    : t('standards.table.previous');
  const change = previous ? s.scores.composite - previous.scores.composite : null;
  const rows = MEASURES.map((m) => ({
    key: m,
    measure: t(MEASURE_LABELS[m]),
    actual: actual(m, s.measures, locale, none),
    target: target(m, s.targets, locale),
    score: s.scores[m],
    previous: previous ? previous.scores[m] : undefined,
  }));
  const spendCsv = spendRows(s, [t('standards.month'), t('standards.series.spend'), t('standards.series.planned')], month);
  const countCsv = countRows(
    s,
    [t('standards.month'), t('standards.measure.items'), t('standards.measure.visits'), t('standards.measure.referrals'), t('standards.measure.satisfaction')],
    month,
  );
  const months = s.months.map((m) => month(m.month));
  const hasPlan = s.months.some((m) => m.plannedSpend != null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="member-standards">
      <Space wrap>
        <Typography.Text>{t('standards.memberYear')}</Typography.Text>
        <Select<number>
          data-testid="standards-member-year"
          value={s.memberYear.number}
          style={{ minWidth: 340 }}
          onChange={(n) => setMemberYear(n === s.years.length ? undefined : n)}
          options={s.years.map((y) => {
            const label = `${t('standards.memberYearOption', {
              number: y.number,
              start: formatDate(y.startsAt),
              end: formatDate(y.endsAt),
              score: y.score,
            })}${y.number === s.years.length ? ` · ${t('standards.currentYear')}` : ''}`;
            return { value: y.number, label, title: label };
          })}
        />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('standards.radarTitle')}>
            <Statistic title={t('standards.composite')} value={s.scores.composite} suffix="/ 100" valueStyle={{ color: token.colorPrimary }} />
            {change != null && (
              <Tag color={change >= 0 ? 'green' : 'red'} data-testid="standards-trend">
                {change >= 0 ? t('standards.trendUp', { points: change }) : t('standards.trendDown', { points: change })}
              </Tag>
            )}
            <EChart
              option={radarOption(s, { measure: (m) => t(MEASURE_LABELS[m]), thisYear: t('standards.series.thisYear'), previous: previousTitle })}
              label={t('standards.radarLabel')}
              height={300}
              testId="standards-radar"
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Table
            size="small"
            pagination={false}
            data-testid="standards-table"
            dataSource={rows}
            columns={[
              { title: t('standards.table.measure'), dataIndex: 'measure' },
              { title: t('standards.table.actual'), dataIndex: 'actual', align: 'right' },
              { title: t('standards.table.target'), dataIndex: 'target', align: 'right' },
              { title: t('standards.table.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => v ?? '—' },
              ...(previous
                ? [{ title: previousTitle, dataIndex: 'previous', align: 'right' as const, render: (v: number | null) => v ?? '—' }]
                : []),
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('standards.compositeHint')}
          </Typography.Paragraph>
        </Col>
      </Row>
      <ChartCard title={t('standards.spendCurveTitle')} csv={{ fileName: `standards-spend-${s.memberYear.number}`, rows: spendCsv }}>
        <EChart
          testId="standards-spend-curve"
          label={t('standards.spendCurveLabel')}
          option={{
            color: [token.colorPrimary, token.colorWarning],
            grid: { left: 56, right: 40, top: 40, bottom: 24 },
            legend: { top: 0 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: months, boundaryGap: false },
            yAxis: { type: 'value' },
            series: [
              { type: 'line', name: t('standards.series.spend'), data: s.months.map((m) => major(m.spend)), connectNulls: false },
              ...(hasPlan
                ? [{ type: 'line', name: t('standards.series.planned'), data: s.months.map((m) => major(m.plannedSpend)), lineStyle: { type: 'dashed' } }]
                : []),
            ],
          }}
        />
      </ChartCard>
      <ChartCard title={t('standards.countCurveTitle')} csv={{ fileName: `standards-measures-${s.memberYear.number}`, rows: countCsv }}>
        <EChart
          testId="standards-count-curve"
          label={t('standards.countCurveLabel')}
          option={{
            grid: { left: 56, right: 40, top: 40, bottom: 24 },
            legend: { top: 0 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: months, boundaryGap: false },
            yAxis: [
              { type: 'value', minInterval: 1 },
              { type: 'value', min: 0, max: 5 },
            ],
            series: [
              ...(['items', 'visits', 'referrals'] as const).map((m) => ({
                type: 'line',
                name: t(MEASURE_LABELS[m]),
                data: s.months.map((x) => x[m] ?? null),
                connectNulls: false,
              })),
              {
                type: 'line',
                name: t('standards.measure.satisfaction'),
                yAxisIndex: 1,
                data: s.months.map((x) => x.satisfaction ?? null),
                connectNulls: true,
                lineStyle: { type: 'dotted' },
              },
            ],
          }}
        />
      </ChartCard>
    </Space>
  );
}
