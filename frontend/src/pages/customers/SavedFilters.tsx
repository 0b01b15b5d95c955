import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../components/FormModal';
import { useI18n } from '../../i18n/I18nProvider';
import type { Me } from '../../me/MeContext';
import { useMe } from '../../me/MeContext';
import {
  hasFilters,
  readSavedFilters,
  sameFilters,
  savedFiltersKey,
  writeSavedFilters,
  type CustomerFilters,
  type SavedFilter,
} from './customerFilters';

function storageKey(me: Me): string {
  return savedFiltersKey(me.tenant?.id ?? 'none', me.userId);
}

/** The signed-in user's named filter sets: apply one, save the current filters under a name, delete one. */
export function SavedFilters({ current, onApply }: { current: CustomerFilters; onApply: (filters: CustomerFilters) => void }) {
  const { t } = useI18n();
  const { me } = useMe();
  const { message } = App.useApp();
  const key = storageKey(me);
  const [saved, setSaved] = useState<SavedFilter[]>(() => readSavedFilters(key));
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const typedName = Form.useWatch('name', form)?.trim();

  const store = (next: SavedFilter[], done: string) => {
    if (!writeSavedFilters(key, next)) {
      message.error(t('customers.saved.storageFailed'));
      return false;
    }
    setSaved(next);
    message.success(done);
    return true;
  };

  const close = () => {
    form.resetFields();
    setNaming(false);
  };

  return (
    <>
      <Select<string>
        value={saved.find((s) => sameFilters(s.filters, current))?.name}
        placeholder={t('customers.saved.placeholder')}
        style={{ width: 180 }}
        data-testid="saved-filters"
        notFoundContent={t('customers.saved.none')}
        options={saved.map((s) => ({ value: s.name, label: s.name }))}
        onChange={(name) => {
          const chosen = saved.find((s) => s.name === name);
          if (chosen) onApply(chosen.filters);
        }}
        optionRender={(option) => (
          <Flex justify="space-between" align="center" gap={8}>
            <span>{option.label}</span>
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('customers.saved.delete', { name: String(option.value) })}
              data-testid={`saved-filter-delete-${option.value}`}
              // The row itself applies the set: deleting must not also apply it.
              onClick={(e) => {
                e.stopPropagation();
                store(
                  saved.filter((s) => s.name !== option.value),
                  t('customers.saved.deleted', { name: String(option.value) }),
                );
              }}
            />
          </Flex>
        )}
      />
      <Button icon={<SaveOutlined />} disabled={!hasFilters(current)} onClick={() => setNaming(true)} data-testid="save-filters">
        {t('customers.saved.save')}
      </Button>
      <FormModal
        open={naming}
        title={t('customers.saved.save')}
        pending={false}
        submitTestId="save-filters-submit"
        testId="save-filters-form"
        onSubmit={() => form.submit()}
        onCancel={close}
        width={420}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ name }) => {
            const trimmed = name.trim();
            const next = [...saved.filter((s) => s.name !== trimmed), { name: trimmed, filters: current }];
            if (store(next, t('customers.saved.saved', { name: trimmed }))) close();
          }}
        >
          <Form.Item
            name="name"
            label={t('customers.saved.name')}
            extra={
              typedName && saved.some((s) => s.name === typedName) ? t('customers.saved.replaces', { name: typedName }) : undefined
            }
            rules={[
              { required: true, whitespace: true, message: t('validation.required', { field: t('customers.saved.name') }) },
              { max: 30 },
            ]}
          >
            <Input data-testid="save-filters-name" maxLength={30} autoComplete="off" />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
