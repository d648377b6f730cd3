// Rules for user-entered text that JavaScript's trim() and a length check miss. The SQL twins are
// private.is_blank_text, private.has_bidi_control and private.status_name_key (supabase/migrations/
// 20250701000000_harden_supabase_security.sql); keep the character classes identical.

/** Zero-width and other invisible format characters that make a name look blank or different. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
/** C0 and C1 control characters (NUL included). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** Control characters a multi-line field may not hold: all but tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidirectional embeddings, overrides and isolates: they make text display as something else. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** A UTF-16 surrogate with no partner: not a character, and Postgres cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Nothing visible is left once whitespace, invisible and control characters are removed. */
export function isBlankText(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
  return text.replace(INVISIBLE, '').replace(/[\s\u0000-\u001F\u007F-\u009F]/g, '') === '';
}

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** Text Postgres can store and every screen shows as typed (multi-line fields). */
export function isStorableText(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !CONTROL_EXCEPT_LINES.test(text);
}

/** A one-line name: storable, no line breaks or tabs either. */
export function isStorableName(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !CONTROL.test(text);
}

/** Two status names are the same for a person when these keys are equal ("Won" = "won\u200b"). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').trim().toLowerCase();
}
