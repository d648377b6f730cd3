import { ApiError } from './respond.ts';

/**
 * The request target as a URL. `new URL` throws on targets such as `//` or `http://[`; that must
 * become this request's 400, never an exception outside its error handling (it ended the process).
 */
export function parseRequestTarget(target: string | undefined): URL {
  const raw = target ?? '/';
  try {
    if (!raw.startsWith('/') || raw.startsWith('//')) throw new Error('not an origin-form target');
    return new URL(raw, 'http://localhost');
  } catch {
    throw new ApiError(400, {
      code: 'bad_request_target',
      message: 'Malformed request target',
      details: 'Expected a path such as /rest/v1/rpc/<name>',
    });
  }
}
