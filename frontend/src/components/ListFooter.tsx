import { Button, Flex, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  count: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  testId: string;
}

/** "Load more" for cursor pagination, with an honest count of what is loaded. */
export function ListFooter({ count, hasMore, loadingMore, onLoadMore, testId }: Props) {
  const { t } = useI18n();
  if (count === 0) return null;
  return (
    <Flex justify="center" align="center" gap={12} style={{ padding: '12px 0' }}>
      <Typography.Text type="secondary">
        {hasMore ? t('common.loadedSome', { count }) : t('common.allLoaded', { count })}
      </Typography.Text>
      {hasMore && (
        <Button onClick={onLoadMore} loading={loadingMore} data-testid={testId}>
          {loadingMore ? t('common.loadingMore') : t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
