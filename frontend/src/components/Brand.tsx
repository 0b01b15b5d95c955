import { Flex, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#c2416b" />
      <path d="M16 46V18h6l10 14 10-14h6v28h-7V30l-9 12-9-12v16z" fill="#fff" />
    </svg>
  );
}

export function Brand({ dark = false }: { dark?: boolean }) {
  const { t } = useI18n();
  return (
    <Flex align="center" gap={10}>
      <BrandMark />
      <Typography.Text strong style={{ fontSize: 18, color: dark ? '#fff' : undefined, whiteSpace: 'nowrap' }}>
        {t('app.fullName')}
      </Typography.Text>
    </Flex>
  );
}
