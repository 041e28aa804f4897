import { TestimoniesPage } from '../../contract/testimony.js';
import { parserFor } from '../../internal/parse.js';

/** A page of testimonies' parser: zod and the schemas, loaded when `<spp-testimonies>` asks the API (`lazyParser`). */
export const parse = parserFor(TestimoniesPage);
