import { initials } from '../lib/format.ts';

/** Initials in a circle beside the agent's name; decorative, the name is read out. */
export function AgentAvatar({ name }: { name: string | null }) {
  return (
    <span className={['agent-avatar', !name && 'is-unassigned'].filter(Boolean).join(' ')}>
      <span className="agent-avatar-initials" aria-hidden="true">
        {name ? initials(name) : '–'}
      </span>
      <span className="agent-avatar-name">{name ?? 'Unassigned'}</span>
    </span>
  );
}
