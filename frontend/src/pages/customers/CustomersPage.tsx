import { BulkIssueCoupons } from '../coupons/BulkIssueCoupons';
import { ImportOutlined, UserAddOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Checkbox, DatePicker, Flex, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, PAGE_SIZE, useAllClinics, useCursorList, type Customer } from '../../api/queries';
import { CursorTable } from '../../components/CursorTable';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { CUSTOMER_SOURCES, CUSTOMER_STATUSES, tooFewDigits, type CustomerSource, type CustomerStatus } from './customerFields';
import { CUSTOMER_SORTS, hasFilters, listParams, readListParams, type CustomerFilters, type CustomerSort } from './customerFilters';
import { RegisterCustomerModal } from './CustomerModals';
import { CustomerExport, type CustomerListQuery } from './CustomerExport';
import { CustomerPhone } from './CustomerPhone';
import { CustomerStatusTag } from './CustomerStatusTag';
import { SavedFilters } from './SavedFilters';
import { useStaffDirectory } from './useStaffDirectory';

/**
 * The chain's customers: search as you type (name, pinyin, initials, or 4+ digits of the phone),
 * filters kept in the URL (so "back" from a customer returns to the same list), named filter sets,
 * and registration.
 */
export function CustomersPage() {
  const { t } = useI18n();
  const api = useApi();
  const location = useLocation();
  const { permissions } = useMe();
  const canManage = permissions.canManageCustomers;
  const [params, setParams] = useSearchParams();
  const { q, filters } = readListParams(params);
  const [needsDigits, setNeedsDigits] = useState(false);
  const [registering, setRegistering] = useState(false);
  const [tagInput, setTagInput] = useState(filters.tag ?? '');
  const clinics = useAllClinics();
  const directory = useStaffDirectory();

  const show = (nextQ: string, next: CustomerFilters) => setParams(listParams(nextQ, next), { replace: true });
  const filter = (change: Partial<CustomerFilters>) => show(q, { ...filters, ...change });
  const search = (text: string) => {
    // A phone search needs 4 digits: until then keep the last answer and say so, instead of a 400.
    setNeedsDigits(tooFewDigits(text));
    if (!tooFewDigits(text)) show(text, filters);
  };
  const applyFilters = (next: CustomerFilters) => {
    setTagInput(next.tag ?? '');
    show(q, next);
  };

  const birthdayMonth = filters.birthdayThisMonth ? dayjs().month() + 1 : undefined;
  const { status, tag, ownerId, clinicId, source, sort } = filters;
  // Days as the desk sees them (this computer's time zone); "to" includes its whole day.
  const lastVisitFrom = filters.lastVisitFrom ? dayjs(filters.lastVisitFrom).startOf('day').toISOString() : undefined;
  const lastVisitTo = filters.lastVisitTo ? dayjs(filters.lastVisitTo).add(1, 'day').startOf('day').toISOString() : undefined;
  // The list and its export take the same search and filters.
  const query: CustomerListQuery = {
    q: q || undefined,
    status,
    tag,
    ownerId,
    clinicId,
    source,
    birthdayMonth,
    lastVisitFrom,
    lastVisitTo,
  };
  const list = useCursorList<Customer>(
    [...keys.customers, 'list', query, sort],
    (cursor) =>
      dataOf(api.GET('/api/v1/customers', { params: { query: { limit: PAGE_SIZE, cursor, sort, ...query } } })),
    { keepPrevious: true },
  );

  const clinicName = (id: string | null | undefined) =>
    id ? (clinics.data?.items.find((c) => c.id === id)?.name ?? t('staff.otherClinic')) : t('common.none');
  const seenTags = [...new Set(list.items.flatMap((c) => c.tags))];

  const columns: ColumnsType<Customer> = [
    {
      title: t('customers.col.name'),
      key: 'name',
      render: (_, c) => (
        <Link to={`/customers/${c.id}`} state={{ list: location.search }} data-testid={`customer-link-${c.id}`}>
          <strong>{c.name}</strong>
        </Link>
      ),
    },
    { title: t('customers.col.phone'), key: 'phone', width: 160, render: (_, c) => <CustomerPhone customer={c} /> },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 120,
      render: (s: CustomerStatus) => <CustomerStatusTag status={s} />,
    },
    {
      title: t('customers.col.tags'),
      dataIndex: 'tags',
      render: (values: string[]) =>
        values.length === 0 ? (
          t('common.none')
        ) : (
          <Space size={[0, 4]} wrap>
            {values.map((v) => (
              <Tag key={v}>{v}</Tag>
            ))}
          </Space>
        ),
    },
    { title: t('customers.col.owner'), dataIndex: 'ownerStaffId', width: 120, render: (id?: string | null) => directory.nameOf(id) ?? t('common.none') },
    { title: t('customers.col.clinic'), dataIndex: 'homeClinicId', width: 140, render: clinicName },
    { title: t('customers.col.source'), dataIndex: 'source', width: 120, render: (s: CustomerSource) => t(`customerSource.${s}`) },
    { title: t('customers.col.lastVisit'), dataIndex: 'lastVisitAt', width: 120, render: formatDate },
    { title: t('customers.col.registered'), dataIndex: 'createdAt', width: 120, render: formatDate },
  ];

  const filtered = q !== '' || hasFilters(filters);
  const emptyText = filtered ? t('customers.emptyFiltered') : canManage ? t('customers.empty') : t('customers.emptyReadOnly');

  return (
    <div data-testid="customers-page">
      <PageHeader
        title={t('customers.title')}
        extra={
          <Space wrap>
            <CustomerExport query={query} phonesMasked={list.items.some((c) => c.phoneMasked)} />
            {permissions.canIssueCoupons && <BulkIssueCoupons query={query} />}
            {permissions.canImportCustomers && (
              <Link to="/customer-imports" data-testid="import-customers-link">
                <Button icon={<ImportOutlined />}>{t('customers.import')}</Button>
              </Link>
            )}
            {canManage && (
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setRegistering(true)} data-testid="register-customer-button">
                {t('customers.register')}
              </Button>
            )}
          </Space>
        }
      />
      <Flex vertical gap={4} style={{ marginBottom: 12 }}>
        <SearchBox
          placeholder={t('customers.searchPlaceholder')}
          onSearch={search}
          testId="customers-search"
          width={420}
          debounceMs={300}
          initialValue={q}
        />
        {needsDigits && (
          <Typography.Text type="warning" data-testid="customers-search-hint">
            {t('customers.search.tooFewDigits')}
          </Typography.Text>
        )}
      </Flex>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<CustomerStatus>
          allowClear
          placeholder={t('customers.filter.status')}
          value={status}
          onChange={(v) => filter({ status: v ?? undefined })}
          style={{ width: 150 }}
          data-testid="customers-status-filter"
          options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`customerStatus.${s}`) }))}
        />
        <AutoComplete
          allowClear
          placeholder={t('customers.filter.tag')}
          value={tagInput}
          onChange={(v: string | undefined) => {
            setTagInput(v ?? '');
            if (!v) filter({ tag: undefined });
          }}
          onSelect={(v?: string) => filter({ tag: v || undefined })}
          onKeyDown={(e) => e.key === 'Enter' && filter({ tag: tagInput.trim() || undefined })}
          onBlur={() => tagInput.trim() !== (tag ?? '') && filter({ tag: tagInput.trim() || undefined })}
          style={{ width: 150 }}
          data-testid="customers-tag-filter"
          options={seenTags.filter((v) => v.includes(tagInput)).map((v) => ({ value: v }))}
        />
        {directory.owners.length > 0 && (
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('customers.filter.owner')}
            value={ownerId}
            onChange={(v) => filter({ ownerId: v ?? undefined })}
            loading={directory.loading}
            style={{ width: 150 }}
            data-testid="customers-owner-filter"
            options={directory.owners}
          />
        )}
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('customers.filter.clinic')}
          value={clinicId}
          onChange={(v) => filter({ clinicId: v ?? undefined })}
          loading={clinics.isPending}
          style={{ width: 170 }}
          data-testid="customers-clinic-filter"
          options={(clinics.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select<CustomerSource>
          allowClear
          placeholder={t('customers.filter.source')}
          value={source}
          onChange={(v) => filter({ source: v ?? undefined })}
          style={{ width: 150 }}
          data-testid="customers-source-filter"
          options={CUSTOMER_SOURCES.map((s) => ({ value: s, label: t(`customerSource.${s}`) }))}
        />
        <Checkbox
          checked={filters.birthdayThisMonth ?? false}
          onChange={(e) => filter({ birthdayThisMonth: e.target.checked || undefined })}
          data-testid="customers-birthday-filter"
        >
          {t('customers.filter.birthdayThisMonth')}
        </Checkbox>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('customers.filter.lastVisitFrom'), t('customers.filter.lastVisitTo')]}
          value={[
            filters.lastVisitFrom ? dayjs(filters.lastVisitFrom) : null,
            filters.lastVisitTo ? dayjs(filters.lastVisitTo) : null,
          ]}
          onChange={(range) =>
            filter({
              lastVisitFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
              lastVisitTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
          data-testid="customers-last-visit-filter"
        />
        <Select<CustomerSort>
          value={sort ?? 'REGISTERED'}
          onChange={(v) => filter({ sort: v === 'REGISTERED' ? undefined : v })}
          style={{ width: 170 }}
          data-testid="customers-sort"
          options={CUSTOMER_SORTS.map((s) => ({ value: s, label: t(`customers.sort.${s}`) }))}
        />
        <SavedFilters current={filters} onApply={applyFilters} />
        {hasFilters(filters) && (
          <Button type="link" onClick={() => applyFilters({})} data-testid="customers-clear-filters">
            {t('customers.filter.clear')}
          </Button>
        )}
      </Flex>
      <CursorTable<Customer>
        testId="customers"
        list={list}
        columns={columns}
        scrollX={1100}
        emptyText={emptyText}
        emptyAction={
          canManage &&
          !filtered && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => setRegistering(true)}>
              {t('customers.register')}
            </Button>
          )
        }
      />
      {canManage && <RegisterCustomerModal open={registering} onClose={() => setRegistering(false)} />}
    </div>
  );
}
