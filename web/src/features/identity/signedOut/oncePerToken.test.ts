import { describe, expect, it, vi } from 'vitest';
import { oncePerToken } from './oncePerToken';

describe('oncePerToken', () => {
  it('runs once per token, however often it is asked', async () => {
    const once = oncePerToken<string>();
    const confirm = vi.fn((token: string) => Promise.resolve(`signed in with ${token}`));
    const [a, b] = await Promise.all([once('t1', () => confirm('t1')), once('t1', () => confirm('t1'))]);
    expect(await once('t1', () => confirm('t1'))).toBe('signed in with t1');
    expect(a).toBe(b);
    expect(confirm).toHaveBeenCalledTimes(1);
    await once('t2', () => confirm('t2'));
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('keeps an answer of the server (a used link stays used) but runs a failed call again', async () => {
    const once = oncePerToken<string[]>();
    const confirm = vi.fn<() => Promise<string[]>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(['LINK_USED']);
    await expect(once('t', confirm)).rejects.toThrow('offline');
    expect(await once('t', confirm)).toEqual(['LINK_USED']);
    expect(await once('t', confirm)).toEqual(['LINK_USED']);
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});
