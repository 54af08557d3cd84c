import { describe, expect, it } from 'vitest';
import { isFinished, percentDone } from './imports';

describe('import progress', () => {
  it('reads progress as a whole percentage', () => {
    expect(percentDone(0, 0)).toBe(0);
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(8, 8)).toBe(100);
    expect(percentDone(0, 0, 'SUCCEEDED')).toBe(100);
  });

  it('stops polling once an import succeeded or failed', () => {
    expect(isFinished('QUEUED')).toBe(false);
    expect(isFinished('APPLYING')).toBe(false);
    expect(isFinished('SUCCEEDED')).toBe(true);
    expect(isFinished('FAILED')).toBe(true);
  });
});
