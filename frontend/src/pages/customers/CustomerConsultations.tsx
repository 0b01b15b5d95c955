import { Flex } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys, PAGE_SIZE, useCursorList, type Consultation } from '../../api/queries';
import { CursorFeed } from '../../components/CursorFeed';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { ConsultationCard } from '../visits/ConsultationCard';
import { ConsultationModal, type ConsultationTarget } from '../visits/ConsultationModal';
import { useMyClinics } from '../visits/useClinics';

/** Her consultations, newest first: the design assessments and their outcomes. Not for the front desk. */
export function CustomerConsultations({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const { permissions } = useMe();
  const clinics = useMyClinics();
  const [editing, setEditing] = useState<ConsultationTarget | null>(null);
  const list = useCursorList<Consultation>([...keys.consultations, 'customer', customerId], (cursor) =>
    dataOf(api.GET('/api/v1/consultations', { params: { query: { customerId, cursor, limit: PAGE_SIZE } } })),
  );

  return (
    <>
      <CursorFeed testId="customer-consultations" list={list} emptyText={t('consultations.noneForCustomer')}>
        {(items) => (
          <Flex vertical gap={12}>
            {items.map((c) => (
              <ConsultationCard
                key={c.id}
                consultation={c}
                zone={clinics.zoneOf(c.clinicId)}
                extra={
                  <Link to={`/visits/${c.visitId}`} data-testid={`consultation-visit-${c.id}`}>
                    {t('visits.open')}
                  </Link>
                }
                onEdit={
                  permissions.canRecordConsultations
                    ? () => setEditing({ visitId: c.visitId, clinicId: c.clinicId, customerName: c.customerName, consultationId: c.id })
                    : undefined
                }
              />
            ))}
          </Flex>
        )}
      </CursorFeed>
      <ConsultationModal target={editing} onClose={() => setEditing(null)} />
    </>
  );
}
