import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Select, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, useAllClinics } from '../../api/queries';
import type { components } from '../../api/schema';
import { csvBlob, saveBlob, type CsvCell } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { hasMessage, type MessageKey } from '../../i18n/messages';
import { useMe } from '../../me/MeContext';
import {
  analysisParams,
  DIMENSIONS,
  MAX_DAYS,
  periodBounds,
  presets,
  readAnalysisParams,
  type AnalysisDimension,
  type AnalysisParams,
} from './conversionPeriod';
import { ReasonChart } from './ReasonChart';

type ConversionAnalysis = components['schemas']['ConversionAnalysis'];
type ConversionGroup = components['schemas']['ConversionGroup'];
type Figures = components['schemas']['ConversionFigures'];
type Reason = components['schemas']['NonConversionReason'];

const REASONS: Reason[] = ['PRICE', 'TRUST', 'TIMING', 'EFFECT_DOUBT', 'COMPETITOR', 'OTHER'];

const GROUP_TITLES: Record<AnalysisDimension, MessageKey> = {
  CONSULTANT: 'conversion.groupBy.CONSULTANT',
  CLINIC: 'conversion.groupBy.CLINIC',
  SOURCE: 'conversion.groupBy.SOURCE',
  MONTH: 'conversion.groupBy.MONTH',
};

interface Line {
  key: string;
  name: string;
  figures: Figures;
}

/** How many of a reason a group's figures hold (0 when none). */
function reasonCount(figures: Figures, reason: Reason): number {
  return figures.reasons.find((r) => r.reason === reason)?.count ?? 0;
}

/**
 * Consultation conversion for a period: per consultant, clinic, customer source or month, how many
 * consultations converted, did not, or are still pending, the conversion rate of those decided, and
 * why customers did not convert. The period, grouping and clinic live in the URL.
 */
export function ConversionPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const timeZone = me.tenant?.timeZone ?? 'Asia/Shanghai';
  const [searchParams, setSearchParams] = useSearchParams();
  const state = readAnalysisParams(searchParams, timeZone);
  const { period, groupBy, clinicId } = state;
  const clinics = useAllClinics();
  const show = (change: Partial<AnalysisParams>) => setSearchParams(analysisParams({ ...state, ...change }), { replace: true });

  const bounds = periodBounds(period, timeZone);
  const analysis = useQuery({
    queryKey: [...keys.conversion, { groupBy, ...bounds, clinicId }],
    queryFn: () =>
      dataOf(api.GET('/api/v1/consultations/analysis', { params: { query: { groupBy, from: bounds.from, to: bounds.to, clinicId } } })),
    placeholderData: keepPreviousData,
  });

  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const reasonName = (reason: Reason) => t(`conversion.reason.${reason}`);
  const clinicName = (id: string) => clinics.data?.items.find((c) => c.id === id)?.name;
  const groupName = (group: ConversionGroup): string => {
    switch (groupBy) {
      case 'SOURCE':
        return hasMessage(`customerSource.${group.key}`) ? t(`customerSource.${group.key}` as MessageKey) : group.key;
      case 'MONTH':
        return dayjs(`${group.key}-01`).format(t('conversion.monthFormat'));
      case 'CLINIC':
        return group.label ?? clinicName(group.key) ?? t('staff.otherClinic');
      case 'CONSULTANT':
        return group.label ?? t('conversion.unknownConsultant');
    }
  };

  const data = analysis.data;
  const lines: Line[] = (data?.groups ?? []).map((g) => ({ key: g.key, name: groupName(g), figures: g.figures }));
  const empty = data !== undefined && data.total.consultations === 0;

  const downloadCsv = (result: ConversionAnalysis) => {
    const rows: CsvCell[][] = [
      [
        t(GROUP_TITLES[groupBy]),
        t('conversion.col.consultations'),
        t('conversion.col.converted'),
        t('conversion.col.notConverted'),
        t('conversion.col.pending'),
        t('conversion.col.ratePercent'),
        ...REASONS.map(reasonName),
      ],
      ...[...lines, { key: 'total', name: t('conversion.total'), figures: result.total }].map(({ name, figures: f }) => [
        name,
        f.consultations,
        f.converted,
        f.notConverted,
        f.pending,
        // A rate in percent with one decimal; empty while nothing is decided (not 0, not NaN).
        f.conversionRate === null ? '' : Math.round(f.conversionRate * 1000) / 10,
        ...REASONS.map((r) => reasonCount(f, r)),
      ]),
    ];
    saveBlob(
      csvBlob(rows),
      t('conversion.csv.fileName', { groupBy: t(GROUP_TITLES[groupBy]), from: period.from, to: period.to }),
    );
  };

  const rate = (figures: Figures) =>
    figures.conversionRate === null ? (
      <Tooltip title={t('conversion.rateUndecided')}>
        <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
      </Tooltip>
    ) : (
      percent.format(figures.conversionRate)
    );

  return (
    <div data-testid="conversion-page">
      <PageHeader
        title={t('conversion.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            disabled={!data || empty || analysis.isPlaceholderData}
            onClick={() => data && downloadCsv(data)}
            data-testid="conversion-csv-button"
          >
            {t('conversion.csv.download')}
          </Button>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
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
          aria-label={t('conversion.period')}
          data-testid="conversion-period"
        />
        <Segmented<AnalysisDimension>
          value={groupBy}
          onChange={(value) => show({ groupBy: value })}
          options={DIMENSIONS.map((d) => ({ value: d, label: <span data-testid={`conversion-group-${d}`}>{t(GROUP_TITLES[d])}</span> }))}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('conversion.allClinics')}
          value={clinicId}
          onChange={(value) => show({ clinicId: value ?? undefined })}
          loading={clinics.isPending}
          style={{ width: 200 }}
          data-testid="conversion-clinic-filter"
          options={(clinics.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('conversion.explain')}</Typography.Paragraph>

      {analysis.isError && !data ? (
        <ErrorAlert error={analysis.error} onRetry={() => analysis.refetch()} testId="conversion-error" />
      ) : !data ? (
        <Spin>
          <div style={{ height: 240 }} data-testid="conversion-loading" />
        </Spin>
      ) : empty ? (
        <Card>
          <Empty
            data-testid="conversion-empty"
            description={t('conversion.empty', { from: period.from, to: period.to })}
          />
        </Card>
      ) : (
        <Spin spinning={analysis.isPlaceholderData}>
          <Flex vertical gap={16}>
            {analysis.isError && <ErrorAlert error={analysis.error} onRetry={() => analysis.refetch()} testId="conversion-error" />}
            <Totals figures={data.total} rate={rate(data.total)} t={t} />
            <Card title={t('conversion.byGroup', { group: t(GROUP_TITLES[groupBy]) })}>
              <Table<Line>
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={lines}
                scroll={{ x: 820 }}
                data-testid="conversion-table"
                columns={[
                  { title: t(GROUP_TITLES[groupBy]), dataIndex: 'name', fixed: 'left', width: 160 },
                  ...figureColumns(t, rate, reasonName),
                ]}
                summary={() => (
                  <Table.Summary fixed>
                    <Table.Summary.Row data-testid="conversion-total-row">
                      <Table.Summary.Cell index={0}>
                        <strong>{t('conversion.total')}</strong>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">{data.total.consultations}</Table.Summary.Cell>
                      <Table.Summary.Cell index={2} align="right">{data.total.converted}</Table.Summary.Cell>
                      <Table.Summary.Cell index={3} align="right">{data.total.notConverted}</Table.Summary.Cell>
                      <Table.Summary.Cell index={4} align="right">{data.total.pending}</Table.Summary.Cell>
                      <Table.Summary.Cell index={5} align="right">{rate(data.total)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={6} />
                    </Table.Summary.Row>
                  </Table.Summary>
                )}
              />
            </Card>
            <Reasons figures={data.total} reasonName={reasonName} percent={percent} />
          </Flex>
        </Spin>
      )}
    </div>
  );
}

function figureColumns(t: Translate, rate: (f: Figures) => ReactNode, reasonName: (r: Reason) => string) {
  const number = (key: 'consultations' | 'converted' | 'notConverted' | 'pending', title: MessageKey) => ({
    title: t(title),
    key,
    align: 'right' as const,
    width: 100,
    sorter: (a: Line, b: Line) => a.figures[key] - b.figures[key],
    render: (_: unknown, line: Line) => line.figures[key],
  });
  return [
    number('consultations', 'conversion.col.consultations'),
    number('converted', 'conversion.col.converted'),
    number('notConverted', 'conversion.col.notConverted'),
    number('pending', 'conversion.col.pending'),
    {
      title: t('conversion.col.rate'),
      key: 'rate',
      align: 'right' as const,
      width: 100,
      sorter: (a: Line, b: Line) => (a.figures.conversionRate ?? -1) - (b.figures.conversionRate ?? -1),
      render: (_: unknown, line: Line) => rate(line.figures),
    },
    {
      title: t('conversion.col.reasons'),
      key: 'reasons',
      render: (_: unknown, line: Line) =>
        line.figures.reasons.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {line.figures.reasons.slice(0, 3).map((r) => (
              <Tag key={r.reason}>
                {reasonName(r.reason)} {r.count}
              </Tag>
            ))}
          </Flex>
        ),
    },
  ];
}

function Totals({ figures, rate, t }: { figures: Figures; rate: ReactNode; t: Translate }) {
  const stats: [string, MessageKey, ReactNode][] = [
    ['consultations', 'conversion.col.consultations', figures.consultations],
    ['converted', 'conversion.col.converted', figures.converted],
    ['notConverted', 'conversion.col.notConverted', figures.notConverted],
    ['pending', 'conversion.col.pending', figures.pending],
  ];
  return (
    <Card data-testid="conversion-totals">
      <Row gutter={[16, 16]}>
        {stats.map(([key, title, value]) => (
          <Col key={key} xs={12} sm={8} md={4}>
            <Statistic title={t(title)} value={value as number} data-testid={`conversion-total-${key}`} />
          </Col>
        ))}
        <Col xs={12} sm={8} md={4}>
          <Statistic title={t('conversion.col.rate')} valueRender={() => rate} data-testid="conversion-total-rate" />
        </Col>
      </Row>
    </Card>
  );
}

function Reasons({
  figures,
  reasonName,
  percent,
}: {
  figures: Figures;
  reasonName: (r: Reason) => string;
  percent: Intl.NumberFormat;
}) {
  const { t } = useI18n();
  const bars = figures.reasons.map((r) => ({ name: reasonName(r.reason), value: r.count }));
  return (
    <Card title={t('conversion.reasons.title')} data-testid="conversion-reasons">
      {figures.reasons.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('conversion.reasons.none')} />
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={14}>
            <ReasonChart
              bars={bars}
              label={bars.map((b) => `${b.name} ${b.value}`).join(t('common.listSeparator'))}
            />
          </Col>
          <Col xs={24} lg={10}>
            <Table
              size="small"
              rowKey="reason"
              pagination={false}
              dataSource={figures.reasons}
              data-testid="conversion-reasons-table"
              columns={[
                { title: t('conversion.reasons.reason'), dataIndex: 'reason', render: reasonName },
                { title: t('conversion.reasons.count'), dataIndex: 'count', align: 'right' },
                {
                  title: t('conversion.reasons.share'),
                  key: 'share',
                  align: 'right',
                  render: (_, r) => (figures.notConverted > 0 ? percent.format(r.count / figures.notConverted) : t('common.none')),
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
