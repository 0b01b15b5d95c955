import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Flex } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import { columnLabel, csvBody, IMPORT_COLUMNS, type CustomerImport } from './importFormat';
import { ImportColumnGuide, ImportFileChooser, ImportHeader } from './ImportParts';
import { ImportReport, useCustomerImport } from './ImportReport';

/**
 * Customer import, in three steps: choose a CSV file and upload it; read the server's row report;
 * commit it. The report lives at its own URL (/customer-imports/:id), so an import can be reopened
 * later, and a reload does not lose it.
 */
export function CustomerImportPage() {
  const { t } = useI18n();
  const { importId } = useParams();
  const job = useCustomerImport(importId);
  const committed = job.data?.status === 'COMMITTED';

  return (
    <div data-testid="customer-import-page">
      <ImportHeader
        title={t('import.title')}
        columns={IMPORT_COLUMNS}
        templateFileName={t('import.template.fileName')}
        importId={importId}
        committed={committed}
      />
      {importId ? (
        <ImportReport key={importId} importId={importId} job={job} />
      ) : (
        <ChooseFile />
      )}
    </div>
  );
}

function ChooseFile() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const upload = useMutation({
    mutationFn: async (chosen: File): Promise<CustomerImport> =>
      dataOf(
        api.POST('/api/v1/customer-imports', {
          params: { query: { fileName: chosen.name.slice(0, 200) } },
          ...csvBody(await chosen.arrayBuffer()),
        }),
      ),
    onSuccess: (created) => {
      queryClient.setQueryData(keys.customerImport(created.id), created);
      navigate(`/customer-imports/${created.id}`);
    },
  });

  return (
    <Flex vertical gap={16}>
      <ImportFileChooser hint={t('import.drop.hint')} upload={upload} labelColumn={(c) => columnLabel(c, t)} />
      <ImportColumnGuide intro={t('import.guide.intro')} columns={IMPORT_COLUMNS} hintOf={(c) => t(`import.column.${c}.hint`)} />
    </Flex>
  );
}
