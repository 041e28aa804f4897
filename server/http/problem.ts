import type { FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import { PROBLEM_CONTENT_TYPE, toFieldErrors, type FieldError, type Lang, type Problem } from '../../src/contract/index.js';
import { format, strings } from '../i18n.js';
import { API_FR, type ApiKey } from './api.strings.js';
import { API_EN } from './api.strings.en.js';

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

const API = strings(API_FR, API_EN);
const isApiKey = (key: string): key is ApiKey => key in API_FR;

/** A text of the API in the request's language, its `{name}` placeholders filled. */
export function apiText(lang: Lang, key: ApiKey, values?: Record<string, string | number>): string {
  return format(API[lang][key], values);
}

export function statusTitle(status: number, lang: Lang): string {
  const key = `status-${status}`;
  return apiText(lang, isApiKey(key) ? key : 'status-500');
}

/** The request's language: `lang` in the query, else `Accept-Language`, else French. */
export function requestLang(request: FastifyRequest): Lang {
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.lang;
  if (fromQuery === 'en' || fromQuery === 'fr') return fromQuery;
  const accept = String(request.headers['accept-language'] ?? '').toLowerCase();
  return /^\s*en\b/.test(accept) ? 'en' : 'fr';
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
    apiText(lang, 'checkFields', { fields }),
    errors,
  );
}

export function notFound(lang: Lang, detail: ApiKey, values?: Record<string, string | number>): HttpProblem {
  return new HttpProblem(404, statusTitle(404, lang), apiText(lang, detail, values));
}
