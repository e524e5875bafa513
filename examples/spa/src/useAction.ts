import { useCallback, useState } from 'react';
import { describeError, type ErrorMessages } from './errors';

/**
 * One pending request at a time per form, with its failure as a message for the user; `messages`
 * replaces the general message of an errorType where the form knows more.
 */
export function useAction(messages?: ErrorMessages) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(describeError(err, messages));
    } finally {
      setPending(false);
    }
  }, [messages]);

  return { pending, error, run };
}
