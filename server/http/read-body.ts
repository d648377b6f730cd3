import type { IncomingMessage } from 'node:http';
import { ApiError } from './respond.ts';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface JsonBody {
  /** Parsed, for routing only (which keys, is it an object): numbers in it may be rounded. */
  value: unknown;
  /** The body exactly as the client sent it: what Postgres parses (big ids, 1e400 intact). */
  text: string;
}

/**
 * Reads a JSON body of at most MAX_BODY_BYTES. Stops reading (and answers 400) as soon as the
 * limit is passed, so a huge upload cannot fill memory. An empty body is an empty object, as
 * PostgREST treats it for RPC. Anything but `application/json` is 415, as in PostgREST: a form
 * or text/plain POST is what a foreign page can send without a CORS preflight.
 */
export async function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  assertJsonContentType(req.headers['content-type']);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  const text = decodeUtf8(Buffer.concat(chunks));
  if (text.trim() === '') return { value: {}, text: '{}' };
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw invalid('Empty or invalid json');
  }
  if (jsonDepthExceeds(value, MAX_JSON_DEPTH)) {
    throw invalid(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return { value, text };
}

function assertJsonContentType(header: string | undefined): void {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return;
  throw new ApiError(415, {
    code: 'PGRST107',
    message: `The request's Content-Type '${type || '(none)'}' is not supported`,
    hint: 'Send the body as application/json.',
  });
}

// Invalid UTF-8 would otherwise turn silently into U+FFFD: refuse it instead of changing data.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalid('The body is not valid UTF-8');
  }
}

function invalid(message: string): ApiError {
  return new ApiError(400, { code: 'PGRST102', message });
}

function tooLarge(): ApiError {
  return new ApiError(400, {
    code: 'PGRST102',
    message: 'Request body too large',
    details: `The body must not exceed ${MAX_BODY_BYTES} bytes`,
  });
}
