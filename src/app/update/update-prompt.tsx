import { useUpdateState } from './update-store.ts';

/** "A new version is ready — Reload": shown until the user takes the new version. */
export function UpdatePrompt() {
  const ready = useUpdateState((s) => s.ready);
  const apply = useUpdateState((s) => s.apply);
  return (
    // Always in the DOM so screen readers announce the message when it appears.
    <div className="update-prompt" role="status">
      {ready && (
        <>
          <span>A new version is ready</span>
          <span aria-hidden="true"> — </span>
          <button type="button" onClick={apply}>
            Reload
          </button>
        </>
      )}
    </div>
  );
}
