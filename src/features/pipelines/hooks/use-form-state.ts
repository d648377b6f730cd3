import { useState, type FormEvent } from 'react';
import { hasErrors, refusalErrors, type FormErrors } from '../../../sync/form-errors.ts';

/**
 * Values, field errors and the submit cycle shared by the pipeline and status forms: editing a
 * field clears its error; submitting validates first, then saves, and shows a refusal (e.g. a
 * MutationValidationError) next to the fields it concerns.
 */
export function useFormState<Values extends object>(
  initial: Values | (() => Values),
  validate: (values: Values) => FormErrors,
  save: (values: Values) => Promise<void>,
) {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitting, setSubmitting] = useState(false);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined, form: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (hasErrors(found)) return;
    setSubmitting(true);
    try {
      await save(values);
    } catch (error) {
      setErrors(refusalErrors(error));
    } finally {
      setSubmitting(false);
    }
  };

  return { values, errors, submitting, set, submit };
}
