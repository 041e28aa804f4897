/**
 * Column names of the Services Publics+ open-data exports, with the aliases we accept, per dataset. A header
 * matches after normalisation (case, accents, spaces and punctuation do not matter: "Code SP+" is `code_sp`).
 * The first name of each list is the documented one (`docs/import.md`); the portal adapter reads the same names.
 */
export type DatasetKind = 'structures' | 'indicators' | 'results' | 'experiences';

/** `"Libellé usager"` → `libelle_usager`. */
export function normalizeColumn(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

// Real spellings first (Opendatasoft field ids, then the French labels as they normalise), then the older
// spellings this project accepted before the real exports were known. Unconfirmed real spellings are marked.
export const STRUCTURE_COLUMNS = {
  code: ['code_sp_de_la_structure', 'code_sp_structure', 'code_sp', 'code_sp_plus', 'code_structure', 'identifiant_structure', 'id_structure'],
  name: ['intitule_de_la_structure', 'intitule_structure', 'nom', 'nom_structure', 'libelle_structure', 'denomination'],
  /** A network name ("Préfectures") or code ("PREF"): resolved by the writer (`src/opendata/networks.ts`). */
  network: ['reseau', 'intitule_du_reseau', 'intitule_reseau', 'code_reseau'],
  networkName: ['libelle_reseau', 'nom_reseau'],
  typology: ['intitule_de_la_typologie', 'intitule_typologie', 'typologie'],
  level: ['niveau', 'niveau_structure'],
  parent: ['code_sp_structure_parent', 'code_sp_de_la_structure_parent', 'code_sp_parent', 'code_parent', 'structure_parente', 'code_structure_parente'],
  postcode: ['code_postal_de_la_structure', 'code_postal', 'cp'],
  city: ['ville_de_la_structure', 'commune', 'ville', 'localite'],
  phone: ['telephone', 'tel'],
  url: ['site_internet', 'site_web', 'url'],
  address: ['adresse', 'adresse_postale'],
  /** Read by nobody, but part of the real export: not reported as unknown. */
  description: ['description_de_la_structure'],
  portalId: ['identifiant_de_la_structure'],
} as const;

export const INDICATOR_COLUMNS = {
  // The real catalogue's code column was not seen: every plausible spelling (docs/import.md).
  code: [
    'code_sp_de_l_indicateur',
    'code_sp_indicateur',
    'code_de_l_indicateur',
    'identifiant_de_l_indicateur',
    'code_indicateur',
    'id_indicateur',
    'identifiant_indicateur',
    'indicateur',
  ],
  /** A network name or code, resolved like a structure's. */
  network: ['reseau', 'intitule_du_reseau', 'code_reseau'],
  originalLabel: ['intitule_original_de_l_indicateur', 'titre_original_de_l_indicateur', 'libelle_origine', 'libelle_original', 'libelle_initial', 'libelle'],
  label: ['intitule_usager_de_l_indicateur', 'libelle_usager', 'libelle_grand_public', 'libelle_affiche', 'libelle_simplifie'],
  family: ['type_d_indicateur', 'type_indicateur', 'type', 'famille'],
  unitType: ['type_d_unite', 'type_unite'],
  unit: ['unite'],
  sources: ['sources', 'source'],
  methodology: ['sources_et_methodes', 'methodes', 'methode', 'methode_de_calcul', 'methodologie'],
  direction: ['sens', 'sens_amelioration', 'sens_d_amelioration'],
  target: ['cible', 'objectif', 'valeur_cible'],
} as const;

export const RESULT_COLUMNS = {
  structure: ['code_sp_structure', 'code_sp_de_la_structure', 'code_sp', 'code_sp_plus', 'code_structure', 'identifiant_structure'],
  indicator: ['code_sp_de_l_indicateur', 'code_sp_indicateur', 'code_indicateur', 'id_indicateur', 'identifiant_indicateur', 'indicateur'],
  value: ['valeur', 'resultat', 'valeur_resultat'],
  updatedAt: ['date_de_mise_a_jour', 'date_mise_a_jour', 'date_maj', 'mise_a_jour'],
  /** annuelle, semestrielle, trimestrielle, mensuelle: the period the value covers. */
  frequency: ['frequence', 'periodicite'],
  period: ['periode', 'periode_mesure'],
  measuredAt: ['date_mesure', 'date_resultat', 'date_de_mesure'],
  sampleSize: ['taille_echantillon', 'nombre_reponses', 'nb_reponses'],
  networkAverage: ['moyenne_reseau', 'valeur_reseau'],
  /** Read by the portal adapter only (a structure's name and network when the structures dataset is not used). */
  network: ['intitule_du_reseau', 'reseau', 'code_reseau'],
  structureName: ['intitule_de_la_structure', 'nom_structure', 'nom'],
  /** Read by nobody, but part of the real export: not reported as unknown. */
  typology: ['typologie', 'intitule_de_la_typologie'],
  postcode: ['code_postal_de_la_structure'],
  city: ['ville_de_la_structure'],
  resultId: ['code_sp_du_resultat'],
  indicatorLabel: ['titre_original_de_l_indicateur', 'libelle_indicateur', 'libelle_usager'],
} as const;

export const EXPERIENCE_COLUMNS = {
  id: ['id_experience', 'identifiant_experience', 'reference', 'identifiant', 'id'],
  title: ['titre', 'titre_experience'],
  body: ['description', 'texte', 'recit', 'contenu'],
  feeling: ['ressenti_usager', 'ressenti', 'ressenti_general', 'ressenti_global'],
  // A structure is named by code (older exports) or by typology and title (the real one; its exact columns were
  // not seen: every plausible spelling, see docs/import.md).
  structure1: ['code_sp_structure_1', 'code_sp_1', 'code_structure_1', 'structure_1', 'code_sp'],
  structure2: ['code_sp_structure_2', 'code_sp_2', 'code_structure_2', 'structure_2'],
  structure3: ['code_sp_structure_3', 'code_sp_3', 'code_structure_3', 'structure_3'],
  structureTitle1: ['intitule_structure_1', 'intitule_de_la_structure_1', 'nom_structure_1', 'titre_structure_1'],
  structureTitle2: ['intitule_structure_2', 'intitule_de_la_structure_2', 'nom_structure_2', 'titre_structure_2'],
  structureTitle3: ['intitule_structure_3', 'intitule_de_la_structure_3', 'nom_structure_3', 'titre_structure_3'],
  structureTypology1: ['intitule_typologie_1', 'intitule_de_la_typologie_1', 'typologie_1'],
  structureTypology2: ['intitule_typologie_2', 'intitule_de_la_typologie_2', 'typologie_2'],
  structureTypology3: ['intitule_typologie_3', 'intitule_de_la_typologie_3', 'typologie_3'],
  channels: ['canaux', 'canaux_de_contact', 'canal'],
  feelingCounter: ['ressenti_accueil', 'ressenti_accueil_physique', 'ressenti_guichet'],
  feelingPhone: ['ressenti_telephone'],
  feelingOnline: ['ressenti_en_ligne', 'ressenti_internet'],
  feelingMail: ['ressenti_courrier'],
  feelingEmail: ['ressenti_email', 'ressenti_courriel', 'ressenti_e_mail'],
  feelingChat: ['ressenti_chat', 'ressenti_visio'],
  tags: ['etiquettes', 'tags', 'thematiques'],
  tagAccessibility: ['accessibilite', 'tags_generaux_accessibilite'],
  tagInformation: ['information_explication', 'tags_generaux_information_explication', 'information'],
  tagRelation: ['relation', 'tags_generaux_relation'],
  tagReactivity: ['reactivite', 'tags_generaux_reactivite'],
  tagSimplicity: ['simplicite_complexite', 'tags_generaux_simplicite_complexite', 'simplicite'],
  status: ['etat_experience', 'etat_de_l_experience', 'statut', 'etat'],
  rejectionReason: ['motif_rejet', 'motif_de_rejet', 'raison_rejet'],
  postedAs: ['poste_comme', 'poste_par', 'publie_par', 'depose_par', 'type_auteur', 'en_tant_que'],
  postcode: ['code_postal_usager', 'code_postal', 'cp'],
  country: ['pays'],
  writtenAt: ['ecrit_le', 'date_redaction', 'date_ecriture', 'date_creation', 'date_depot'],
  publishedAt: ['date_de_publication', 'date_publication'],
  firstReplyAt: ['date_de_premiere_reponse', 'date_premiere_reponse', 'date_1ere_reponse'],
  reply1: ['reponse_structure_1', 'reponse_1', 'reponse'],
  replySignature1: ['signature_reponse_1', 'signature_1', 'signature_reponse', 'signature'],
  replyDate1: ['date_reponse_1', 'date_reponse'],
  reply2: ['reponse_structure_2', 'reponse_2'],
  replySignature2: ['signature_reponse_2', 'signature_2'],
  replyDate2: ['date_reponse_2'],
  reply3: ['reponse_structure_3', 'reponse_3'],
  replySignature3: ['signature_reponse_3', 'signature_3'],
  replyDate3: ['date_reponse_3'],
} as const;

export const DATASET_COLUMNS = {
  structures: STRUCTURE_COLUMNS,
  indicators: INDICATOR_COLUMNS,
  results: RESULT_COLUMNS,
  experiences: EXPERIENCE_COLUMNS,
} as const;

export type FieldOf<K extends DatasetKind> = keyof (typeof DATASET_COLUMNS)[K];

/** Which column of a file feeds each field (first match in alias order), and the columns no field reads. */
export interface ColumnMap<K extends DatasetKind> {
  fields: Partial<Record<FieldOf<K>, string>>;
  unknown: string[];
}

export function mapColumns<K extends DatasetKind>(kind: K, columns: readonly string[]): ColumnMap<K> {
  const byName = new Map(columns.map((c) => [normalizeColumn(c), c] as const));
  const fields: Partial<Record<string, string>> = {};
  const used = new Set<string>();
  for (const [field, aliases] of Object.entries(DATASET_COLUMNS[kind]) as [string, readonly string[]][]) {
    for (const alias of aliases) {
      const column = byName.get(alias);
      if (column !== undefined && !used.has(column)) {
        fields[field] = column;
        used.add(column);
        break;
      }
    }
  }
  return { fields: fields as ColumnMap<K>['fields'], unknown: columns.filter((c) => !used.has(c)) };
}

/**
 * Which dataset a file holds, from its columns alone: an experience has a feeling, a result a value for a
 * structure and an indicator, a catalogue row an indicator code with its type or unit, a structure a code and
 * a name. `undefined` when none fits.
 */
export function detectDataset(columns: readonly string[]): DatasetKind | undefined {
  const has = (kind: DatasetKind, ...fields: string[]) => {
    const { fields: found } = mapColumns(kind, columns) as { fields: Record<string, string | undefined> };
    return fields.every((f) => found[f] !== undefined);
  };
  if (has('experiences', 'feeling', 'title') || has('experiences', 'feeling', 'body')) return 'experiences';
  if (has('results', 'structure', 'indicator', 'value')) return 'results';
  if (has('indicators', 'code', 'family') || has('indicators', 'code', 'unit')) return 'indicators';
  if (has('structures', 'code', 'name')) return 'structures';
  return undefined;
}

/** The fields a file must have for each dataset (`detectDataset` needs the first ones). */
const REQUIRED: { [K in DatasetKind]: FieldOf<K>[] } = {
  structures: ['code', 'name', 'network'],
  indicators: ['code', 'family', 'unit'],
  results: ['structure', 'indicator', 'value', 'updatedAt'],
  experiences: ['id', 'title', 'body', 'feeling', 'writtenAt'],
};

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known column names nearest to `column` (by edit distance on the normalised names), at most 3. */
export function closestColumns(column: string): string[] {
  const wanted = normalizeColumn(column);
  const all = new Set(Object.values(DATASET_COLUMNS).flatMap((fields) => Object.values(fields).flat() as string[]));
  return [...all]
    .map((name) => ({ name, d: distance(wanted, name) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map(({ name }) => name);
}

/**
 * Why a header matches no dataset, for the person who has to fix the file: per dataset, the columns recognised
 * and the required ones missing; then each unrecognised column with the closest known names.
 */
export function explainColumns(columns: readonly string[]): string {
  const lines: string[] = [];
  const ranked = (Object.keys(DATASET_COLUMNS) as DatasetKind[])
    .map((kind) => {
      const map = mapColumns(kind, columns) as ColumnMap<DatasetKind> & { fields: Record<string, string> };
      const recognised = Object.values(map.fields);
      const missing = (REQUIRED[kind] as string[]).filter((f) => map.fields[f] === undefined);
      return { kind, recognised, missing };
    })
    .sort((a, b) => b.recognised.length - a.recognised.length);
  for (const { kind, recognised, missing } of ranked) {
    const names = missing.map((field) => (DATASET_COLUMNS[kind] as Record<string, readonly string[]>)[field]![0]);
    lines.push(
      `${kind}: ${recognised.length ? `recognised ${recognised.join(', ')}` : 'no column recognised'}; missing ${names.join(', ') || 'nothing'}`,
    );
  }
  const known = new Set(ranked.flatMap((r) => r.recognised));
  const unknown = columns.filter((c) => !known.has(c));
  if (unknown.length) {
    lines.push(
      `not recognised: ${unknown
        .map((c) => {
          const close = closestColumns(c);
          return close.length ? `"${c}" (closest: ${close.join(', ')})` : `"${c}"`;
        })
        .join('; ')}`,
    );
  }
  return lines.join('\n');
}
