import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { scopedStructures } from './agents.js';
import { readJson, STORED } from './json.js';

/**
 * `GET /api/v1/admin/structures/{code}/testimonies.csv`: the published testimonies of a structure and its
 * sub-structures, in the columns of the real `export-experiences` open-data export (field ids as headers, `;`,
 * UTF-8 with a BOM, so a spreadsheet opens it right and `npm run import` reads it back). Only published ones:
 * a pending testimony may still hold personal data, and a rejected one is never published. Never the e-mail.
 */
export const EXPERIENCE_EXPORT_COLUMNS = [
  'id_experience',
  'etat_experience',
  'ecrit_le',
  'date_de_publication',
  'titre',
  'description',
  'poste_comme',
  'ressenti_usager',
  'intitule_typologie_1',
  'intitule_typologie_2',
  'intitule_typologie_3',
  'reponse_structure_1',
  'reponse_structure_2',
  'reponse_structure_3',
  'reactivite',
  'relation',
  'information_explication',
  'accessibilite',
  'simplicite_complexite',
  'pays',
  'code_postal_usager',
  'date_de_premiere_reponse',
] as const;

const FEELING_WORDS: Record<string, string> = { positive: 'Positif', neutral: 'Neutre', negative: 'Négatif' };
const POSTED_AS_WORDS: Record<string, string> = { user: 'Usager', helper: 'Aidant' };
/** Our tag → the export's general-tag column (which holds the feeling, or nothing). */
const TAG_COLUMNS: Record<string, string> = {
  reactivity: 'reactivite',
  relation: 'relation',
  information: 'information_explication',
  accessibility: 'accessibilite',
  simplicity: 'simplicite_complexite',
};

/** One CSV field: quoted when it holds `;`, a quote or a line break; a leading formula character is defused. */
export function csvField(value: string | null | undefined): string {
  let text = value ?? '';
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

export async function exportTestimoniesCsv(db: Kysely<Database>, structureCode: string): Promise<string> {
  const rows = await scopedStructures(db, { kind: 'structures', codes: [structureCode] })
    .selectFrom('testimonies as t')
    .selectAll('t')
    .where('t.status', '=', 'published')
    .where((eb) =>
      eb(
        't.id',
        'in',
        eb
          .selectFrom('testimony_structures as ts')
          .select('ts.testimony_id')
          .where('ts.structure_code', 'in', eb.selectFrom('scope').select('scope.code')),
      ),
    )
    .orderBy('t.published_at', 'desc')
    .orderBy('t.id')
    .execute();
  const lines = [EXPERIENCE_EXPORT_COLUMNS.join(';')];
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const ids = chunk.map((r) => r.id);
    const [links, replies] = await Promise.all([
      db
        .selectFrom('testimony_structures as ts')
        .innerJoin('structures as s', 's.code', 'ts.structure_code')
        .select(['ts.testimony_id', 'ts.structure_code', 's.name', 'ts.position'])
        .where('ts.testimony_id', 'in', ids)
        .orderBy('ts.position')
        .execute(),
      db.selectFrom('replies').select(['testimony_id', 'structure_code', 'body', 'signature']).where('testimony_id', 'in', ids).execute(),
    ]);
    for (const row of chunk) {
      const own = links.filter((l) => l.testimony_id === row.id);
      const tags = new Set<string>(readJson(row.tags, STORED.tags));
      const feeling = FEELING_WORDS[row.feeling] ?? '';
      const values: Record<string, string> = {
        id_experience: row.reference,
        etat_experience: row.first_reply_at ? 'Traitée' : 'Publiée',
        ecrit_le: day(row.created_at),
        date_de_publication: day(row.published_at),
        titre: row.title,
        description: row.body,
        poste_comme: POSTED_AS_WORDS[row.posted_as] ?? '',
        ressenti_usager: feeling,
        pays: 'France',
        code_postal_usager: row.postcode ?? '',
        date_de_premiere_reponse: day(row.first_reply_at),
      };
      own.slice(0, 3).forEach((link, i) => {
        values[`intitule_typologie_${i + 1}`] = link.name;
        const reply = replies.find((r) => r.testimony_id === row.id && r.structure_code === link.structure_code);
        values[`reponse_structure_${i + 1}`] = reply ? `${reply.body}\n${reply.signature}` : '';
      });
      for (const [tag, column] of Object.entries(TAG_COLUMNS)) values[column] = tags.has(tag) ? feeling : '';
      lines.push(EXPERIENCE_EXPORT_COLUMNS.map((c) => csvField(values[c])).join(';'));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
