import type { IncomingMessage } from 'node:http';
import { ApiError } from './respond.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON body of at most MAX_BODY_BYTES. Stops reading (and answers 400) as soon as the
 * limit is passed, so a huge upload cannot fill memory. An empty body is an empty object, as
 * PostgREST treats it for RPC.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, {
      code: 'PGRST102',
      message: 'Empty or invalid json',
    });
  }
}

function tooLarge(): ApiError {
  return new ApiError(400, {
    code: 'PGRST102',
    message: 'Request body too large',
    details: `The body must not exceed ${MAX_BODY_BYTES} bytes`,
  });
}
