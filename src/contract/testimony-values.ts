/**
 * The allowed values and limits of a testimony, without schemas: code that must not load zod (the first
 * download of the form) imports these; `testimony.ts` builds the schemas from them and re-exports them.
 */

/** Positif / Neutre / Négatif */
export const FEELINGS = ['positive', 'neutral', 'negative'] as const;

/** accueil physique, téléphone, en ligne, courrier, e-mail, chat ou visio */
export const CHANNELS = ['counter', 'phone', 'online', 'mail', 'email', 'chat'] as const;

/** Written by the user, or by someone helping a user. */
export const POSTED_AS = ['user', 'helper'] as const;

export const LIMITS = {
  titleMax: 120,
  bodyMin: 50,
  bodyMax: 5000,
  structuresMax: 3,
  emailMax: 254,
  /** A person needs longer than this to choose a feeling and write 50 characters; a script does not. */
  minFillMs: 3000,
} as const;
