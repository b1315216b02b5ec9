import { z } from 'zod';

/** Shapes shared by many routes. */
export const idParam = z.object({ id: z.uuid() });
export const errorBody = z.object({
  code: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
  detail: z.string().optional(),
  hint: z.string().optional(),
  /** Structured data about the fault, e.g. a statement layout's best guess (FG_ERR_UNSURE_LAYOUT). */
  details: z.record(z.string(), z.unknown()).optional(),
});
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date YYYY-MM-DD');
/** An amount in yuan as people write it: 99, "99.00". */
export const yuanInput = z.union([
  z.number().nonnegative(),
  z.string().regex(/^\d+(?:\.\d{1,2})?$/u),
]);
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;
