import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ANA,
  lead,
  pipeline,
  renderAt,
  resetBoardStores,
  seedDb,
  staticEngine,
  status,
  testId,
} from '../testing/board-fixtures.tsx';
import { BoardPage } from './board-page.tsx';

const big = pipeline({ name: 'Big', is_default: true });
const open = status({ name: 'Open', pipeline_id: big.id });
const other = pipeline({ name: 'Other' });
const elsewhere = status({ name: 'Elsewhere', pipeline_id: other.id });

describe('a pipeline with 10,000 leads', () => {
  beforeEach(resetBoardStores);

  it('counts and sums every lead while rendering only a window of cards', async () => {
    const leads = Array.from({ length: 10_000 }, (_, i) =>
      lead({
        id: testId(100_000 + i),
        full_name: `Lead ${i}`,
        pipeline_id: big.id,
        status_id: open.id,
        estimated_premium: 10,
        product: i % 2 === 0 ? 'auto' : 'home',
        position: `a${String(i).padStart(5, '0')}`,
      }),
    );
    leads.push(lead({ full_name: 'Not here', pipeline_id: other.id, status_id: elsewhere.id }));
    const db = await seedDb({ pipelines: [big, other], statuses: [open, elsewhere], leads });
    renderAt('/dashboard/leads', <BoardPage db={db} user={ANA} engine={staticEngine()} />);

    const list = await screen.findByRole('list', { name: 'Open' }, { timeout: 10_000 });
    const column = screen.getByRole('region', { name: 'Open' });
    expect(column).toHaveTextContent('10,000 leads');
    expect(column).toHaveTextContent('$100,000');
    const rendered = within(list).getAllByRole('listitem');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0]).toHaveAccessibleName('Lead 0');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Product' }), 'home');
    expect(column).toHaveTextContent('5,000 leads');
    expect(column).toHaveTextContent('$50,000');
    expect(within(list).getAllByRole('listitem')[0]).toHaveAccessibleName('Lead 1');
  }, 60_000);
});
