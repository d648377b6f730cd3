import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { LocalUserChooser } from './local-user-chooser.tsx';

/**
 * The demo-user list with its own react-query client: server-only data that only the sign-in
 * page fetches (replicated data never goes through react-query). Loaded on demand with the
 * sign-in page's chooser, so react-query is not part of the board's first paint.
 */
export default function LocalUserChooserScreen({ baseUrl }: { baseUrl: string }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 30_000 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <LocalUserChooser baseUrl={baseUrl} />
    </QueryClientProvider>
  );
}
