import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './app.tsx';

describe('App', () => {
  it('renders the product name as the main heading', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Leadlanes' })).toBeInTheDocument();
  });
});
