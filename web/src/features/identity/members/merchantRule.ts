import type { FormRule } from 'antd';

/**
 * "Choose a merchant" as a validator rather than `required`: antd would put aria-required on
 * the select's wrapper div, which axe rejects.
 */
export const merchantRequired = (message: string): FormRule => ({
  validator: (_, value?: string | null) => (value ? Promise.resolve() : Promise.reject(new Error(message))),
});
