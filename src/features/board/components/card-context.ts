import type { Lead } from '../../../sync/types.ts';
import type { LeadCardProps } from './lead-card.tsx';

/** What a column needs to draw any of its cards; built once per board render. */
export type CardContext = {
  cardProps: (lead: Lead) => Omit<LeadCardProps, 'provided' | 'isDragging' | 'style' | 'isClone'>;
};
