import { en } from 'zod/locales';
import * as z from 'zod/mini';

/**
 * zod/mini registers no locale, so every message a schema does not set itself would read
 * "Invalid input"; classic zod registered English on first use. Imported by each module that
 * builds schemas, so the default messages ("Unrecognized key: …", "Too small: …") stay English.
 */
z.config(en());
