import * as z from 'zod/mini';
import '../../lib/zod-messages.ts';
import { PRODUCTS, STAGE_OUTCOMES } from '../types.ts';
import { hasBidiControl, isBlankText, isStorableName, isStorableText } from './text-rules.ts';

// Field rules mirroring the SQL constraints (supabase/migrations/*), so most bad input is refused
// on the device with a readable message. The server checks everything again.

// z.guid(): any 8-4-4-4-12 hex id (seeded fixtures need not be RFC-variant uuids).
export const id = z.guid({ message: 'Must be an id' });

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9 ().-]{5,32}$/;
export const COLOR_HEX = /^#[0-9A-Fa-f]{6}$/;
// Fractional-index keys are base-62 (see ordering.ts).
const POSITION = /^[0-9A-Za-z]{1,255}$/;

/** A one-line name stored trimmed, with a length range; blank-looking or disguised text is refused. */
export function requiredText(label: string, max: number) {
  return z.string().check(
    z.trim(),
    z.minLength(1, `${label} is required`),
    z.maxLength(max, `${label} must be at most ${max} characters`),
    // "" is already refused by minLength(1); this catches text made only of invisible characters.
    z.refine((v) => v === '' || !isBlankText(v), `${label} is required`),
    z.refine(isStorableName, `${label} contains a character that cannot be saved`),
    z.refine((v) => !hasBidiControl(v), `${label} contains text-direction control characters`),
  );
}

/** An optional one-line name: blank becomes null; the same rules as a required name otherwise. */
export function optionalName(label: string, max: number) {
  return nullWhenBlank(
    z.string().check(
      z.trim(),
      z.maxLength(max, `${label} must be at most ${max} characters`),
      z.refine(isStorableName, `${label} contains a character that cannot be saved`),
      z.refine((v) => !hasBidiControl(v), `${label} contains text-direction control characters`),
    ),
  );
}

/** Optional (possibly multi-line) text: blank becomes null; NUL and broken characters are refused. */
export function optionalText(label: string, max: number) {
  return nullWhenBlank(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(max, `${label} must be at most ${max} characters`),
        z.refine(isStorableText, `${label} contains a character that cannot be saved`),
      ),
  );
}

/** `text` or null; an empty or blank-looking answer is stored as null. */
function nullWhenBlank(text: z.ZodMiniString) {
  return z.pipe(
    z.nullable(text),
    z.transform((v: string | null) => (v === '' || (v !== null && isBlankText(v)) ? null : v)),
  );
}

export const email = optionalText('Email', 320).check(
  z.refine((v) => v === null || EMAIL.test(v), 'Enter a valid email address'),
);
export const phone = optionalText('Phone', 32).check(
  z.refine(
    (v) => v === null || PHONE.test(v),
    'Enter a valid phone number (digits, spaces, + ( ) . -)',
  ),
);
export const product = z.enum(PRODUCTS, {
  message: `Product must be one of ${PRODUCTS.join(', ')}`,
});
// Numbers are finite in zod 4 (Infinity and NaN are refused as not a number).
export const estimatedPremium = z.nullable(
  z.pipe(
    z
      .number()
      .check(
        z.gte(0, 'Premium cannot be negative'),
        z.lte(10_000_000, 'Premium must be at most 10,000,000'),
      ),
    // numeric(12, 2) on the server: round the same way here so both sides hold the same value.
    z.transform((n: number) => Math.round(n * 100) / 100),
  ),
);
export const position = z.string().check(z.regex(POSITION, 'Position must be an order key'));
export const colorHex = z.nullable(
  z.string().check(z.regex(COLOR_HEX, 'Color must look like #RRGGBB, e.g. #1E40AF')),
);
export const iconName = optionalText('Icon name', 64);
export const aiActionTemplate = optionalText('AI action template', 1000);

export const pipelineName = requiredText('Pipeline name', 120);
export const statusName = requiredText('Status name', 80);
export const description = optionalText('Description', 2000);

export const leadFields = {
  full_name: requiredText('Full name', 200),
  email,
  phone,
  product,
  estimated_premium: estimatedPremium,
  source: optionalText('Source', 100),
  assigned_to: z.nullable(id),
  notes: optionalText('Notes', 10_000),
};

export const statusFields = {
  name: statusName,
  description,
  is_final: z.boolean(),
  color_hex: colorHex,
  icon_name: iconName,
  ai_action_template: aiActionTemplate,
};

/** Why a lead was lost (leads.lost_reason: one line, at most 500 characters). */
export const lostReason = optionalName('Lost reason', 500);

/** A stage's forecast settings, as the table's checks allow them (pipeline_statuses). */
export const stageForecastFields = {
  outcome: z.enum(STAGE_OUTCOMES, { message: 'Outcome must be open, won or lost' }),
  win_probability: z
    .number({ message: 'Win probability must be a number' })
    .check(
      z.int('Win probability must be a whole number'),
      z.gte(0, 'Win probability must be between 0 and 100'),
      z.lte(100, 'Win probability must be between 0 and 100'),
    ),
  wip_limit: z.nullable(
    z
      .number({ message: 'WIP limit must be a number' })
      .check(
        z.int('WIP limit must be a whole number'),
        z.gte(1, 'WIP limit must be at least 1 (or none)'),
        z.lte(100_000, 'WIP limit must be at most 100,000'),
      ),
  ),
};

/** What a stage created on the device holds until the server's row arrives (the columns' defaults). */
export const NEW_STATUS_FORECAST = {
  outcome: 'open',
  win_probability: 0,
  wip_limit: null,
} as const;

/** A new status (create_pipeline's statuses, create_pipeline_status): defaults as the server's. */
export const newStatusFields = {
  name: statusFields.name,
  description: z._default(statusFields.description, null),
  is_final: z._default(statusFields.is_final, false),
  color_hex: z._default(statusFields.color_hex, null),
  icon_name: z._default(statusFields.icon_name, null),
  ai_action_template: z._default(statusFields.ai_action_template, null),
};

/** A patch must change something. */
export function nonEmptyPatch<T extends z.core.$ZodShape>(shape: T) {
  return z
    .partial(z.strictObject(shape))
    .check(z.refine((p) => Object.values(p).some((v) => v !== undefined), 'Nothing to change'));
}
