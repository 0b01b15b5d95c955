import { useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Result, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { useKeyedWrite } from '../../api/idempotency';
import { keys, PAGE_SIZE, useAllClinics, useCursorList } from '../../api/queries';
import type { components } from '../../api/schema';
import { CursorTable } from '../../components/CursorTable';
import { formatDate, formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { hasMessage } from '../../i18n/messages';
import { csvBody, type ImportIssue } from '../imports/importFormat';
import {
  IgnoredColumns,
  ImportColumnGuide,
  ImportCommitBar,
  ImportCommitDialog,
  ImportFileChooser,
  ImportHeader,
  ImportIssues,
  ImportNotLoaded,
  ImportSummary,
  useImportCommit,
} from '../imports/ImportParts';
import { walletKeys } from './walletQueries';

type StoredValueImport = components['schemas']['StoredValueImport'];
type StoredValueImportRow = components['schemas']['StoredValueImportRow'];
type StoredValueImportSummary = components['schemas']['StoredValueImportSummary'];

/** The columns the server reads, in the template's order: the English name and the Chinese header it also accepts. */
const COLUMNS = [
  { name: 'phone', header: '手机号', required: true },
  { name: 'principal', header: '本金', required: true },
  { name: 'bonus', header: '赠送金额', required: false },
  { name: 'expiresOn', header: '有效期至', required: false },
  { name: 'externalReference', header: '原卡号', required: false },
  { name: 'clinic', header: '售卡门店', required: false },
] as const;

const importKey = (id: string) => [...walletKeys.all, 'imports', id] as const;

function columnOf(column: string, t: Translate): string {
  const key = `svImport.column.${column}`;
  return hasMessage(key) ? t(key) : column;
}

/** The server's issue codes in words; an issue without a known code shows as the server said it. */
function reasonOf(issue: ImportIssue, t: Translate): string {
  const key = `svImport.issue.${issue.code}`;
  return issue.code && hasMessage(key) ? t(key) : issue.message;
}

/**
 * Opening balances (期初储值导入) for chains migrating in, in three steps like the customer import: choose a CSV of
 * the old system's prepaid balances and upload it; read the server's report row by row; commit it, which brings every
 * OK row in as a lot through the ledger. The report lives at /stored-value/imports/:id.
 */
export function StoredValueImportPage() {
  const { t } = useI18n();
  const { importId } = useParams();
  const api = useApi();
  const job = useQuery({
    queryKey: importKey(importId ?? ''),
    enabled: importId !== undefined,
    queryFn: () =>
      dataOf(api.GET('/api/v1/stored-value/imports/{importId}', { params: { path: { importId: importId! } } })),
  });
  const committed = job.data?.status === 'COMMITTED';

  return (
    <div data-testid="sv-import-page">
      <ImportHeader
        title={t('svImport.title')}
        columns={COLUMNS}
        templateFileName={t('svImport.template.fileName')}
        importId={importId}
        committed={committed}
      />
      {importId ? <Report key={importId} importId={importId} job={job} /> : <ChooseFile />}
    </div>
  );
}

function ChooseFile() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const clinics = useAllClinics();
  const clinicList = clinics.data?.items ?? [];
  const [chosenClinic, setClinic] = useState<string | undefined>();
  // One clinic is every row's clinic; with several, the importer chooses (rows may name their own).
  const clinicId = chosenClinic ?? (clinicList.length === 1 ? clinicList[0].id : undefined);

  const upload = useMutation({
    mutationFn: async (chosen: File): Promise<StoredValueImport> =>
      dataOf(
        api.POST('/api/v1/stored-value/imports', {
          params: { query: { fileName: chosen.name.slice(0, 200), clinicId } },
          ...csvBody(await chosen.arrayBuffer()),
        }),
      ),
    onSuccess: (created) => {
      queryClient.setQueryData(importKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: [...walletKeys.all, 'imports'] });
      navigate(`/stored-value/imports/${created.id}`);
    },
  });

  return (
    <Flex vertical gap={16}>
      <ImportFileChooser hint={t('svImport.drop.hint')} upload={upload} labelColumn={(c) => columnOf(c, t)}>
        <Flex align="center" gap={12} wrap>
          <Typography.Text>{t('svImport.defaultClinic')}</Typography.Text>
          <Select
            style={{ minWidth: 220 }}
            allowClear
            placeholder={t('svImport.defaultClinic.none')}
            value={clinicId}
            onChange={(id) => setClinic(id)}
            options={clinicList.map((c) => ({ value: c.id, label: c.name }))}
            loading={clinics.isPending}
            data-testid="sv-import-clinic"
          />
          <Typography.Text type="secondary">{t('svImport.defaultClinic.hint')}</Typography.Text>
        </Flex>
      </ImportFileChooser>
      <ImportColumnGuide intro={t('svImport.guide.intro')} columns={COLUMNS} hintOf={(c) => t(`svImport.column.${c}.hint`)} />
      <PastImports />
    </Flex>
  );
}

function PastImports() {
  const { t, locale } = useI18n();
  const api = useApi();
  const list = useCursorList<StoredValueImportSummary>([...walletKeys.all, 'imports', 'list'], (cursor) =>
    dataOf(api.GET('/api/v1/stored-value/imports', { params: { query: { limit: PAGE_SIZE, cursor } } })),
  );
  const columns: ColumnsType<StoredValueImportSummary> = [
    {
      title: t('svImport.list.file'),
      key: 'file',
      render: (_, i) => <Link to={`/stored-value/imports/${i.id}`}>{i.fileName || t('import.noFileName')}</Link>,
    },
    {
      title: t('svImport.list.status'),
      dataIndex: 'status',
      render: (status: StoredValueImportSummary['status']) => (
        <Tag color={status === 'COMMITTED' ? 'green' : 'gold'}>{t(`import.status.${status}`)}</Tag>
      ),
    },
    { title: t('svImport.stat.ok'), dataIndex: 'okRows', align: 'right' },
    { title: t('wallet.principal'), key: 'principal', align: 'right', render: (_, i) => formatMoney(i.principal, locale) },
    { title: t('wallet.bonus'), key: 'bonus', align: 'right', render: (_, i) => formatMoney(i.bonus, locale) },
    { title: t('import.uploadedAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
  ];
  return (
    <Card title={t('svImport.list.title')}>
      <CursorTable testId="sv-import-list" list={list} columns={columns} emptyText={t('svImport.list.empty')} />
    </Card>
  );
}

function Report({ importId, job }: { importId: string; job: UseQueryResult<StoredValueImport> }) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const clinics = useAllClinics();

  if (!job.isSuccess) return <ImportNotLoaded job={job} againPath="/stored-value/imports" />;
  const data = job.data;
  const committed = data.status === 'COMMITTED';
  const clinicName = (id: string | null | undefined) => clinics.data?.items.find((c) => c.id === id)?.name ?? '';
  const issues = data.rows.flatMap((r) => r.issues);
  const amounts = { count: data.okRows, principal: formatMoney(data.principal, locale), bonus: formatMoney(data.bonus, locale) };

  return (
    <Flex vertical gap={16} data-testid="import-report">
      {committed && (
        <Result
          status="success"
          title={t('import.done.title')}
          subTitle={<span data-testid="import-done-summary">{t('svImport.done.summary', { ...amounts, skipped: data.errorRows + data.duplicateRows })}</span>}
          extra={
            <Link to="/stored-value/imports">
              <Button>{t('import.another')}</Button>
            </Link>
          }
          style={{ padding: '16px 0' }}
        />
      )}
      <ImportSummary
        job={data}
        stats={[
          { key: 'total', title: t('svImport.stat.total'), value: data.totalRows },
          { key: 'ok', title: t(committed ? 'svImport.stat.ok.committed' : 'svImport.stat.ok'), value: data.okRows },
          { key: 'error', title: t('svImport.stat.error'), value: data.errorRows, danger: data.errorRows > 0 },
          { key: 'duplicate', title: t('svImport.stat.duplicate'), value: data.duplicateRows },
          { key: 'principal', title: t('wallet.principal'), value: formatMoney(data.principal, locale) },
          { key: 'bonus', title: t('wallet.bonus'), value: formatMoney(data.bonus, locale) },
        ]}
      >
        <Descriptions.Item label={t('svImport.defaultClinic')}>
          {data.defaultClinicId ? clinicName(data.defaultClinicId) : t('svImport.defaultClinic.none')}
        </Descriptions.Item>
      </ImportSummary>
      <IgnoredColumns columns={data.ignoredColumns} />
      {data.totalRows === 0 && <Alert type="warning" showIcon title={t('svImport.noRows')} data-testid="import-no-rows" />}
      {issues.length > 0 && (
        <ImportIssues
          issues={issues}
          rows={data.errorRows + data.duplicateRows}
          fileName={data.fileName ?? data.id}
          reasonOf={(issue) => reasonOf(issue, t)}
          labelColumn={(c) => columnOf(c, t)}
        />
      )}
      <Rows rows={data.rows} clinicName={clinicName} />
      {!committed && (
        <ImportCommitBar
          rows={data.okRows}
          label={t('svImport.commit.button', { count: data.okRows })}
          nothingLabel={t('svImport.commit.nothing')}
          againPath="/stored-value/imports"
          onCommit={() => setConfirming(true)}
        />
      )}
      <CommitDialog importId={importId} job={job} open={confirming} onClose={() => setConfirming(false)} />
    </Flex>
  );
}

const STATUS_COLORS: Record<StoredValueImportRow['status'], string> = { OK: 'green', ERROR: 'red', DUPLICATE: 'default' };

/** Every row of the file: what it brings in (or brought in), or why it does not. */
function Rows({ rows, clinicName }: { rows: StoredValueImportRow[]; clinicName: (id: string | null | undefined) => string }) {
  const { t, locale } = useI18n();
  const columns: ColumnsType<StoredValueImportRow> = [
    { title: t('import.issues.row'), dataIndex: 'row', width: 80 },
    {
      title: t('svImport.rows.status'),
      dataIndex: 'status',
      width: 110,
      filters: (['OK', 'ERROR', 'DUPLICATE'] as const).map((s) => ({ text: t(`svImport.rowStatus.${s}`), value: s })),
      onFilter: (value, r) => r.status === value,
      render: (status: StoredValueImportRow['status']) => <Tag color={STATUS_COLORS[status]}>{t(`svImport.rowStatus.${status}`)}</Tag>,
    },
    {
      title: t('svImport.rows.customer'),
      key: 'customer',
      render: (_, r) =>
        r.customerId ? (
          <Link to={`/customers/${r.customerId}`}>
            {r.customerName} <Typography.Text type="secondary">{r.phone}</Typography.Text>
          </Link>
        ) : (
          r.phone
        ),
    },
    { title: t('wallet.principal'), key: 'principal', align: 'right', render: (_, r) => (r.principal ? formatMoney(r.principal, locale) : '') },
    { title: t('wallet.bonus'), key: 'bonus', align: 'right', render: (_, r) => (r.bonus ? formatMoney(r.bonus, locale) : '') },
    {
      title: t('svImport.column.expiresOn'),
      dataIndex: 'expiresOn',
      render: (day: string | null) => (day ? formatDate(day) : t('wallet.neverExpires')),
    },
    { title: t('svImport.column.externalReference'), dataIndex: 'externalReference' },
    { title: t('svImport.column.clinic'), key: 'clinic', render: (_, r) => clinicName(r.clinicId) },
    {
      title: t('import.issues.reason'),
      key: 'issues',
      render: (_, r) => r.issues.map((i) => `${columnOf(i.field, t)}：${reasonOf(i, t)}`).join('；'),
    },
  ];
  return (
    <Card title={t('svImport.rows.title')}>
      <Table<StoredValueImportRow>
        size="small"
        rowKey="row"
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="sv-import-rows"
      />
    </Card>
  );
}

/** Confirms the commit with the money it brings in; the commit carries an Idempotency-Key, reused on a retry. */
function CommitDialog({
  importId,
  job,
  open,
  onClose,
}: {
  importId: string;
  job: UseQueryResult<StoredValueImport>;
  open: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const api = useApi();
  const write = useKeyedWrite();
  const data = job.data;
  const commit = useImportCommit({
    send: () =>
      write({ importId }, (key) =>
        dataOf(
          api.POST('/api/v1/stored-value/imports/{importId}/commit', {
            params: { path: { importId }, header: { 'Idempotency-Key': key } },
          }),
        ),
      ),
    job,
    queryKey: importKey(importId),
    invalidate: [walletKeys.all, keys.audit],
    onClose,
  });

  if (!data) return null;
  return (
    <ImportCommitDialog open={open} onClose={onClose} commit={commit} conflict={t('svImport.commit.conflict')}>
      <Typography.Paragraph strong data-testid="import-commit-summary">
        {t('svImport.commit.summary', {
          count: data.okRows,
          principal: formatMoney(data.principal, locale),
          bonus: formatMoney(data.bonus, locale),
        })}
      </Typography.Paragraph>
      {data.errorRows + data.duplicateRows > 0 && (
        <Typography.Paragraph type="warning" data-testid="import-commit-skipped">
          {t('svImport.commit.skipped', { count: data.errorRows + data.duplicateRows })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">{t('svImport.commit.howItWorks')}</Typography.Paragraph>
    </ImportCommitDialog>
  );
}
