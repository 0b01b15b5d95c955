import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { applyProblemToForm } from '../api/formErrors';
import { isApiProblem, type FieldError } from '../api/problem';

/**
 * Server errors of a form: `errors[]` go onto the matching fields; anything else (409, 412,
 * 5xx, unmatched fields) is kept for the form's alert.
 */
export function useServerErrors(form: FormInstance, fields: (string | (string | number)[])[]) {
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldError[]>([]);

  const handle = useCallback(
    (e: unknown) => {
      if (isApiProblem(e) && e.errors.length > 0) {
        const rest = applyProblemToForm(form, e, fields);
        setUnmatched(rest);
        // Validation problems fully shown on fields need no extra alert.
        setError(rest.length > 0 || e.status !== 400 ? e : null);
        return;
      }
      setUnmatched([]);
      setError(e);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form],
  );

  const clear = useCallback(() => {
    setError(null);
    setUnmatched([]);
  }, []);

  return { error, unmatched, handle, clear };
}
