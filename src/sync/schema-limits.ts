import { z } from 'zod';

/**
 * The longest text a field schema accepts (z.string().max(n), looking through nullable,
 * optional, default and the blank → null transform), so an input's maxLength is the schema's.
 */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  if (schema instanceof z.ZodString) return schema.maxLength ?? undefined;
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault
  ) {
    return maxLengthOf(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodPipe) return maxLengthOf(schema.in as z.ZodType);
  return undefined;
}
