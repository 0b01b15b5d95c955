import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../api/ApiContext';
import { keys } from '../../api/queries';
import type { paths } from '../../api/schema';
import { attachmentName, saveBlob } from '../../components/download';
import { errorText } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

type ExportQuery = NonNullable<paths['/api/v1/customer-export']['get']['parameters']['query']>;
type Format = ExportQuery['format'];
/** The list's search and filters, which the export takes as they are. */
export type CustomerListQuery = Omit<ExportQuery, 'format'>;

const MEDIA_TYPES: Record<Format, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Exports every customer matching the list's search and filters (not only the loaded pages) as CSV
 * or XLSX. The file is fetched with the user's token and saved from memory: a plain link could not
 * carry the token. The server records each export in the audit log, which the menu and toast say.
 */
export function CustomerExport({ query, phonesMasked }: { query: CustomerListQuery; phonesMasked: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const download = useMutation({
    mutationFn: async (format: Format) => {
      const { data, response } = await api.GET('/api/v1/customer-export', {
        params: { query: { format, ...query } },
        headers: { Accept: `${MEDIA_TYPES[format]}, application/problem+json` },
        parseAs: 'blob',
      });
      const fileName = attachmentName(response.headers.get('Content-Disposition')) ?? `customers-${dayjs().format('YYYY-MM-DD')}.${format}`;
      return { file: data as Blob, fileName, count: response.headers.get('X-Total-Count') };
    },
    onSuccess: ({ file, fileName, count }) => {
      saveBlob(file, fileName);
      message.success(count === null ? t('customers.export.doneNoCount') : t('customers.export.done', { count }));
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
    onError: (e) => message.error(errorText(e, t)),
  });

  return (
    <Dropdown
      trigger={['click']}
      disabled={download.isPending}
      menu={{
        onClick: ({ key }) => download.mutate(key as Format),
        items: [
          {
            type: 'group',
            label: (
              <span data-testid="customers-export-hint" style={{ display: 'block', maxWidth: 280, whiteSpace: 'normal' }}>
                {t('customers.export.hint')}
                {phonesMasked && ` ${t('customers.export.masked')}`}
              </span>
            ),
            children: [
              { key: 'csv', label: <span data-testid="customers-export-csv">{t('customers.export.csv')}</span> },
              { key: 'xlsx', label: <span data-testid="customers-export-xlsx">{t('customers.export.xlsx')}</span> },
            ],
          },
        ],
      }}
    >
      <Button icon={<ExportOutlined />} loading={download.isPending} data-testid="customers-export-button">
        {download.isPending ? t('customers.export.running') : t('customers.export.button')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
