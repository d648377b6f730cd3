import type { RejectedMutation } from '../../../sync/types.ts';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** What the refused change was, in words ("Adding status “Won”"). */
export function describeChange(r: RejectedMutation, nameOf: (id: string) => string | undefined) {
  const args = (r.args ?? {}) as { id?: unknown; name?: unknown; patch?: { name?: unknown } };
  const target = (text(args.id) && nameOf(args.id as string)) ?? text(args.patch?.name);
  const quoted = (name: string | undefined) => (name ? ` “${name}”` : '');
  switch (r.name) {
    case 'create_pipeline':
      return `Creating pipeline${quoted(text(args.name))}`;
    case 'update_pipeline':
      return `Changing pipeline${quoted(target)}`;
    case 'reorder_pipelines':
      return 'Reordering the pipelines';
    case 'set_default_pipeline':
      return `Making${quoted(target)} the default pipeline`;
    case 'delete_pipeline':
      return `Deleting pipeline${quoted(target)}`;
    case 'create_pipeline_status':
      return `Adding status${quoted(text(args.name))}`;
    case 'update_pipeline_status':
      return `Changing status${quoted(target)}`;
    case 'reorder_pipeline_statuses':
      return 'Reordering statuses';
    case 'delete_pipeline_status':
      return `Deleting status${quoted(target)}`;
    default:
      return r.name.replaceAll('_', ' ');
  }
}

/** Why, in words a manager can act on; the server's own message when it is specific enough. */
export function describeReason(r: RejectedMutation): string {
  if (r.code === '42501') return 'Only managers can change pipelines and statuses.';
  if (r.code === '23505' && /status/i.test(r.name))
    return 'This pipeline already has a status with that name (names are compared ignoring case). Choose another name.';
  return r.message;
}
