/**
 * What the API says in its problem+json answers (titles, details, field messages), in French: the reference
 * table. English lives in `api.strings.en.ts`, with the same keys. Field messages of the contract's validation
 * come from `src/contract/messages.ts`, shared with the form.
 */
export const API_FR = {
  'status-400': 'Requête invalide',
  'status-401': 'Authentification requise',
  'status-403': 'Accès refusé',
  'status-404': 'Introuvable',
  'status-405': 'Méthode non autorisée',
  'status-409': 'Conflit',
  'status-413': 'Requête trop volumineuse',
  'status-415': 'Type de contenu non pris en charge',
  'status-422': 'Requête impossible à traiter',
  'status-429': 'Trop de requêtes',
  'status-500': 'Erreur interne',
  'status-503': 'Service indisponible',
  checkFields: 'Vérifiez ces champs : {fields}.',
  nothingHere: "Rien à l'adresse {method} {path}.",
  bodyTooLarge: 'Le contenu envoyé est trop volumineux : raccourcissez le texte.',
  sendJson: 'Envoyez le contenu au format application/json.',
  invalidJson: "Le contenu envoyé n'est pas du JSON valide.",
  serverError: 'Une erreur est survenue de notre côté. Réessayez plus tard.',
  corsPreflight: 'Une requête de contrôle CORS doit envoyer les en-têtes Origin et Access-Control-Request-Method.',
  tooManySubmissions: 'Trop d’envois depuis votre connexion. Votre texte est conservé : réessayez dans {seconds} s.',
  tokenMissing: 'Envoyez votre jeton d’agent dans l’en-tête Authorization: Bearer <jeton>.',
  tokenInvalid: 'Ce jeton d’agent est inconnu ou révoqué : demandez-en un nouveau.',
  tokenNotCovering: 'Votre jeton ne couvre pas la structure « {code} ».',
  managerOnly: 'Seul un jeton de responsable peut faire cela : demandez-le au responsable de votre structure.',
  unknownStructure: "Aucune structure n'a le code SP+ « {code} ».",
  unknownService: "Aucun service n'a le code SP+ « {code} » : choisissez à nouveau le service dans la liste.",
  noEngagements: 'Aucun engagement enregistré pour cette langue.',
  keyReused:
    'Cette clé Idempotency-Key a déjà servi pour un autre témoignage : générez une nouvelle clé pour un nouveau témoignage.',
  useNewKey: 'Utilisez une nouvelle clé.',
  unknownTracking: 'Aucun témoignage ne correspond à cette référence et à ce code de suivi : vérifiez le lien reçu.',
  unknownTestimony: 'Aucun témoignage ne porte cette référence.',
  publishBeforeReply: 'Publiez le témoignage avant d’y répondre.',
  notConcerned: 'Cette structure n’est pas concernée par ce témoignage : choisissez-en une de la liste du témoignage.',
  alreadyConcerned: 'Cette structure est déjà concernée par ce témoignage.',
  notSubStructure: 'Choisissez une structure rattachée à la structure d’origine (un de ses sites ou services).',
  unknownFinding: 'Un des signalements demandés n’existe pas : rechargez le témoignage et réessayez.',
  testimonyNotCovered: 'Ce témoignage concerne des structures que votre jeton ne couvre pas.',
  moderationBelongs:
    'La modération de ce témoignage revient à « {first} », la première structure concernée. Vous pouvez y répondre pour « {covered} ».',
  /** Between the codes of `{covered}` above. */
  coveredSeparator: ' », « ',
  foreignCursor: '« Curseur de pagination » ne vient pas de cette API : reprenez le nextCursor de la page précédente.',
  reuseCursor: 'Reprenez le nextCursor de la page précédente.',
  unknownIndicator: "Aucun indicateur n'a le code « {code} » : utilisez un code du catalogue des indicateurs.",
  unknownCitedTestimony: 'Aucun témoignage de cette structure ne porte la référence « {reference} ».',
  unknownAction: 'Cette structure n’a pas d’action d’amélioration avec cet identifiant.',
  unknownCommitment: 'Cette structure n’a pas d’engagement local avec cet identifiant.',
  unknownToken: 'Aucun jeton de cette structure ne porte cet identifiant.',
  managerTokenRevocation: 'Un jeton de responsable se révoque en ligne de commande (npm run admin -- token revoke ID).',
  notResultsExport: 'Ce fichier n’est pas un export de résultats (vérifiez sa ligne d’en-tête).',
  kitBadRequest: 'Requête invalide',
  kitSize: '« size » vaut A4 ou A3.',
};

export type ApiStrings = typeof API_FR;
export type ApiKey = keyof ApiStrings;
