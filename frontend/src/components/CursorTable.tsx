import { Empty, Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { CursorList } from '../api/queries';
import { ErrorAlert } from './ErrorAlert';
import { ListFooter } from './ListFooter';

interface Props<T> {
  /** Prefix of the test ids: `-table`, `-empty`, `-error`, `-load-more`. */
  testId: string;
  list: CursorList<T>;
  columns: ColumnsType<T>;
  /** What the empty list says (no data yet, or nothing matches the filters). */
  emptyText: ReactNode;
  /** Shown under the empty text, e.g. "add the first one". */
  emptyAction?: ReactNode;
  scrollX?: number;
  expandable?: TableProps<T>['expandable'];
}

/**
 * A cursor-paginated list as a table: loading, the error with retry (of the first page, or of the
 * next page above what is loaded), the empty state, and "load more" with an honest count.
 */
export function CursorTable<T extends { id: string }>({
  testId,
  list: { query, items },
  columns,
  emptyText,
  emptyAction,
  scrollX = 900,
  expandable,
}: Props<T>) {
  if (query.isError && items.length === 0) {
    return <ErrorAlert error={query.error} onRetry={() => query.refetch()} testId={`${testId}-error`} />;
  }
  return (
    <>
      {query.isError && (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={query.error} onRetry={() => query.fetchNextPage()} testId={`${testId}-error`} />
        </div>
      )}
      <div data-testid={`${testId}-table`}>
        <Table<T>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={query.isPending || query.isPlaceholderData}
          pagination={false}
          scroll={{ x: scrollX }}
          expandable={expandable}
          locale={{
            emptyText: query.isPending ? (
              <div style={{ height: 120 }} />
            ) : (
              <div data-testid={`${testId}-empty`}>
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText}>
                  {emptyAction}
                </Empty>
              </div>
            ),
          }}
        />
      </div>
      <ListFooter
        count={items.length}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => query.fetchNextPage()}
        testId={`${testId}-load-more`}
      />
    </>
  );
}
