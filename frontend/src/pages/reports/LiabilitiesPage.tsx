import { DatePicker, Flex, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useAllClinics } from '../../api/queries';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import { useMe } from '../../me/MeContext';
import { PackLiabilities } from '../packs/PackLiabilities';
import { StoredValueLiabilities } from '../wallet/StoredValueLiabilities';
import { useLiabilityQuery } from './liabilityQuery';

/**
 * Prepaid liabilities (deferred revenue) per selling clinic as of the end of a day, for chain admins and managers:
 * one section per kind of prepaid product (stored value, session packs), each with its own table and CSV, all on the
 * clinic and day chosen above them.
 */
export function LiabilitiesPage() {
  const { t } = useI18n();
  const { me } = useMe();
  const zone = me.tenant?.timeZone ?? 'Asia/Shanghai';
  const clinics = useAllClinics();
  const { query, today, show } = useLiabilityQuery(zone);
  return (
    <div data-testid="liabilities-page">
      <PageHeader title={t('liabilities.title')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <DatePicker
          allowClear={false}
          value={dayjs(query.day)}
          disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > today}
          onChange={(d) => d && show({ day: d.format('YYYY-MM-DD') })}
          aria-label={t('liabilities.asOf')}
          data-testid="liabilities-as-of"
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('liabilities.allClinics')}
          value={query.clinicId}
          onChange={(value) => show({ clinicId: value ?? undefined })}
          loading={clinics.isPending}
          style={{ width: 200 }}
          data-testid="liabilities-clinic"
          options={(clinics.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('liabilities.explain', { day: query.day })}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <StoredValueLiabilities query={query} />
        <PackLiabilities query={query} />
      </Flex>
    </div>
  );
}
