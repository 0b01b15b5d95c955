import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { applyProblemToForm, type FieldPath } from '../api/formErrors';
import { isApiProblem, type ApiProblem, type FieldError } from '../api/problem';

export interface FormMutationOptions<V, R> {
  form: FormInstance<V>;
  /** The form's fields, so the server's `errors[].field` can be shown under the right one. */
  fields: FieldPath[];
  mutationFn: (values: V) => Promise<R>;
  /** Lists (and other reads) the write changes. */
  invalidate: QueryKey[];
  /** Closes the dialog: after success (the form is reset first) and on cancel. */
  onClose: () => void;
  /** After success, once the dialog is closed (a toast, the one-time password). */
  onSuccess?: (result: R) => void;
  /**
   * Field errors for a problem the server reports without `errors[]` (say, a 409 whose only
   * possible cause is one field), or localized messages instead of the server's. Return undefined
   * to show the problem as it is.
   */
  fieldErrorsFor?: (problem: ApiProblem, values: V) => FieldError[] | undefined;
}

/**
 * A form's submit: the write, the lists it invalidates, and its server errors. `errors[]` go onto
 * the matching fields; anything the fields cannot show (409, 412, 5xx, unknown fields) stays in
 * `error`/`unmatched` for the form's alert.
 */
export function useFormMutation<V, R>({
  form,
  fields,
  mutationFn,
  invalidate,
  onClose,
  onSuccess,
  fieldErrorsFor,
}: FormMutationOptions<V, R>) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const clear = useCallback(() => {
    setError(null);
    setUnmatched([]);
  }, []);

  /** Forget the server's errors and the form's input (cancel, or done). */
  const reset = useCallback(() => {
    clear();
    form.resetFields();
  }, [clear, form]);

  const mutation = useMutation({
    mutationFn,
    onMutate: clear,
    onSuccess: (result) => {
      for (const queryKey of invalidate) void queryClient.invalidateQueries({ queryKey });
      reset();
      onClose();
      onSuccess?.(result);
    },
    onError: (e, values) => {
      const placed = isApiProblem(e) ? fieldErrorsFor?.(e, values) : undefined;
      const errors = placed ?? (isApiProblem(e) ? e.errors : []);
      if (errors.length === 0) {
        setError(e);
        return;
      }
      const rest = applyProblemToForm(form, errors, fields);
      setUnmatched(rest);
      // Errors shown on their fields need no alert, unless the problem says more than "invalid".
      setError(rest.length > 0 || (!placed && isApiProblem(e) && e.status !== 400) ? e : null);
    },
  });

  return {
    mutation,
    clear,
    reset,
    stale: isApiProblem(error) && error.status === 412,
    /** The submit's part of the {@link FormModal} props. */
    modal: {
      pending: mutation.isPending,
      error,
      unmatched,
      onSubmit: () => form.submit(),
      onCancel: () => {
        reset();
        onClose();
      },
    },
  };
}

/**
 * The server's field errors, with the UI's words for the fields in `words` (the server's own
 * messages are English); undefined when none of those fields is named, so the errors show as sent.
 */
export function inWords(errors: FieldError[], words: Record<string, string>): FieldError[] | undefined {
  if (!errors.some((e) => e.field in words)) return undefined;
  return errors.map((e) => (e.field in words ? { ...e, message: words[e.field] } : e));
}

/** A record read for editing, with the ETag of that read for `If-Match`. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

/**
 * Reads the record an edit dialog opened for (fresh each time the dialog opens) and fills the form
 * with it; reading again (after a 412) refills it.
 */
export function useEditedRecord<T, V>({
  queryKey,
  enabled,
  read,
  form,
  toValues,
}: {
  queryKey: QueryKey;
  enabled: boolean;
  read: () => Promise<Versioned<T>>;
  form: FormInstance<V>;
  toValues: (record: T) => V;
}) {
  const record = useQuery({ queryKey, enabled, queryFn: read, staleTime: Infinity, gcTime: 0 });
  useEffect(() => {
    if (record.data) form.setFieldsValue(toValues(record.data.data) as Parameters<typeof form.setFieldsValue>[0]);
    // toValues is a pure mapping; the record is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record.data, form]);
  return record;
}

/**
 * The {@link FormModal} props of an edit dialog: the record's loading and load error, and after a
 * 412 the alert's "reload" (read the record again, which refills the form, and clear the error).
 */
export function editModalProps(
  record: { isPending: boolean; error: unknown; refetch: () => unknown },
  save: { stale: boolean; clear: () => void },
) {
  return {
    loading: record.isPending,
    loadError: record.error,
    onRetryLoad: () => void record.refetch(),
    onReload: save.stale
      ? () => {
          save.clear();
          void record.refetch();
        }
      : undefined,
  };
}
