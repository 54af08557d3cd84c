export interface UserErrorLike {
  field?: ReadonlyArray<string> | null;
  code: string;
  message: string;
}

export interface SplitUserErrors<F extends string> {
  /** For antd `form.setFields`: errors shown beside their fields. */
  fieldErrors: { name: F; errors: string[] }[];
  /** Errors not tied to a field of this form: shown above it. */
  formErrors: string[];
}

/**
 * Sorts a payload's userErrors into per-field and form-level messages. `field` is a path such
 * as ["input", "email"] or ["email"]; its last segment names the form field.
 */
export function splitUserErrors<F extends string>(
  userErrors: ReadonlyArray<UserErrorLike>,
  fields: ReadonlyArray<F>,
): SplitUserErrors<F> {
  const byField = new Map<F, string[]>();
  const formErrors: string[] = [];
  for (const error of userErrors) {
    const last = error.field?.[error.field.length - 1];
    const name = fields.find((f) => f === last);
    if (name === undefined) {
      formErrors.push(error.message);
    } else {
      byField.set(name, [...(byField.get(name) ?? []), error.message]);
    }
  }
  return {
    fieldErrors: [...byField].map(([name, errors]) => ({ name, errors })),
    formErrors,
  };
}
