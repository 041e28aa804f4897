/**
 * The one script a webmaster pastes:
 *
 *     <script type="module" src="https://API-HOST/widgets/spp-widgets.js"></script>
 *
 * It defines nothing by itself; it watches the page for `spp-*` tags and imports only those elements.
 */
import { createAutoloader } from './internal/autoloader.js';
import { ELEMENT_LOADERS } from './elements/catalog.js';

export const autoloader = createAutoloader(ELEMENT_LOADERS);
