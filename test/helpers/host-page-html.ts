/*
 * The host page's markup, without Node imports: the bench and the e2e tests serve it, browser tests mount its body.
 */

export interface HostPageOptions {
  /** The widgets' script URL (the API origin's `/widgets/spp-widgets.js`); omitted for a static page. */
  scriptUrl?: string;
  /** Markup of the widgets (or their static copy). */
  widgets: string;
  title?: string;
  /** Extra markup at the end of `<head>` (styles, meta). */
  head?: string;
  /** Height of empty space before the widgets, to keep them below the fold at first. */
  spacerPx?: number;
}

/** The page's text around `widgets` (the body's content), for a test that builds the page in its own document. */
export function hostPageBody(widgets: string, spacer = ''): string {
  return `<header><p>République française – Un service public</p></header>
<main>
<h1>Nos engagements de qualité de service</h1>
<p>Ce service participe au programme Services Publics+. Voici notre promesse, nos résultats et ce que vous nous dites.</p>
${spacer}
${widgets}
<p>Pour toute question, contactez-nous par téléphone du lundi au vendredi, de 9 h à 17 h, ou prenez rendez-vous en ligne.</p>
<p>Les informations de cette page sont mises à jour chaque trimestre.</p>
</main>
<footer><p>Mentions légales – Accessibilité : partiellement conforme</p></footer>`;
}

/**
 * A plain content page of a public service, the widgets in the middle of its text: what grows or moves
 * when a widget renders shows up as layout shift of the text after it.
 */
export function hostPageHtml(options: HostPageOptions): string {
  const script = options.scriptUrl ? `<script type="module" src="${options.scriptUrl}"></script>` : '';
  const spacer = options.spacerPx ? `<div class="spacer" style="height:${options.spacerPx}px"></div>` : '';
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title ?? 'Un service public – page de test'}</title>
${script}
${options.head ?? ''}
</head>
<body>
${hostPageBody(options.widgets, spacer)}
</body>
</html>`;
}
