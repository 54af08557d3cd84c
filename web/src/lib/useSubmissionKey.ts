import { useState } from 'react';
import { SubmissionKey } from './idempotency';

/**
 * The idempotency key of a form's current submission (see `SubmissionKey`): call `reset()`
 * from the form's `onValuesChange` and after a success.
 */
export function useSubmissionKey(): SubmissionKey {
  const [key] = useState(() => new SubmissionKey());
  return key;
}
