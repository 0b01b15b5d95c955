import { DeleteOutlined, DownOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Dropdown, Form, Input, Spin, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf, ifMatch, unwrap } from '../../api/client';
import { ApiProblem, isApiProblem } from '../../api/problem';
import { keys, useAllClinics, type Customer } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { FormModal } from '../../components/FormModal';
import { editModalProps, inWords, useFormMutation, type Versioned } from '../../components/useFormMutation';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { CustomerPicker } from './CustomerPicker';
import { mergePreview, type MergeField, type MergeRow } from './mergePreview';
import { useStaffDirectory } from './useStaffDirectory';

type CustomerRecord = UseQueryResult<Versioned<Customer>>;

/** What a merge or erasure changes: every customer read and the audit log. */
const RECORD_WRITES = [keys.customers, keys.audit];

/** A merged duplicate (a tombstone) and an erased customer can no longer be changed (the server answers 409). */
export function isEditable(customer: Customer): boolean {
  return !customer.mergedInto && !customer.erasedAt;
}

/** Says on her page that a customer was merged into another one (with the way there), or erased. */
export function CustomerRecordNotice({ customer }: { customer: Customer }) {
  const { t } = useI18n();
  const api = useApi();
  const survivorId = customer.mergedInto;
  const survivor = useQuery({
    queryKey: keys.customer(survivorId ?? ''),
    enabled: !!survivorId,
    queryFn: () => unwrap(api.GET('/api/v1/customers/{customerId}', { params: { path: { customerId: survivorId! } } })),
  });

  if (survivorId) {
    const name = survivor.data?.data.name;
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="customer-merged-notice"
        title={t('customers.merged.title')}
        description={
          <>
            {t('customers.merged.detail')}{' '}
            <Link to={`/customers/${survivorId}`} data-testid="customer-merged-into-link">
              {name ? t('customers.merged.open', { name }) : t('customers.merged.openUnnamed')}
            </Link>
          </>
        }
      />
    );
  }
  if (customer.erasedAt) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="customer-erased-notice"
        title={t('customers.erased.title')}
        description={t('customers.erased.detail', { time: formatDateTime(customer.erasedAt) })}
      />
    );
  }
  return null;
}

/** The chain admin's record actions on a customer's page: merge a duplicate into her, erase her data. */
export function CustomerRecordMenu({ record }: { record: CustomerRecord }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'merge' | 'erase' | null>(null);
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          onClick: ({ key }) => setOpen(key as 'merge' | 'erase'),
          items: [
            {
              key: 'merge',
              icon: <MergeCellsOutlined />,
              label: <span data-testid="merge-customer-action">{t('customers.merge.action')}</span>,
            },
            { type: 'divider' },
            {
              key: 'erase',
              icon: <DeleteOutlined />,
              danger: true,
              label: <span data-testid="erase-customer-action">{t('customers.erase.action')}</span>,
            },
          ],
        }}
      >
        <Button data-testid="customer-record-menu">
          {t('customers.recordMenu')} <DownOutlined />
        </Button>
      </Dropdown>
      <MergeCustomerModal record={record} open={open === 'merge'} onClose={() => setOpen(null)} />
      <EraseCustomerModal record={record} open={open === 'erase'} onClose={() => setOpen(null)} />
    </>
  );
}

/**
 * The server says why a merge conflicts only in English; the known reasons are said in the UI's
 * language (the problem keeps its status, so the alert still reads as a conflict).
 */
function localizedMergeConflict(error: unknown, t: Translate): unknown {
  if (!isApiProblem(error) || error.status !== 409) return error;
  const detail = error.detail ?? '';
  const key: MessageKey | null = /checked in/i.test(detail)
    ? 'customers.merge.bothCheckedIn'
    : /erased|merged into/i.test(detail)
      ? 'customers.merge.notEditable'
      : null;
  return key ? new ApiProblem({ type: error.type, title: error.title, status: 409, detail: t(key), requestId: error.requestId }) : error;
}

type MergeValues = { duplicateId: string; confirmed: boolean };

/**
 * Merges a duplicate into this customer (the survivor): pick the duplicate, compare both side by
 * side with what the survivor will hold, tick that they are the same person, and merge with If-Match
 * of the survivor as shown. A 412 (she changed meanwhile) offers to reload her.
 */
function MergeCustomerModal({ record, open, onClose }: { record: CustomerRecord; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<MergeValues>();
  const duplicateId = Form.useWatch('duplicateId', form);
  const confirmed = Form.useWatch('confirmed', form);
  const survivor = record.data?.data;
  const duplicate = useQuery({
    queryKey: keys.customer(duplicateId ?? ''),
    enabled: open && !!duplicateId,
    queryFn: () => dataOf(api.GET('/api/v1/customers/{customerId}', { params: { path: { customerId: duplicateId! } } })),
  });

  const merge = useFormMutation({
    form,
    fields: ['duplicateId'],
    invalidate: RECORD_WRITES,
    mutationFn: async ({ duplicateId: id }: MergeValues) => {
      const duplicateName = duplicate.data?.name ?? '';
      try {
        const merged = await dataOf(
          api.POST('/api/v1/customers/{customerId}/merge', {
            params: { path: { customerId: survivor!.id }, header: { 'If-Match': ifMatch(survivor!, record.data!.etag) } },
            body: { duplicateId: id },
          }),
        );
        return { merged, duplicateName };
      } catch (e) {
        throw localizedMergeConflict(e, t);
      }
    },
    fieldErrorsFor: (problem) => inWords(problem.errors, { duplicateId: t('customers.merge.duplicateInvalid') }),
    onClose,
    onSuccess: ({ merged, duplicateName }) => message.success(t('customers.merge.done', { duplicate: duplicateName, name: merged.name })),
  });

  return (
    <FormModal
      open={open}
      title={t('customers.merge.title', { name: survivor?.name ?? '' })}
      submitLabel={t('customers.merge.submit')}
      submitTestId="merge-form-submit"
      testId="merge-form"
      width={920}
      submitDisabled={!duplicate.data || !confirmed}
      {...merge.modal}
      {...editModalProps(record, merge)}
    >
      <Typography.Paragraph type="secondary">{t('customers.merge.intro', { name: survivor?.name ?? '' })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => merge.mutation.mutate(v)}
        // The confirmation is about one pair of records: choosing another duplicate asks again.
        onValuesChange={(changed) => 'duplicateId' in changed && form.setFieldValue('confirmed', false)}
        disabled={merge.mutation.isPending}
      >
        <Form.Item
          name="duplicateId"
          label={t('customers.merge.duplicate')}
          extra={t('customers.merge.duplicateHint')}
          rules={[{ required: true, message: t('validation.required', { field: t('customers.merge.duplicate') }) }]}
        >
          <CustomerPicker testId="merge-form-picker" exclude={survivor?.id} />
        </Form.Item>
        {duplicateId &&
          (duplicate.isPending ? (
            <Spin>
              <div style={{ height: 120 }} />
            </Spin>
          ) : duplicate.isError ? (
            <ErrorAlert error={duplicate.error} onRetry={() => duplicate.refetch()} testId="merge-form-duplicate-error" />
          ) : (
            survivor && (
              <>
                <MergeComparison survivor={survivor} duplicate={duplicate.data} />
                <Alert
                  type="warning"
                  showIcon
                  style={{ margin: '16px 0' }}
                  title={t('customers.merge.irreversible')}
                  description={t('customers.merge.consequences', { duplicate: duplicate.data.name })}
                />
                <Form.Item name="confirmed" valuePropName="checked" style={{ marginBottom: 0 }}>
                  <Checkbox data-testid="merge-form-confirm">
                    {t('customers.merge.confirm', { name: survivor.name, duplicate: duplicate.data.name })}
                  </Checkbox>
                </Form.Item>
              </>
            )
          ))}
      </Form>
    </FormModal>
  );
}

const FIELD_LABELS: Record<MergeField, MessageKey> = {
  name: 'customers.form.name',
  phone: 'customers.form.phone',
  gender: 'customers.form.gender',
  birthDate: 'customers.form.birthDate',
  occupation: 'customers.form.occupation',
  incomeBand: 'customers.form.incomeBand',
  city: 'customers.form.city',
  address: 'customers.form.address',
  source: 'customers.form.source',
  ownerStaffId: 'customers.form.owner',
  homeClinicId: 'customers.form.homeClinic',
  referrer: 'customers.form.referrer',
  tags: 'customers.form.tags',
  notes: 'customers.form.notes',
  marketingConsent: 'customer.consent.marketing',
  firstVisitAt: 'customer.firstVisit',
  firstPurchaseAt: 'customer.firstPurchase',
  lastVisitAt: 'customers.col.lastVisit',
};

/** Both records side by side, and what the survivor will hold (the rows where the duplicate adds something are marked). */
function MergeComparison({ survivor, duplicate }: { survivor: Customer; duplicate: Customer }) {
  const { t } = useI18n();
  const directory = useStaffDirectory();
  const clinics = useAllClinics();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  const show = (field: MergeField, value: unknown): ReactNode => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return none;
    switch (field) {
      case 'gender':
        return t(`gender.${value as NonNullable<Customer['gender']>}`);
      case 'incomeBand':
        return t(`incomeBand.${value as NonNullable<Customer['incomeBand']>}`);
      case 'source':
        return t(`customerSource.${value as Customer['source']}`);
      case 'birthDate':
      case 'firstVisitAt':
      case 'firstPurchaseAt':
      case 'lastVisitAt':
        return formatDate(value as string);
      case 'ownerStaffId':
        return directory.nameOf(value as string);
      case 'homeClinicId':
        return clinics.data?.items.find((c) => c.id === value)?.name ?? t('staff.otherClinic');
      case 'referrer':
        return (value as NonNullable<Customer['referrer']>).name;
      case 'tags':
        return (value as string[]).join(t('common.listSeparator'));
      case 'marketingConsent':
        return t(value ? 'customer.consent.yes' : 'customer.consent.no');
      case 'notes':
        return <span style={{ whiteSpace: 'pre-wrap' }}>{value as string}</span>;
      default:
        return value as string;
    }
  };

  return (
    <Table<MergeRow>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={mergePreview(survivor, duplicate)}
      scroll={{ x: 760 }}
      data-testid="merge-comparison"
      columns={[
        { title: '', dataIndex: 'field', width: 120, render: (field: MergeField) => t(FIELD_LABELS[field]) },
        {
          title: t('customers.merge.col.survivor', { name: survivor.name }),
          key: 'survivor',
          render: (_, row) => show(row.field, row.survivor),
        },
        {
          title: t('customers.merge.col.duplicate', { name: duplicate.name }),
          key: 'duplicate',
          render: (_, row) => show(row.field, row.duplicate),
        },
        {
          title: t('customers.merge.col.result'),
          key: 'result',
          render: (_, row) => (
            <span data-testid={`merge-result-${row.field}`}>
              {show(row.field, row.result)}
              {row.fromDuplicate && (
                <Tag color="blue" style={{ marginInlineStart: 8 }}>
                  {t('customers.merge.fromDuplicate')}
                </Tag>
              )}
            </span>
          ),
        },
      ]}
    />
  );
}

/**
 * Erases the customer's personal data on her request (PIPL). Irreversible, so the dialog says what
 * goes and what stays, and the button works only once her name is typed exactly.
 */
function EraseCustomerModal({ record, open, onClose }: { record: CustomerRecord; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ confirmName: string }>();
  const typed = Form.useWatch('confirmName', form);
  const customer = record.data?.data;
  const matches = (value: string | undefined) => !!customer && (value ?? '').trim() === customer.name.trim();

  const erase = useFormMutation({
    form,
    fields: ['confirmName'],
    invalidate: RECORD_WRITES,
    mutationFn: () => dataOf(api.POST('/api/v1/customers/{customerId}/erase', { params: { path: { customerId: customer!.id } } })),
    onClose,
    onSuccess: () => message.success(t('customers.erase.done', { name: customer?.name ?? '' })),
  });

  return (
    <FormModal
      open={open}
      title={t('customers.erase.title', { name: customer?.name ?? '' })}
      submitLabel={t('customers.erase.submit')}
      submitTestId="erase-form-submit"
      testId="erase-form"
      width={600}
      danger
      submitDisabled={!matches(typed)}
      {...erase.modal}
    >
      <Alert type="error" showIcon title={t('customers.erase.irreversible')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        <Typography.Text strong>{t('customers.erase.goes')}</Typography.Text> {t('customers.erase.goesList')}
      </Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text strong>{t('customers.erase.stays')}</Typography.Text> {t('customers.erase.staysList')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => erase.mutation.mutate(v)} disabled={erase.mutation.isPending}>
        <Form.Item
          name="confirmName"
          label={t('customers.erase.typeName', { name: customer?.name ?? '' })}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                matches(value) ? Promise.resolve() : Promise.reject(new Error(t('customers.erase.nameMismatch'))),
            },
          ]}
        >
          <Input autoComplete="off" data-testid="erase-form-name" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
