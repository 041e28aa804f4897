/**
 * The subset of JSON Schema that `npm run contract:json` writes into `generated/` and that the browser checker
 * (`src/internal/json-check.ts`) honours. Here, beside the schemas, so the contract imports nothing of ours.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}
