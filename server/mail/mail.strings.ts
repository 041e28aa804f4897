/**
 * The e-mails' texts in French: the reference table (English in `mail.strings.en.ts`, same keys). `{name}`
 * placeholders are filled by `format` (server/i18n.ts); `_one` / `_other` keys are chosen by count.
 */
export const MAIL_FR = {
  hello: 'Bonjour,',
  reference: 'Référence\u00a0: {reference}',
  follow: 'Suivre votre témoignage',
  stop: 'Ne plus recevoir d’e-mails sur ce témoignage',
  footer: 'Vous recevez cet e-mail parce que vous avez accepté d’être contacté au sujet de ce témoignage sur Services Publics+.',
  publishedSubject: 'Votre témoignage {reference} est publié',
  publishedBody: 'Votre témoignage sur {names} a été relu et publié. Le service peut maintenant y répondre publiquement.',
  repliedSubject: 'Réponse du service à votre témoignage {reference}',
  repliedBody: '{name} a répondu à votre témoignage\u00a0:',
  rejectedSubject: 'Votre témoignage {reference} n’a pas été publié',
  rejectedBody: 'Votre témoignage a été relu et n’a pas été publié selon la charte de modération\u00a0:',
  'reason-personal_data': 'il contenait des données personnelles.',
  'reason-insults': 'il contenait des propos injurieux.',
  'reason-out_of_scope': 'il ne concernait pas un service public.',
  'reason-individual_complaint': 'il s’agissait d’une réclamation individuelle, à adresser directement au service.',
  'reason-duplicate': 'il faisait doublon avec un autre témoignage.',
  'reason-spam': 'il a été considéré comme indésirable.',
  'instead-personal_data': 'Vous pouvez raconter à nouveau votre expérience sans nom, adresse, numéro de dossier ni coordonnées.',
  'instead-insults': 'Vous pouvez raconter à nouveau votre expérience en termes respectueux\u00a0: elle sera relue.',
  'instead-out_of_scope': 'Services Publics+ recueille les expériences vécues avec un service public.',
  'instead-individual_complaint': 'Pour que votre situation soit traitée, adressez-vous directement au service\u00a0:',
  'instead-duplicate': 'Votre expérience figure déjà dans un autre témoignage.',
  'instead-spam': 'Si c’est une erreur, vous pouvez raconter à nouveau votre expérience.',
  digestSubject_one: '{name}\u00a0: {count} témoignage en attente',
  digestSubject_other: '{name}\u00a0: {count} témoignages en attente',
  digestIntro: 'Voici les témoignages qui attendent {name} aujourd’hui.',
  digestPending: 'À modérer ({count})',
  digestUnanswered: 'Publiés sans réponse depuis plus de {days} jours ({count})',
  digestSince: 'reçu le',
  digestPublishedOn: 'publié le',
  digestOpen: 'Ouvrir l’espace agent',
  digestFooter: 'Vous recevez ce récapitulatif quotidien parce que le responsable de la structure a indiqué votre adresse. Il peut la retirer.',
  testSubject: 'Services Publics+ : e-mail de test',
  testBody: 'Cet e-mail de test confirme que le serveur Services Publics+ peut envoyer des e-mails.',
};

export type MailStrings = typeof MAIL_FR;
