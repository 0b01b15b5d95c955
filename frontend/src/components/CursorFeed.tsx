import { Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import type { CursorList } from '../api/queries';
import { ErrorAlert } from './ErrorAlert';
import { ListFooter } from './ListFooter';

/**
 * A cursor-paginated list that is not a table (a timeline, cards): loading, the error with retry (of the first
 * page, or of the next one under what is loaded), the empty state, and "load more" with an honest count. Test
 * ids: `testId`, `-error`, `-empty`, `-load-more`.
 */
export function CursorFeed<T>({
  testId,
  list: { query, items },
  emptyText,
  children,
}: {
  testId: string;
  list: CursorList<T>;
  emptyText: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <Spin>
        <div style={{ height: 160 }} />
      </Spin>
    );
  }
  if (query.isError && items.length === 0) {
    return <ErrorAlert error={query.error} onRetry={() => query.refetch()} testId={`${testId}-error`} />;
  }
  if (items.length === 0) {
    return <Empty description={emptyText} data-testid={`${testId}-empty`} />;
  }
  return (
    <div data-testid={testId}>
      {children(items)}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => query.fetchNextPage()} testId={`${testId}-error`} />}
      <ListFooter
        count={items.length}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => query.fetchNextPage()}
        testId={`${testId}-load-more`}
      />
    </div>
  );
}
