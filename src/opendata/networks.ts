import { fold } from './values.js';

/**
 * The Services Publics+ networks as the open data names them (`reseau`, `intitule_du_reseau`: a display name such
 * as "Préfectures"), with our network code for each. The one place that turns a published network name into a
 * code: the importer joins the existing network of that code, the portal adapter shows the code it would have.
 * Names compare folded (case, accents and punctuation do not matter). A name that is in neither this table nor
 * the database is rejected by the importer: a code is never made up from a display name.
 */
export const KNOWN_NETWORKS: readonly { code: string; name: string; aliases: readonly string[] }[] = [
  { code: 'CAF', name: "Caisses d'allocations familiales", aliases: ['CAF', "Caisse d'allocations familiales", 'Allocations familiales', 'Branche famille'] },
  { code: 'CPAM', name: "Caisses primaires d'assurance maladie", aliases: ['CPAM', "Caisse primaire d'assurance maladie", 'Assurance maladie', 'Assurance Maladie'] },
  {
    code: 'DGFIP-SIP',
    name: 'Services des impôts des particuliers',
    aliases: ['SIP', 'Service des impôts des particuliers', 'Finances publiques', 'DGFiP', 'Direction générale des finances publiques', 'Impôts'],
  },
  { code: 'PREF', name: 'Préfectures', aliases: ['Préfecture', 'Préfectures et sous-préfectures', 'Sous-préfectures', 'Ministère de l’Intérieur - Préfectures'] },
  { code: 'FS', name: 'France Services', aliases: ['Espaces France Services', 'Maisons France Services', 'Espace France Services'] },
  { code: 'POLICE', name: 'Police nationale', aliases: ['Police', 'Commissariats', 'Commissariats de police'] },
  { code: 'GEND', name: 'Gendarmerie nationale', aliases: ['Gendarmerie', 'Brigades de gendarmerie'] },
  { code: 'COMMUNE', name: 'Communes', aliases: ['Commune', 'Mairies', 'Mairie', 'Collectivités - Communes'] },
  { code: 'UNIV', name: 'Universités', aliases: ['Université', 'Enseignement supérieur'] },
  { code: 'URSSAF', name: 'Urssaf', aliases: ['Urssaf', 'Unions de recouvrement'] },
  { code: 'FT', name: 'France Travail', aliases: ['Pôle emploi', 'Pole emploi'] },
  { code: 'CNAV', name: 'Assurance retraite', aliases: ["L'Assurance retraite", 'CNAV', 'Carsat', 'Caisses de retraite'] },
  { code: 'MSA', name: 'Mutualité sociale agricole', aliases: ['MSA'] },
  { code: 'ANTS', name: 'Agence nationale des titres sécurisés', aliases: ['ANTS', 'France Titres'] },
  { code: 'DOUANE', name: 'Douane', aliases: ['Douanes', 'Direction générale des douanes et droits indirects', 'DGDDI'] },
  { code: 'CROUS', name: 'Crous', aliases: ['CROUS', 'Centres régionaux des œuvres universitaires et scolaires'] },
];

/** Folded name → code, for every name and alias of the table (and each code itself). */
const BY_NAME = new Map<string, string>();
for (const network of KNOWN_NETWORKS) {
  for (const name of [network.code, network.name, ...network.aliases]) BY_NAME.set(networkKey(name), network.code);
}

/** How two network names compare: "Préfectures" and "PREFECTURES" are one key; a final plural `s` is ignored. */
export function networkKey(name: string): string {
  return fold(name)
    .replace(/[’']/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((word) => (word.length > 3 ? word.replace(/s$/, '') : word))
    .join(' ');
}

/** Our code for a published network name, from the table alone; `undefined` when the table does not know it. */
export function knownNetworkCode(name: string): string | undefined {
  return BY_NAME.get(networkKey(name));
}

export function knownNetworkName(code: string): string | undefined {
  return KNOWN_NETWORKS.find((n) => n.code === code)?.name;
}
