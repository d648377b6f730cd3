import { describe, expect, it } from 'vitest';
import { readBackendConfig } from './backend-config.ts';

describe('readBackendConfig', () => {
  it('uses the local backend on the page origin when no project is configured', () => {
    expect(readBackendConfig({}, 'http://localhost:5173')).toEqual({
      mode: 'local',
      url: 'http://localhost:5173',
    });
  });

  it('uses Supabase when both URL and anon key are set', () => {
    expect(
      readBackendConfig(
        { VITE_SUPABASE_URL: 'https://abc.supabase.co/', VITE_SUPABASE_ANON_KEY: 'key' },
        'http://x',
      ),
    ).toEqual({ mode: 'supabase', url: 'https://abc.supabase.co', anonKey: 'key' });
  });

  it('refuses half a configuration instead of silently running locally', () => {
    expect(() =>
      readBackendConfig({ VITE_SUPABASE_URL: 'https://abc.supabase.co' }, 'http://x'),
    ).toThrow(/both VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY/);
  });
});
