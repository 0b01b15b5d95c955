import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Flex, Segmented, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useAllClinics } from '../../api/queries';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney } from '../../components/money';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { MAX_DAYS, periodBounds, presets, type Period } from '../conversion/conversionPeriod';
import { useStaffDirectory } from '../customers/useStaffDirectory';

type LeaderboardRow = components['schemas']['ReferralLeaderboard']['items'][number];
type By = components['schemas']['ReferralLeaderboard']['by'];

const BY: By[] = ['CLINIC', 'CONSULTANT'];

/**
 * Referrals counted in a period (the referee's first payment fell in it), per clinic or per consultant of that
 * payment, most first, with the rewards still standing (managers and admins).
 */
export function ReferralLeaderboardPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me } = useMe();
  const timeZone = me.tenant?.timeZone ?? 'Asia/Shanghai';
  const [period, setPeriod] = useState<Period>(presets(timeZone)[0].period);
  const [by, setBy] = useState<By>('CLINIC');
  const clinics = useAllClinics();
  const { nameOf } = useStaffDirectory();
  const bounds = periodBounds(period, timeZone);
  const board = useQuery({
    queryKey: ['referrals', 'leaderboard', by, bounds],
    queryFn: () => dataOf(api.GET('/api/v1/referrals/leaderboard', { params: { query: { by, from: bounds.from, to: bounds.to } } })),
    placeholderData: keepPreviousData,
  });
  const nameOfRow = (row: LeaderboardRow) =>
    row.clinicId ? (clinics.data?.items.find((c) => c.id === row.clinicId)?.name ?? '…') : nameOf(row.consultantId);
  const columns: ColumnsType<LeaderboardRow> = [
    { title: '#', key: 'rank', width: 60, render: (_, __, index) => index + 1 },
    {
      title: t(by === 'CLINIC' ? 'referralBoard.clinic' : 'referralBoard.consultant'),
      key: 'name',
      render: (_, row) => <strong data-testid="leaderboard-name">{nameOfRow(row)}</strong>,
    },
    {
      title: t('referralBoard.referrals'),
      dataIndex: 'referrals',
      align: 'right',
      render: (n: number) => <span data-testid="leaderboard-referrals">{n}</span>,
    },
    { title: t('referralBoard.spend'), key: 'spend', align: 'right', render: (_, row) => formatMoney(row.firstPaymentSpend, locale) },
    { title: t('referralBoard.points'), dataIndex: 'rewardPoints', align: 'right' },
    { title: t('referralBoard.coupons'), dataIndex: 'rewardCoupons', align: 'right' },
    { title: t('referralBoard.bonus'), key: 'bonus', align: 'right', render: (_, row) => formatMoney(row.rewardBonus, locale) },
  ];
  return (
    <div data-testid="referral-leaderboard-page">
      <PageHeader title={t('nav.referralLeaderboard')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(range) => {
            if (range?.[0] && range[1]) setPeriod({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
          }}
          disabledDate={(day: Dayjs, info) => !!info?.from && Math.abs(day.diff(info.from, 'day')) >= MAX_DAYS}
          presets={presets(timeZone).map(({ key, period: p }) => ({
            label: t(`conversion.preset.${key}`),
            value: [dayjs(p.from), dayjs(p.to)] as [Dayjs, Dayjs],
          }))}
          aria-label={t('referralBoard.period')}
          data-testid="leaderboard-period"
        />
        <Segmented<By>
          value={by}
          onChange={setBy}
          options={BY.map((b) => ({ value: b, label: <span data-testid={`leaderboard-by-${b}`}>{t(`referralBoard.by.${b}`)}</span> }))}
        />
      </Flex>
      {board.isError ? (
        <ErrorAlert error={board.error} onRetry={() => board.refetch()} testId="leaderboard-error" />
      ) : (
        <Table<LeaderboardRow>
          rowKey={(row) => row.clinicId ?? row.consultantId ?? ''}
          columns={columns}
          dataSource={board.data?.items ?? []}
          loading={board.isPending}
          pagination={false}
          data-testid="leaderboard-table"
          locale={{ emptyText: t('referralBoard.empty') }}
        />
      )}
    </div>
  );
}
