import { describe, expect, it } from 'vitest';
import { splitUserErrors } from './userErrors';

describe('splitUserErrors', () => {
  const fields = ['email', 'role'] as const;

  it('puts errors beside the field named by the last path segment', () => {
    const result = splitUserErrors(
      [
        { field: ['input', 'email'], code: 'INVALID_EMAIL', message: 'Bad email' },
        { field: ['email'], code: 'ALREADY_MEMBER', message: 'Already a member' },
        { field: ['input', 'role'], code: 'FORBIDDEN', message: 'Not allowed' },
      ],
      fields,
    );
    expect(result.fieldErrors).toEqual([
      { name: 'email', errors: ['Bad email', 'Already a member'] },
      { name: 'role', errors: ['Not allowed'] },
    ]);
    expect(result.formErrors).toEqual([]);
  });

  it('keeps errors without a known field for the form', () => {
    const result = splitUserErrors(
      [
        { field: null, code: 'FORBIDDEN', message: 'No' },
        { field: ['input', 'other'], code: 'INVALID', message: 'Odd' },
      ],
      fields,
    );
    expect(result.fieldErrors).toEqual([]);
    expect(result.formErrors).toEqual(['No', 'Odd']);
  });
});
