import type * as z from 'zod/mini';
import type { Lang } from './common.js';
import type { FieldError } from './problem.js';

/**
 * Turns zod issues into field errors that name the field and say how to fix it, in French or English.
 * Shared by the server (problem+json) and the form (inline errors), so both say the same thing.
 */

type Labels = Record<string, string>;

const FIELD_LABELS: Record<Lang, Labels> = {
  fr: {
    feeling: 'Votre ressenti',
    structures: 'Service concerné',
    channels: 'Moyens de contact',
    channel: 'Moyen de contact',
    title: 'Titre',
    body: 'Votre expérience',
    email: 'Adresse e-mail',
    digestAddresses: 'Destinataire de la synthèse',
    digestHour: 'Heure d’envoi',
    contactConsent: 'Accord pour être contacté',
    postedAs: 'Vous écrivez',
    postcode: 'Code postal',
    lang: 'Langue',
    q: 'Recherche',
    network: 'Réseau',
    limit: 'Nombre de résultats',
    cursor: 'Curseur de pagination',
    token: 'Code de suivi',
    tag: 'Thème',
    code: 'Code SP+',
    'Idempotency-Key': 'En-tête Idempotency-Key',
    tags: 'Thèmes',
    reason: 'Motif de refus',
    signature: 'Signature',
    findings: 'Données signalées',
    status: 'Statut',
    structure: 'Structure',
    from: 'Structure d’origine',
    to: 'Nouvelle structure',
    youSaid: 'Vous nous avez dit',
    weDid: 'Nous avons fait',
    engagement: 'Engagement',
    date: 'Date',
    results: 'Résultats',
    indicator: 'Indicateur',
    period: 'Période',
    value: 'Valeur',
    sampleSize: 'Nombre de réponses',
    networkAverage: 'Moyenne du réseau',
  },
  en: {
    feeling: 'Your feeling',
    structures: 'Service concerned',
    channels: 'Contact channels',
    channel: 'Contact channel',
    title: 'Title',
    body: 'Your experience',
    email: 'E-mail address',
    digestAddresses: 'Digest recipient',
    digestHour: 'Sending hour',
    contactConsent: 'Consent to be contacted',
    postedAs: 'You are writing',
    postcode: 'Postcode',
    lang: 'Language',
    q: 'Search',
    network: 'Network',
    limit: 'Number of results',
    cursor: 'Pagination cursor',
    token: 'Tracking code',
    tag: 'Theme',
    code: 'SP+ code',
    'Idempotency-Key': 'Idempotency-Key header',
    tags: 'Themes',
    reason: 'Rejection reason',
    signature: 'Signature',
    findings: 'Flagged data',
    status: 'Status',
    structure: 'Structure',
    from: 'Original structure',
    to: 'New structure',
    youSaid: 'You told us',
    weDid: 'We did',
    engagement: 'Commitment',
    date: 'Date',
    results: 'Results',
    indicator: 'Indicator',
    period: 'Period',
    value: 'Value',
    sampleSize: 'Number of answers',
    networkAverage: 'Network average',
  },
};

/** Some fields deserve a concrete example rather than a generic "invalid format". */
const FORMAT_HINTS: Record<Lang, Labels> = {
  fr: {
    email: 'Saisissez une adresse e-mail complète, par exemple nom@exemple.fr.',
    digestAddresses: 'Saisissez une adresse e-mail complète, par exemple nom@exemple.fr.',
    postcode: 'Saisissez les 5 chiffres du code postal, par exemple 75011.',
    code: 'Un code SP+ contient des lettres, des chiffres et des tirets.',
    'Idempotency-Key': 'Envoyez une clé unique de 8 à 128 caractères (par exemple un UUID).',
    date: 'Saisissez une date au format AAAA-MM-JJ, par exemple 2025-03-01.',
    period: 'Une période s’écrit 2024 (année), 2024-S1 (semestre), 2024-Q3 (trimestre) ou 2024-05 (mois).',
  },
  en: {
    email: 'Enter a full e-mail address, for example name@example.org.',
    digestAddresses: 'Enter a full e-mail address, for example name@example.org.',
    postcode: 'Enter the 5 digits of the postcode, for example 75011.',
    code: 'An SP+ code holds letters, digits and hyphens.',
    'Idempotency-Key': 'Send a unique key of 8 to 128 characters (a UUID, for example).',
    date: 'Enter a date as YYYY-MM-DD, for example 2025-03-01.',
    period: 'A period reads 2024 (year), 2024-S1 (half-year), 2024-Q3 (quarter) or 2024-05 (month).',
  },
};

export function fieldLabel(field: string, lang: Lang): string {
  const labels = FIELD_LABELS[lang];
  const last = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;
  return labels[field] ?? labels[last] ?? field;
}

/** A count as people read it: "5 000" in French, "5,000" in English (docs/wording.md). */
function count(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(n);
}

function plural(n: number, one: string, many: string): string {
  return n > 1 ? many : one;
}

function messageFor(issue: z.core.$ZodIssue, field: string, lang: Lang): { code: string; message: string } {
  const label = fieldLabel(field, lang);
  const fr = lang === 'fr';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) {
        return {
          code: 'required',
          message: fr ? `«\u00a0${label}\u00a0» est obligatoire.` : `"${label}" is required.`,
        };
      }
      return {
        code: 'invalid_type',
        message: fr
          ? `«\u00a0${label}\u00a0» n’a pas le bon type\u00a0: une valeur de type ${issue.expected} est attendue.`
          : `"${label}" has the wrong type: a ${issue.expected} is expected.`,
      };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (min <= 1) {
          return { code: 'required', message: fr ? `«\u00a0${label}\u00a0» est obligatoire.` : `"${label}" is required.` };
        }
        return {
          code: 'too_small',
          message: fr
            ? `«\u00a0${label}\u00a0» doit contenir au moins ${count(min, lang)} caractères\u00a0: ajoutez quelques détails.`
            : `"${label}" needs at least ${count(min, lang)} characters: add some details.`,
        };
      }
      if (issue.origin === 'array') {
        return {
          code: 'too_small',
          message: fr
            ? `«\u00a0${label}\u00a0»\u00a0: choisissez au moins ${min} ${plural(min, 'élément', 'éléments')}.`
            : `"${label}": choose at least ${min} ${plural(min, 'item', 'items')}.`,
        };
      }
      return {
        code: 'too_small',
        message: fr ? `«\u00a0${label}\u00a0» doit valoir au moins ${count(min, lang)}.` : `"${label}" must be at least ${count(min, lang)}.`,
      };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') {
        return {
          code: 'too_big',
          message: fr
            ? `«\u00a0${label}\u00a0» ne doit pas dépasser ${count(max, lang)} caractères\u00a0: raccourcissez le texte.`
            : `"${label}" must not exceed ${count(max, lang)} characters: shorten the text.`,
        };
      }
      if (issue.origin === 'array') {
        return {
          code: 'too_big',
          message: fr
            ? `«\u00a0${label}\u00a0»\u00a0: ${max} ${plural(max, 'élément', 'éléments')} au maximum, retirez-en.`
            : `"${label}": ${max} ${plural(max, 'item', 'items')} at most, remove some.`,
        };
      }
      return {
        code: 'too_big',
        message: fr ? `«\u00a0${label}\u00a0» doit valoir au plus ${count(max, lang)}.` : `"${label}" must be at most ${count(max, lang)}.`,
      };
    }
    case 'invalid_format':
    case 'invalid_value': {
      if (issue.code === 'invalid_value' && issue.input === undefined) {
        return { code: 'required', message: fr ? `«\u00a0${label}\u00a0» est obligatoire.` : `"${label}" is required.` };
      }
      // `digestAddresses.2` takes the hint of `digestAddresses`: an index names an item, not a field.
      const last = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;
      const hint = FORMAT_HINTS[lang][field] ?? FORMAT_HINTS[lang][last];
      if (hint) return { code: 'invalid_format', message: `${fr ? `«\u00a0${label}\u00a0»\u00a0: ` : `"${label}": `}${hint}` };
      if (issue.code === 'invalid_value') {
        const allowed = issue.values.map(String).join(', ');
        return {
          code: 'invalid_value',
          message: fr
            ? `«\u00a0${label}\u00a0»\u00a0: choisissez une des valeurs proposées (${allowed}).`
            : `"${label}": choose one of the proposed values (${allowed}).`,
        };
      }
      return {
        code: 'invalid_format',
        message: fr ? `«\u00a0${label}\u00a0» n’est pas au bon format.` : `"${label}" is not in the expected format.`,
      };
    }
    case 'custom': {
      if (issue.message === 'consent_required') {
        return {
          code: 'consent_required',
          message: fr
            ? 'Cochez la case pour accepter d’être contacté, ou effacez l’adresse e-mail.'
            : 'Tick the box to accept being contacted, or clear the e-mail address.',
        };
      }
      if (issue.message === 'findings_or_text') {
        return {
          code: 'findings_or_text',
          message: fr
            ? 'Envoyez soit les données signalées à masquer, soit le texte modifié, pas les deux.'
            : 'Send either the flagged data to mask or the edited text, not both.',
        };
      }
      if (issue.message === 'forbidden_character') {
        return {
          code: 'forbidden_character',
          message: fr
            ? `«\u00a0${label}\u00a0» contient un caractère invalide (caractère nul ou symbole incomplet)\u00a0: retirez-le.`
            : `"${label}" holds an invalid character (a NUL or an incomplete symbol): remove it.`,
        };
      }
      if (issue.message === 'not_a_date') {
        return {
          code: 'not_a_date',
          message: fr
            ? `«\u00a0${label}\u00a0» n’existe pas dans le calendrier\u00a0: vérifiez le jour et le mois.`
            : `"${label}" is not a day of the calendar: check the day and the month.`,
        };
      }
      if (issue.message === 'duplicate') {
        return {
          code: 'duplicate',
          message: fr
            ? `«\u00a0${label}\u00a0»\u00a0: chaque valeur ne peut être choisie qu’une fois.`
            : `"${label}": each value can be chosen only once.`,
        };
      }
      return { code: 'invalid', message: fr ? `«\u00a0${label}\u00a0» est invalide.` : `"${label}" is invalid.` };
    }
    default:
      return { code: issue.code, message: fr ? `«\u00a0${label}\u00a0» est invalide.` : `"${label}" is invalid.` };
  }
}

/**
 * Converts issues to field errors (parse with `{ reportInput: true }` so a missing value reads "required"). `prefix` namespaces the fields (`query.`, `headers.`) when the body is not
 * the only input. Unknown keys yield one error per key, each naming it.
 */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], lang: Lang = 'fr', prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = prefix + (base ? `${base}.${key}` : key);
        out.push({
          field,
          code: 'unrecognized',
          message:
            lang === 'fr'
              ? `Champ inconnu «\u00a0${key}\u00a0»\u00a0: retirez-le de la requête.`
              : `Unknown field "${key}": remove it from the request.`,
        });
      }
      continue;
    }
    const { code, message } = messageFor(issue, base, lang);
    out.push({ field: prefix + (base || '(body)'), code, message });
  }
  return out;
}
