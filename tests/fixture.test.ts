import { describe, expect, it } from 'vitest';
import { validateFixture } from './helpers.ts';

describe('the valid fixture', () => {
  it('has no problems at all', () => {
    const result = validateFixture();
    expect(result.problems).toEqual([]);
    expect(result.records).toHaveLength(13);
  });
});
