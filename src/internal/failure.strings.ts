/**
 * The failure messages shared by the elements that fetch (`<spp-improvements>`, `<spp-testimonies>`), named as
 * `failureMessage` reads them (`FailureStrings`): each element merges this table into its own, like the shared
 * labels, and passes its strings as they are. English is `failure.strings.en.ts`, re-exported by each element's
 * English file. The results card keeps its own, about results, and the agent app its own, shorter.
 */
export const FAILURE_FR = {
  offline: 'Impossible de joindre le service\u00a0: vérifiez votre connexion internet, puis réessayez.',
  timeout: 'Le service met trop de temps à répondre. Réessayez dans un instant.',
  down: 'Le service est momentanément indisponible. Réessayez dans quelques minutes.',
  tooMany: 'Trop de demandes en peu de temps. Réessayez dans quelques instants.',
  malformed: 'La réponse du service est inattendue. Réessayez plus tard.',
  notFound: 'Aucun service ne porte le code «\u00a0{code}\u00a0». Vérifiez l’attribut structure de la page.',
};

export type FailureTable = typeof FAILURE_FR;
