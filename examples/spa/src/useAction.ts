import { useCallback, useState } from 'react';
import { describeError } from './errors';

/** One pending request at a time per form, with its failure as a message for the user. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setPending(false);
    }
  }, []);

  return { pending, error, run };
}
