import type { ElementLoaders } from '../internal/autoloader.js';

/**
 * Every element the autoloader knows, tag → module. One line per element; the build makes each module its own
 * file, so a page pays only for the tags it holds.
 */
export const ELEMENT_LOADERS: ElementLoaders = {
  'spp-engagements': () => import('./engagements/engagements.js'),
  'spp-improvements': () => import('./improvements/improvements.js'),
  'spp-results': () => import('./results/results.js'),
  'spp-testimonies': () => import('./testimonies/testimonies.js'),
  'spp-testimony-form': () => import('./testimony-form/testimony-form.js'),
  'spp-testimony-tracking': () => import('./testimony-tracking/testimony-tracking.js'),
};
