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

export const STRUCTURE_COLUMNS = {
  code: ['code_sp', 'code_sp_plus', 'code_structure', 'identifiant_structure', 'id_structure'],
  name: ['nom', 'nom_structure', 'libelle_structure', 'denomination'],
  network: ['reseau', 'code_reseau'],
  networkName: ['libelle_reseau', 'nom_reseau'],
  level: ['niveau', 'niveau_structure'],
  parent: ['code_sp_parent', 'code_parent', 'structure_parente', 'code_structure_parente'],
  postcode: ['code_postal', 'cp'],
  city: ['commune', 'ville', 'localite'],
  phone: ['telephone', 'tel'],
  url: ['site_internet', 'site_web', 'url'],
  address: ['adresse', 'adresse_postale'],
} as const;

export const INDICATOR_COLUMNS = {
  code: ['code_indicateur', 'id_indicateur', 'identifiant_indicateur', 'indicateur'],
  network: ['reseau', 'code_reseau'],
  originalLabel: ['libelle_origine', 'libelle_original', 'libelle_initial', 'libelle'],
  label: ['libelle_usager', 'libelle_grand_public', 'libelle_affiche', 'libelle_simplifie'],
  family: ['type_indicateur', 'type', 'famille'],
  unitType: ['type_unite', 'type_d_unite'],
  unit: ['unite'],
  sources: ['sources', 'source'],
  methodology: ['methodes', 'methode', 'methode_de_calcul', 'methodologie', 'sources_et_methodes'],
  direction: ['sens', 'sens_amelioration', 'sens_d_amelioration'],
  target: ['cible', 'objectif', 'valeur_cible'],
} as const;

export const RESULT_COLUMNS = {
  structure: ['code_sp', 'code_sp_plus', 'code_structure', 'identifiant_structure'],
  indicator: ['code_indicateur', 'id_indicateur', 'identifiant_indicateur', 'indicateur'],
  value: ['valeur', 'resultat', 'valeur_resultat'],
  updatedAt: ['date_mise_a_jour', 'date_de_mise_a_jour', 'date_maj', 'mise_a_jour'],
  period: ['periode', 'periode_mesure'],
  measuredAt: ['date_mesure', 'date_resultat', 'date_de_mesure'],
  sampleSize: ['taille_echantillon', 'nombre_reponses', 'nb_reponses'],
  networkAverage: ['moyenne_reseau', 'valeur_reseau'],
  /** Read by nobody, but part of the export: not reported as unknown. */
  network: ['reseau', 'code_reseau'],
  structureName: ['nom_structure', 'nom'],
  indicatorLabel: ['libelle_indicateur', 'libelle_usager'],
} as const;

export const EXPERIENCE_COLUMNS = {
  id: ['id_experience', 'identifiant_experience', 'reference', 'identifiant', 'id'],
  title: ['titre', 'titre_experience'],
  body: ['description', 'texte', 'recit', 'contenu'],
  feeling: ['ressenti', 'ressenti_general', 'ressenti_global'],
  structure1: ['code_sp_1', 'code_structure_1', 'structure_1', 'code_sp'],
  structure2: ['code_sp_2', 'code_structure_2', 'structure_2'],
  structure3: ['code_sp_3', 'code_structure_3', 'structure_3'],
  channels: ['canaux', 'canaux_de_contact', 'canal'],
  feelingCounter: ['ressenti_accueil', 'ressenti_accueil_physique', 'ressenti_guichet'],
  feelingPhone: ['ressenti_telephone'],
  feelingOnline: ['ressenti_en_ligne', 'ressenti_internet'],
  feelingMail: ['ressenti_courrier'],
  feelingEmail: ['ressenti_email', 'ressenti_courriel', 'ressenti_e_mail'],
  feelingChat: ['ressenti_chat', 'ressenti_visio'],
  tags: ['etiquettes', 'tags', 'thematiques'],
  tagAccessibility: ['accessibilite'],
  tagInformation: ['information_explication', 'information'],
  tagRelation: ['relation'],
  tagReactivity: ['reactivite'],
  tagSimplicity: ['simplicite_complexite', 'simplicite'],
  status: ['statut', 'etat'],
  rejectionReason: ['motif_rejet', 'motif_de_rejet', 'raison_rejet'],
  postedAs: ['poste_par', 'publie_par', 'depose_par', 'type_auteur', 'en_tant_que'],
  postcode: ['code_postal', 'cp'],
  writtenAt: ['date_redaction', 'date_ecriture', 'date_creation', 'date_depot'],
  publishedAt: ['date_publication'],
  firstReplyAt: ['date_premiere_reponse', 'date_1ere_reponse'],
  reply1: ['reponse_1', 'reponse_structure_1', 'reponse'],
  replySignature1: ['signature_reponse_1', 'signature_1', 'signature_reponse', 'signature'],
  replyDate1: ['date_reponse_1', 'date_reponse'],
  reply2: ['reponse_2', 'reponse_structure_2'],
  replySignature2: ['signature_reponse_2', 'signature_2'],
  replyDate2: ['date_reponse_2'],
  reply3: ['reponse_3', 'reponse_structure_3'],
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
