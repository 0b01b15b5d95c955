import { Tag, Typography } from 'antd';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLotNames, type StoredValueLot } from './walletQueries';

/** A lot as staff recognise it: its plan (or how it came in), when it was topped up, and its debit order. */
export function LotLabel({ lot }: { lot: StoredValueLot }) {
  const { t } = useI18n();
  const lotName = useLotNames();
  return (
    <>
      <div>{lotName(lot)}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(lot.toppedUpAt)} <Tag style={{ marginInlineStart: 4 }}>{t(`debitOrder.${lot.debitOrder}`)}</Tag>
      </Typography.Text>
    </>
  );
}
