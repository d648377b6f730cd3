import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../sync/types.ts';
import { lazyLeadLookup } from './lead-lookup.ts';

const lead = (id: string) => ({ id, full_name: `Lead ${id}` }) as Lead;

describe('lazyLeadLookup', () => {
  it('reads the columns only when first asked, then answers from its index', () => {
    let reads = 0;
    const column = (leads: Lead[]) => ({
      get leads() {
        reads++;
        return leads;
      },
    });
    const lookup = lazyLeadLookup([column([lead('a'), lead('b')]), column([lead('c')])]);
    expect(reads).toBe(0);

    expect(lookup.get('c')?.full_name).toBe('Lead c');
    expect(lookup.has('a')).toBe(true);
    expect(lookup.has('zz')).toBe(false);
    expect(lookup.get('zz')).toBeUndefined();
    expect(reads).toBe(2);
  });
});
