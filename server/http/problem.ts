import type { FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import { PROBLEM_CONTENT_TYPE, toFieldErrors, type FieldError, type Lang, type Problem } from '../../src/contract/index.js';
import { queryLang, strings } from '../i18n.js';
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
export const apiText = API.text;

export function statusTitle(status: number, lang: Lang): string {
  const key = `status-${status}`;
  return apiText(lang, isApiKey(key) ? key : 'status-500');
}

/** Read once per request: validation may then drop `lang` from a query whose schema does not list it. */
const langs = new WeakMap<FastifyRequest, Lang>();

/** The request's language: `lang` in the query, else `Accept-Language`, else French. */
export function requestLang(request: FastifyRequest): Lang {
  let lang = langs.get(request);
  if (lang) return lang;
  lang = queryLang(request.query, /^\s*en\b/.test(String(request.headers['accept-language'] ?? '').toLowerCase()) ? 'en' : 'fr');
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
    apiText(lang, 'checkFields', { fields }),
    errors,
  );
}

export function notFound(lang: Lang, detail: ApiKey, values?: Record<string, string | number>): HttpProblem {
  return new HttpProblem(404, statusTitle(404, lang), apiText(lang, detail, values));
}

/** The 404 of every public and admin route that names a structure by its code. */
export const unknownStructure = (lang: Lang, code: string): HttpProblem => notFound(lang, 'unknownStructure', { code });
