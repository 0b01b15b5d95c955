import { CustomerCoupons } from '../coupons/CustomerCoupons';
import { ArrowLeftOutlined, CalendarOutlined, EditOutlined, LinkOutlined, LoginOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { unwrap } from '../../api/client';
import { keys, useAllClinics, type Customer } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { BookAppointmentModal, type BookingDraft } from '../appointments/AppointmentModals';
import { CheckInModal, type CheckInDraft } from '../visits/CheckInModal';
import { useMyClinics } from '../visits/useClinics';
import { CustomerReferrals } from '../referrals/CustomerReferrals';
import { CustomerWallet } from '../wallet/CustomerWallet';
import { CustomerMembership } from '../membership/CustomerMembership';
import { OrdersTable } from '../orders/OrdersPage';
import { CustomerPacks } from '../packs/CustomerPacks';
import { CustomerPlan } from '../plans/CustomerPlan';
import { MemberStandards } from '../standards/MemberStandards';
import { CustomerConsultations } from './CustomerConsultations';
import { AttachReferrerModal, ConsentModal, EditCustomerModal } from './CustomerModals';
import { CustomerRecordMenu, CustomerRecordNotice, isEditable } from './CustomerRecordActions';
import { CustomerPhone } from './CustomerPhone';
import { CustomerStatusTag } from './CustomerStatusTag';
import { CustomerTimeline } from './CustomerTimeline';
import { RecordContact } from '../followups/RecordContact';
import { useStaffDirectory, useUserNames } from './useStaffDirectory';

/** Whole years since the birth date. */
function age(birthDate: string): number {
  return dayjs().diff(dayjs(birthDate), 'year');
}

/**
 * Customer 360: one customer as the API serves her: the profile, her timeline (appointments, visits,
 * consultations) and, for the roles that may read them, her consultations; she can be booked and checked in
 * from here.
 */
export function CustomerPage() {
  const { customerId = '' } = useParams();
  // Keyed by id: following a referrer's link starts a fresh page, with no dialog left open.
  return <CustomerView key={customerId} customerId={customerId} />;
}

function CustomerView({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const location = useLocation();
  const [params] = useSearchParams();
  const { permissions } = useMe();
  const canManage = permissions.canManageCustomers;
  const [editing, setEditing] = useState(false);
  const [consenting, setConsenting] = useState(false);
  const [attaching, setAttaching] = useState(false);
  const [booking, setBooking] = useState<BookingDraft | null>(null);
  const [checkingIn, setCheckingIn] = useState<CheckInDraft | null>(null);
  const clinics = useMyClinics();
  const { message } = App.useApp();
  const record = useQuery({
    queryKey: keys.customer(customerId),
    queryFn: () => unwrap(api.GET('/api/v1/customers/{customerId}', { params: { path: { customerId } } })),
  });
  // Back to the list as it was left (its search and filters), when the user came from there.
  const listSearch = (location.state as { list?: string } | null)?.list ?? '';
  const back = (
    <Link to={`/customers${listSearch}`} data-testid="back-to-customers">
      <ArrowLeftOutlined /> {t('customer.backToList')}
    </Link>
  );

  if (record.isPending) {
    return (
      <Spin>
        <div style={{ height: 240 }} data-testid="customer-loading" />
      </Spin>
    );
  }
  if (record.isError) {
    return (
      <Flex vertical gap={16}>
        {back}
        <ErrorAlert error={record.error} onRetry={() => record.refetch()} testId="customer-error" />
      </Flex>
    );
  }
  const customer = record.data.data;
  // Merged duplicates and erased customers are kept as records but can no longer be changed.
  const editable = isEditable(customer);
  const canEdit = canManage && editable;
  const her = { id: customer.id, name: customer.name };
  // At her own clinic when the caller works there.
  const clinicId = clinics.open.some((c) => c.id === customer.homeClinicId) ? (customer.homeClinicId ?? undefined) : undefined;

  return (
    <div data-testid="customer-page">
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={
          <Space size={12} align="center">
            <span data-testid="customer-name">{customer.name}</span>
            <CustomerStatusTag status={customer.status} />
          </Space>
        }
        extra={
          <Space wrap>
            {permissions.canBookAndCheckIn && editable && (
              <>
                <Button icon={<CalendarOutlined />} onClick={() => setBooking({ customer: her, clinicId })} data-testid="book-customer-button">
                  {t('appointments.book')}
                </Button>
                <Button icon={<LoginOutlined />} onClick={() => setCheckingIn({ customer: her, clinicId })} data-testid="check-in-customer-button">
                  {t('visits.checkIn')}
                </Button>
              </>
            )}
            {editable && <RecordContact customerId={customer.id} homeClinicId={customer.homeClinicId} />}
            {canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-customer-button">
                {t('common.edit')}
              </Button>
            )}
            {permissions.canMergeAndEraseCustomers && editable && <CustomerRecordMenu record={record} />}
          </Space>
        }
      />
      <CustomerRecordNotice customer={customer} />
      <Tabs
        // `?tab=` opens another tab (an order's pack line links her packs).
        defaultActiveKey={params.get('tab') ?? 'profile'}
        items={[
          {
            key: 'profile',
            label: t('customer.tab.profile'),
            children: (
              <ProfilePane
                customer={customer}
                canManage={canEdit}
                onConsent={() => setConsenting(true)}
                onAttachReferrer={() => setAttaching(true)}
              />
            ),
          },
          { key: 'timeline', label: t('customer.tab.timeline'), children: <CustomerTimeline customerId={customer.id} /> },
          { key: 'membership', label: t('customer.tab.membership'), children: <CustomerMembership customerId={customer.id} /> },
          { key: 'wallet', label: t('wallet.title'), children: <CustomerWallet customerId={customer.id} /> },
          { key: 'referrals', label: t('customer.tab.referrals'), children: <CustomerReferrals customerId={customer.id} /> },
          {
            key: 'orders',
            label: t('customer.tab.orders'),
            children: <OrdersTable filters={{ customerId: customer.id }} showCustomer={false} testId="customer-orders" />,
          },
          { key: 'packs', label: t('customer.tab.packs'), children: <CustomerPacks customerId={customer.id} /> },
          ...(permissions.canSell
            ? [{ key: 'coupons', label: t('customer.tab.coupons'), children: <CustomerCoupons customerId={customer.id} /> }]
            : []),
          ...(permissions.canViewConsultations
            ? [{ key: 'consultations', label: t('customer.tab.consultations'), children: <CustomerConsultations customerId={customer.id} /> }]
            : []),
          { key: 'plan', label: t('customer.tab.plan'), children: <CustomerPlan customerId={customer.id} /> },
          ...(permissions.canReadMemberStandards
            ? [{ key: 'standards', label: t('customer.tab.standards'), children: <MemberStandards customerId={customer.id} /> }]
            : []),
        ]}
      />
      {canEdit && (
        <>
          <EditCustomerModal customerId={editing ? customer.id : null} onClose={() => setEditing(false)} />
          <ConsentModal record={record} open={consenting} onClose={() => setConsenting(false)} />
          {!customer.referrer && <AttachReferrerModal record={record} open={attaching} onClose={() => setAttaching(false)} />}
        </>
      )}
      <BookAppointmentModal draft={booking} onClose={() => setBooking(null)} />
      <CheckInModal
        draft={checkingIn}
        onClose={() => setCheckingIn(null)}
        onCheckedIn={({ visit }) => message.success(t('desk.checkedIn', { name: visit.customerName }))}
      />
    </div>
  );
}

function ProfilePane({
  customer: c,
  canManage,
  onConsent,
  onAttachReferrer,
}: {
  customer: Customer;
  canManage: boolean;
  onConsent: () => void;
  onAttachReferrer: () => void;
}) {
  const { t } = useI18n();
  const directory = useStaffDirectory();
  const userName = useUserNames();
  const clinics = useAllClinics();
  const none = t('common.none');
  const clinicName = c.homeClinicId
    ? (clinics.data?.items.find((x) => x.id === c.homeClinicId)?.name ?? (clinics.isPending ? '…' : t('staff.otherClinic')))
    : none;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={t('customer.card.profile')} data-testid="customer-profile">
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('customers.form.phone')}>
              <CustomerPhone customer={c} />
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.form.gender')}>{c.gender ? t(`gender.${c.gender}`) : none}</Descriptions.Item>
            <Descriptions.Item label={t('customers.form.birthDate')}>
              {c.birthDate ? t('customer.birthDateAge', { date: formatDate(c.birthDate), age: age(c.birthDate) }) : none}
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.form.occupation')}>{c.occupation || none}</Descriptions.Item>
            <Descriptions.Item label={t('customers.form.incomeBand')}>
              {c.incomeBand ? t(`incomeBand.${c.incomeBand}`) : none}
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.form.city')}>{c.city || none}</Descriptions.Item>
            <Descriptions.Item label={t('customers.form.address')} span={2}>
              {c.address || none}
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.form.source')}>{t(`customerSource.${c.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('customers.form.owner')}>
              <span data-testid="customer-owner">{directory.nameOf(c.ownerStaffId) ?? none}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.form.homeClinic')}>{clinicName}</Descriptions.Item>
            <Descriptions.Item label={t('customers.col.registered')}>{formatDateTime(c.createdAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title={t('customer.card.lifecycle')} data-testid="customer-lifecycle">
          <Flex vertical gap={12}>
            <Space>
              <CustomerStatusTag status={c.status} />
              <Typography.Text type="secondary">{t(`customerStatus.hint.${c.status}`)}</Typography.Text>
            </Space>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('customer.firstVisit')}>
                <span data-testid="customer-first-visit">{formatDate(c.firstVisitAt)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('customer.firstPurchase')}>
                <span data-testid="customer-first-purchase">{formatDate(c.firstPurchaseAt)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.col.lastVisit')}>{formatDate(c.lastVisitAt)}</Descriptions.Item>
            </Descriptions>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card
          title={t('customer.card.referrer')}
          data-testid="customer-referrer"
          extra={
            canManage &&
            !c.referrer && (
              <Button size="small" icon={<LinkOutlined />} onClick={onAttachReferrer} data-testid="attach-referrer-button">
                {t('customers.referrer.attach')}
              </Button>
            )
          }
        >
          {c.referrer ? (
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('customers.form.referrer')}>
                <Link to={`/customers/${c.referrer.customerId}`} data-testid="referrer-link">
                  {c.referrer.name}
                </Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('customer.referrer.attachedAt')}>{formatDateTime(c.referrer.attachedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('customer.referrer.attachedBy')}>{userName(c.referrer.attachedBy)}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customer.referrer.none')} />
          )}
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card
          title={t('customer.card.consent')}
          data-testid="customer-consent"
          extra={
            canManage && (
              <Button size="small" icon={<SafetyCertificateOutlined />} onClick={onConsent} data-testid="consent-button">
                {t(c.marketingConsent.granted ? 'customers.consent.withdraw' : 'customers.consent.grant')}
              </Button>
            )
          }
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('customer.consent.marketing')}>
              <Tag color={c.marketingConsent.granted ? 'green' : 'default'} data-testid="consent-state">
                {t(c.marketingConsent.granted ? 'customer.consent.yes' : 'customer.consent.no')}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.consent.channel')}>{c.marketingConsent.channel || none}</Descriptions.Item>
            <Descriptions.Item label={t('customer.consent.recordedAt')}>{formatDateTime(c.marketingConsent.recordedAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card title={t('customers.form.tags')} data-testid="customer-tags">
          {c.tags.length > 0 ? (
            <Space size={[0, 8]} wrap>
              {c.tags.map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('customer.noTags')}</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card title={t('customers.form.notes')} data-testid="customer-notes">
          {c.notes ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.notes}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('customer.noNotes')}</Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}
