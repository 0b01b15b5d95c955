import { useCallback, useRef } from 'react';
import { isApiProblem } from './problem';

/**
 * The `Idempotency-Key` of a money-moving submission: a fresh key per attempt, except that retrying the same
 * request after it may or may not have reached the server (a network error, a 5xx) reuses the key, so the
 * server answers the first result instead of paying or refunding twice.
 */
export function useIdempotencyKey() {
  const pending = useRef<{ body: string; key: string } | null>(null);
  const keyFor = useCallback((body: unknown): string => {
    const text = JSON.stringify(body);
    if (pending.current?.body === text) return pending.current.key;
    const key = crypto.randomUUID();
    pending.current = { body: text, key };
    return key;
  }, []);
  /** After the answer: keep the key only when the outcome is unknown. */
  const settle = useCallback((error?: unknown) => {
    const unknownOutcome = isApiProblem(error) && (error.isNetworkError || error.status >= 500);
    if (!unknownOutcome) pending.current = null;
  }, []);
  return { keyFor, settle };
}

/**
 * Sends a money- or session-moving write with the Idempotency-Key of its body (see {@link useIdempotencyKey}):
 * the same body retried after an unknown outcome goes with the same key.
 */
export function useKeyedWrite() {
  const idempotency = useIdempotencyKey();
  return async <T,>(body: unknown, send: (key: string) => Promise<T>): Promise<T> => {
    try {
      const result = await send(idempotency.keyFor(body));
      idempotency.settle();
      return result;
    } catch (e) {
      idempotency.settle(e);
      throw e;
    }
  };
}
