import { lazyStrings } from '../../internal/i18n.js';
import type { FlowStrings } from './flow.strings.js';

/**
 * Strings of `<spp-testimony-form>`. The French strings of the first step ship with the element, those of the
 * other steps with the rest of the flow (`flow.strings.ts`); English is one module, loaded only by pages that
 * ask for it (`testimony-form.strings.en.ts`).
 */
export const fr = {
  formTitle: 'Partagez votre expérience',
  intro: 'Racontez comment s’est passé votre contact avec ce service public. Votre témoignage est relu avant publication\u00a0; le service peut y répondre publiquement.',
  required: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
  progress: 'Étape {n} sur {total}',
  notComplaintsTitle: 'Ce n’est pas un service de réclamation',
  notComplaints: 'Votre témoignage aide le service à s’améliorer, mais il ne permet pas de traiter votre situation personnelle.',
  notComplaintsContact: 'Pour votre dossier, contactez directement {name}\u00a0:',
  notComplaintsGeneric: 'Pour votre dossier, contactez directement le service concerné.',
  contactPhone: 'téléphone {phone}',
  contactSite: 'site internet',

  stepFeeling: 'Votre ressenti',
  stepStructures: 'Le service concerné',
  stepChannels: 'Vos moyens de contact',
  stepStory: 'Votre expérience',
  stepContact: 'Vous',
  stepReview: 'Vérifiez et envoyez',

  feelingLegend: 'De façon générale, comment cela s’est-il passé\u00a0? *',
  feeling_positive: 'Positif',
  feeling_neutral: 'Neutre',
  feeling_negative: 'Négatif',
  feelingHint_positive: 'Tout s’est bien passé.',
  feelingHint_neutral: 'Ni bien ni mal.',
  feelingHint_negative: 'Cela s’est mal passé.',

  back: 'Précédent',
  next: 'Continuer',
  submit: 'Envoyer mon témoignage',
  sending: 'Envoi en cours…',
  honeypot: 'Ne remplissez pas ce champ',

  errorSummaryOne: 'Il y a 1 erreur à corriger\u00a0:',
  errorSummaryMany: 'Il y a {count} erreurs à corriger\u00a0:',
  errorPrefix: 'Erreur\u00a0:',

  draftRestored: 'Votre brouillon a été restauré.',
  draftDiscard: 'Effacer le brouillon et recommencer',
  draftDiscarded: 'Brouillon effacé.',
  undo: 'Annuler',
  draftNotKept: 'Ce navigateur n’enregistre pas les brouillons\u00a0: gardez cette page ouverte jusqu’à l’envoi.',

  openForm: 'Donner mon avis',
  close: 'Fermer',
  linkText: 'Donner mon avis sur ce service',
  loadingFlow: 'Chargement du formulaire…',
  flowFailed: 'La suite du formulaire n’a pas pu être chargée. Votre texte est conservé\u00a0; vérifiez votre connexion.',
  retry: 'Réessayer',
};

export type CoreStrings = typeof fr;
export type FormStrings = CoreStrings & FlowStrings;

/** English (`testimony-form.strings.en.ts`), its own chunk, fetched once, on first use; French is `fr` here plus the flow's `frFlow`. */
export const formStrings = lazyStrings<FormStrings>(fr as FormStrings, () => import('./testimony-form.strings.en.js').then((m) => m.en));
