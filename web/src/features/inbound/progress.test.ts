import { describe, expect, it } from 'vitest';
import { DONE_STROKE, progressLook } from './progress';

describe('progressLook', () => {
  it('keeps a finished bar normal, in dark green', () => {
    expect(progressLook(100)).toEqual({ status: 'normal', strokeColor: DONE_STROKE });
    expect(progressLook(40)).toEqual({ status: 'normal' });
  });

  it('shows a discrepancy as an exception, finished or not', () => {
    expect(progressLook(100, true)).toEqual({ status: 'exception' });
    expect(progressLook(89, true)).toEqual({ status: 'exception' });
  });
});
