import { CloudUploadOutlined, DownloadOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/ApiContext';
import { dataOf } from '../../api/client';
import { keys } from '../../api/queries';
import { saveBlob } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { fileProblem, IMPORT_COLUMNS, MAX_FILE_BYTES, templateFile, type CustomerImport } from './importFormat';
import { ImportReport, useCustomerImport } from './ImportReport';

/**
 * Customer import, in three steps: choose a CSV file and upload it; read the server's row report;
 * commit it. The report lives at its own URL (/customer-imports/:id), so an import can be reopened
 * later, and a reload does not lose it.
 */
export function CustomerImportPage() {
  const { t, locale } = useI18n();
  const { importId } = useParams();
  const job = useCustomerImport(importId);
  const committed = job.data?.status === 'COMMITTED';

  return (
    <div data-testid="customer-import-page">
      <PageHeader
        title={t('import.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => saveBlob(templateFile(locale), t('import.template.fileName'))}
            data-testid="import-template-button"
          >
            {t('import.template.download')}
          </Button>
        }
      />
      <Steps
        current={!importId ? 0 : committed ? 2 : 1}
        status={committed ? 'finish' : 'process'}
        style={{ marginBottom: 24, maxWidth: 720 }}
        items={[{ title: t('import.step.choose') }, { title: t('import.step.review') }, { title: t('import.step.done') }]}
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
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<MessageKey | null>(null);

  const upload = useMutation({
    mutationFn: async (chosen: File): Promise<CustomerImport> =>
      dataOf(
        api.POST('/api/v1/customer-imports', {
          params: { query: { fileName: chosen.name.slice(0, 200) } },
          headers: { 'Content-Type': 'text/csv' },
          // The file's bytes as they are: the server decodes them (UTF-8, or GB18030 as Chinese
          // Excel saves), which reading them as text here would spoil. The schema types the body
          // as a string, hence the cast.
          body: (await chosen.arrayBuffer()) as unknown as string,
          bodySerializer: (body) => body,
        }),
      ),
    onSuccess: (created) => {
      queryClient.setQueryData(keys.customerImport(created.id), created);
      navigate(`/customer-imports/${created.id}`);
    },
  });

  const choose = (chosen: File) => {
    upload.reset();
    if (!/\.csv$/i.test(chosen.name)) {
      setRefused('import.file.notCsvName');
      setFile(null);
    } else if (chosen.size > MAX_FILE_BYTES) {
      setRefused('import.file.tooLarge');
      setFile(null);
    } else {
      setRefused(null);
      setFile(chosen);
    }
  };

  const unreadable = upload.isError ? fileProblem(upload.error, t) : null;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={16}>
          {/* No `accept` filter: a dropped workbook would be dropped silently; choose() says why instead. */}
          <Upload.Dragger
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(chosen) => {
              choose(chosen);
              // Nothing is sent until the user asks: the file is only kept here.
              return false;
            }}
            data-testid="import-file-drop"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop.title')}</p>
            <p className="ant-upload-hint">{t('import.drop.hint')}</p>
          </Upload.Dragger>
          {refused && <Alert type="error" showIcon title={t(refused)} data-testid="import-file-refused" />}
          {file && (
            <Flex align="center" gap={12} wrap data-testid="import-file-chosen">
              <FileTextOutlined />
              <Typography.Text strong>{file.name}</Typography.Text>
              <Typography.Text type="secondary">{t('import.fileSize', { size: kilobytes(file.size) })}</Typography.Text>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                loading={upload.isPending}
                onClick={() => upload.mutate(file)}
                data-testid="import-upload-button"
              >
                {t('import.upload')}
              </Button>
            </Flex>
          )}
          {upload.isPending && <Typography.Text type="secondary">{t('import.uploading')}</Typography.Text>}
          {unreadable ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('import.file.unreadable')}
              description={
                <>
                  <div data-testid="import-file-error-detail">{unreadable}</div>
                  <div>{t('import.file.unreadableHint')}</div>
                </>
              }
              data-testid="import-file-error"
            />
          ) : (
            upload.isError && <ErrorAlert error={upload.error} testId="import-upload-error" />
          )}
        </Flex>
      </Card>
      <ColumnGuide />
    </Flex>
  );
}

function kilobytes(bytes: number): string {
  return (Math.max(bytes, 1) / 1024).toFixed(1);
}

/** What the file may hold, column by column, with the names the server accepts. */
function ColumnGuide() {
  const { t } = useI18n();
  return (
    <Card title={t('import.guide.title')} data-testid="import-guide">
      <Typography.Paragraph type="secondary">{t('import.guide.intro')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={[...IMPORT_COLUMNS]}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('import.guide.column'),
            key: 'column',
            width: 240,
            render: (_, c) => (
              <Flex gap={4} wrap align="center">
                <Typography.Text code>{c.header}</Typography.Text>
                <Typography.Text code>{c.name}</Typography.Text>
                {c.required && <Tag color="red">{t('import.guide.required')}</Tag>}
              </Flex>
            ),
          },
          {
            title: t('import.guide.content'),
            key: 'content',
            render: (_, c) => t(`import.column.${c.name}.hint`),
          },
        ]}
      />
    </Card>
  );
}
