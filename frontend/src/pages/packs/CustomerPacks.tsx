import { Button, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { PAGE_SIZE, useCursorList } from '../../api/queries';
import { CursorTable } from '../../components/CursorTable';
import { formatDate, formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { useStaffDirectory } from '../customers/useStaffDirectory';
import { PackChangeModal, type PackChange } from './PackChangeModal';
import { PackItems } from './PackItems';
import { packKeys, type SessionPack, type SessionPackEntry } from './packQueries';
import { PACK_STATUS_COLORS } from './packRules';

export function PackStatusTag({ pack }: { pack: Pick<SessionPack, 'id' | 'status'> }) {
  const { t } = useI18n();
  return (
    <Tag color={PACK_STATUS_COLORS[pack.status]} data-testid={`pack-status-${pack.id}`}>
      {t(`packStatus.${pack.status}`)}
    </Tag>
  );
}

/**
 * Her packs (疗程卡): remaining sessions, the next due date, the expiry and the status; each opens on its items
 * and its ledger. Chain admins and managers refund the unused sessions, freeze, unfreeze and extend a pack, and
 * reverse a redemption, each with a reason. `?pack=` opens one (as an order's pack line links it).
 */
export function CustomerPacks({ customerId }: { customerId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const [params] = useSearchParams();
  const opened = params.get('pack');
  const [change, setChange] = useState<PackChange | null>(null);
  const list = useCursorList<SessionPack>([...packKeys.packs, 'customer-list', customerId], (cursor) =>
    dataOf(api.GET('/api/v1/session-packs', { params: { query: { customerId, cursor, limit: PAGE_SIZE } } })),
  );

  const columns: ColumnsType<SessionPack> = [
    {
      title: t('packs.col.pack'),
      key: 'pack',
      render: (_, p) => (
        <Flex vertical>
          <strong>{p.templateName}</strong>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Link to={`/orders/${p.orderId}`}>{t('packs.boughtOn', { date: formatDate(p.purchasedAt) })}</Link>
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('common.status'), key: 'status', width: 100, render: (_, p) => <PackStatusTag pack={p} /> },
    {
      title: t('packs.remaining'),
      key: 'remaining',
      align: 'right',
      width: 100,
      render: (_, p) => <span data-testid={`pack-remaining-${p.id}`}>{`${p.remaining} / ${p.sessions}`}</span>,
    },
    { title: t('packs.nextDue'), key: 'due', width: 150, render: (_, p) => formatDateTime(p.nextDueAt) },
    { title: t('packs.expiresAt'), key: 'expires', width: 150, render: (_, p) => formatDateTime(p.expiresAt) },
    {
      title: t('packs.unusedValue'),
      key: 'unused',
      align: 'right',
      width: 130,
      render: (_, p) => (p.status === 'REFUNDED' ? t('packs.refundedValue', { amount: formatMoney(p.refundedValue, locale) }) : formatMoney(p.unusedValue, locale)),
    },
  ];
  if (permissions.canManagePacks) {
    columns.push({ title: t('common.actions'), key: 'actions', width: 200, render: (_, p) => <PackActions pack={p} onChange={setChange} /> });
  }

  return (
    <div data-testid="customer-packs">
      <CursorTable<SessionPack>
        testId="packs"
        list={list}
        columns={columns}
        scrollX={960}
        emptyText={t('packs.none')}
        expandable={{
          defaultExpandedRowKeys: opened ? [opened] : [],
          expandedRowRender: (p) => <PackDetail pack={p} onReverse={(entry) => setChange({ kind: 'reverse', pack: p, entry })} />,
        }}
      />
      <PackChangeModal change={change} onClose={() => setChange(null)} />
    </div>
  );
}

/** The changes a pack's state allows: a refunded pack takes none; only a frozen one unfreezes. */
function PackActions({ pack, onChange }: { pack: SessionPack; onChange: (change: PackChange) => void }) {
  const { t } = useI18n();
  if (pack.status === 'REFUNDED') return null;
  const action = (kind: Exclude<PackChange['kind'], 'reverse'>, label: string, danger = false) => (
    <Button type="link" size="small" danger={danger} onClick={() => onChange({ kind, pack })} data-testid={`pack-${kind}-${pack.id}`}>
      {label}
    </Button>
  );
  return (
    <Space size={0} wrap>
      {pack.remaining > 0 && action('refund', t('packs.refund.action'), true)}
      {pack.status === 'FROZEN' ? action('unfreeze', t('packs.unfreeze.action')) : pack.status !== 'EXPIRED' && action('freeze', t('packs.freeze.action'))}
      {action('extend', t('packs.extend.action'))}
    </Space>
  );
}

function PackDetail({ pack, onReverse }: { pack: SessionPack; onReverse: (entry: SessionPackEntry) => void }) {
  return (
    <Row gutter={[16, 16]} data-testid={`pack-detail-${pack.id}`}>
      <Col span={24}>
        <PackItems pack={pack} />
      </Col>
      <Col span={24}>
        <PackLedger pack={pack} onReverse={onReverse} />
      </Col>
    </Row>
  );
}

/** The pack's ledger, newest first: every session and validity movement, who made it and why. */
function PackLedger({ pack, onReverse }: { pack: SessionPack; onReverse: (entry: SessionPackEntry) => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const directory = useStaffDirectory();
  const list = useCursorList<SessionPackEntry>(packKeys.entries(pack.id), (cursor) =>
    dataOf(api.GET('/api/v1/session-packs/{packId}/entries', { params: { path: { packId: pack.id }, query: { cursor, limit: PAGE_SIZE } } })),
  );
  const itemName = (itemId: string) => pack.items.find((i) => i.itemId === itemId)?.itemName ?? itemId;
  const reversible = (e: SessionPackEntry) => e.kind === 'REDEEM' && !e.reversedBy && pack.status !== 'REFUNDED' && permissions.canManagePacks;

  const columns: ColumnsType<SessionPackEntry> = [
    { title: t('packs.when'), key: 'when', width: 150, render: (_, e) => formatDateTime(e.occurredAt) },
    {
      title: t('packs.entryKind'),
      key: 'kind',
      width: 120,
      render: (_, e) => (
        <Space size={4}>
          {t(`packEntry.${e.kind}`)}
          {e.reversedBy && <Tag>{t('redemptionStatus.REVERSED')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('packs.sessionsMoved'),
      key: 'items',
      render: (_, e) => e.items.map((m) => `${itemName(m.itemId)} ${m.sessions > 0 ? `+${m.sessions}` : m.sessions}`).join(t('common.listSeparator')) || t('common.none'),
    },
    { title: t('packs.remainingAfter'), dataIndex: 'remainingAfter', key: 'after', align: 'right', width: 90 },
    { title: t('packs.value'), key: 'value', align: 'right', width: 120, render: (_, e) => (e.items.length > 0 ? formatMoney(e.value, locale) : t('common.none')) },
    {
      title: t('packs.about'),
      key: 'about',
      render: (_, e) => (
        <Flex vertical>
          {e.orderId && <Link to={`/orders/${e.orderId}`}>{t(e.kind === 'REFUND' ? 'packs.refundOrder' : 'packs.saleOrder')}</Link>}
          {e.clinicianId && <span>{t('packs.givenBy', { name: directory.nameOf(e.clinicianId) ?? '' })}</span>}
          {e.intervalOverrideReason && <Typography.Text type="warning">{t('packs.earlyBecause', { reason: e.intervalOverrideReason })}</Typography.Text>}
          {e.expiresAt && <span>{t('packs.expiryMoved', { from: formatDateTime(e.previousExpiresAt), to: formatDateTime(e.expiresAt) })}</span>}
          {e.reason && <span>{e.reason}</span>}
        </Flex>
      ),
    },
    { title: t('packs.by'), key: 'by', width: 110, render: (_, e) => e.actorName ?? t('packs.system') },
    {
      title: '',
      key: 'reverse',
      width: 90,
      render: (_, e) =>
        reversible(e) && (
          <Button type="link" size="small" danger onClick={() => onReverse(e)} data-testid={`reverse-${e.id}`}>
            {t('packs.reverse.action')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <Typography.Text strong>{t('packs.ledger')}</Typography.Text>
      <CursorTable<SessionPackEntry> testId={`pack-ledger-${pack.id}`} list={list} columns={columns} emptyText={t('packs.noEntries')} scrollX={960} />
    </>
  );
}
