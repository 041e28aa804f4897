import { ImprovementsResponse } from '../../contract/improvement.js';
import { parserFor } from '../../internal/parse.js';

/** The plan's parser: zod and the schemas, loaded when `<spp-improvements>` asks the API (`lazyParser`). */
export const parse = parserFor(ImprovementsResponse);
