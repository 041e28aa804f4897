/**
 * The words of the pages the server writes itself: the full-page form and tracking page (`form-pages.ts`) and the
 * "stop e-mails" page (`notifications.ts`). French, the reference; English in `pages.strings.en.ts`.
 */
export const PAGES_FR = {
  site: 'Services Publics+',
  formTitle: 'Votre avis sur un service public',
  formTitleNamed: 'Votre avis sur {name}',
  trackingTitle: 'Votre témoignage',
  noscript: 'Ce formulaire a besoin de JavaScript. Activez-le dans votre navigateur, ou contactez directement le service.',
  notFoundTitle: 'Service introuvable',
  notFound: 'Aucun service ne correspond à ce lien.',
  searchInstead: 'Donner votre avis en cherchant le service',
  footer: 'Les témoignages sont relus avant publication. Les données personnelles ne sont jamais publiées.',
  stopTitle: 'Ne plus recevoir d’e-mails',
  stopAsk: 'Vous ne recevrez plus d’e-mails au sujet du témoignage {ref}. Votre témoignage reste tel quel.',
  stopButton: 'Confirmer',
  stopDone: 'C’est fait : vous ne recevrez plus d’e-mails au sujet du témoignage {ref}.',
  stopBad: 'Ce lien n’est pas valide : vérifiez qu’il est complet, tel que reçu dans l’e-mail.',
};

export type PagesStrings = typeof PAGES_FR;
