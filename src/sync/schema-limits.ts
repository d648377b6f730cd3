import * as z from 'zod/mini';

/** The tightest z.maxLength / z.length check on a string schema, if any. */
function stringMaxLength(schema: z.core.$ZodString): number | undefined {
  let max: number | undefined;
  for (const check of schema._zod.def.checks ?? []) {
    const limit =
      check instanceof z.core.$ZodCheckMaxLength
        ? check._zod.def.maximum
        : check instanceof z.core.$ZodCheckLengthEquals
          ? check._zod.def.length
          : undefined;
    if (limit !== undefined && (max === undefined || limit < max)) max = limit;
  }
  return max;
}

/**
 * The longest text a field schema accepts (z.string() with z.maxLength(n), looking through
 * nullable, optional, default and the blank → null pipe), so an input's maxLength is the schema's.
 */
export function maxLengthOf(schema: z.core.$ZodType): number | undefined {
  if (schema instanceof z.core.$ZodString) return stringMaxLength(schema);
  if (
    schema instanceof z.core.$ZodOptional ||
    schema instanceof z.core.$ZodNullable ||
    schema instanceof z.core.$ZodDefault
  ) {
    return maxLengthOf(schema._zod.def.innerType);
  }
  if (schema instanceof z.core.$ZodPipe) return maxLengthOf(schema._zod.def.in);
  return undefined;
}
