import type { FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import { PROBLEM_CONTENT_TYPE, toFieldErrors, type FieldError, type Lang, type Problem } from '../../src/contract/index.js';

/** A failure to answer as `application/problem+json` (RFC 9457). Throw it from any handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

const TITLES: Record<number, [fr: string, en: string]> = {
  400: ['Requête invalide', 'Invalid request'],
  401: ['Authentification requise', 'Authentication required'],
  403: ['Accès refusé', 'Forbidden'],
  404: ['Introuvable', 'Not found'],
  405: ['Méthode non autorisée', 'Method not allowed'],
  409: ['Conflit', 'Conflict'],
  413: ['Requête trop volumineuse', 'Payload too large'],
  415: ['Type de contenu non pris en charge', 'Unsupported media type'],
  422: ['Requête impossible à traiter', 'Unprocessable request'],
  429: ['Trop de requêtes', 'Too many requests'],
  500: ['Erreur interne', 'Internal error'],
  503: ['Service indisponible', 'Service unavailable'],
};

export function statusTitle(status: number, lang: Lang): string {
  const titles = TITLES[status] ?? TITLES[500]!;
  return lang === 'en' ? titles[1] : titles[0];
}

/** Read once per request: validation may then drop `lang` from a query whose schema does not list it. */
const langs = new WeakMap<FastifyRequest, Lang>();

/** The request's language: `lang` in the query, else `Accept-Language`, else French. */
export function requestLang(request: FastifyRequest): Lang {
  let lang = langs.get(request);
  if (lang) return lang;
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.lang;
  if (fromQuery === 'en' || fromQuery === 'fr') lang = fromQuery;
  else lang = /^\s*en\b/.test(String(request.headers['accept-language'] ?? '').toLowerCase()) ? 'en' : 'fr';
  langs.set(request, lang);
  return lang;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: HttpProblem): FastifyReply {
  const body: Problem = {
    type: problem.status === 400 && problem.errors?.length ? 'https://spp.example/problems/validation' : 'about:blank',
    title: problem.title,
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    instance: request.url.split('?')[0],
    ...(problem.errors?.length ? { errors: problem.errors } : {}),
  };
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** 400 naming every failing field, in the request's language. */
export function validationProblem(issues: readonly z.core.$ZodIssue[], lang: Lang, prefix = ''): HttpProblem {
  const errors = toFieldErrors(issues, lang, prefix);
  const fields = [...new Set(errors.map((e) => e.field))].join(', ');
  return new HttpProblem(
    400,
    statusTitle(400, lang),
    lang === 'en' ? `Check these fields: ${fields}.` : `Vérifiez ces champs : ${fields}.`,
    errors,
  );
}

export function notFound(lang: Lang, detail: { fr: string; en: string }): HttpProblem {
  return new HttpProblem(404, statusTitle(404, lang), lang === 'en' ? detail.en : detail.fr);
}
