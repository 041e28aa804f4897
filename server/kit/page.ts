import type { Lang } from '../../src/contract/index.js';
import { commitmentsOf, type KitData } from './data.js';
import { escapeHtml } from '../http/html.js';
import { formatDate, KIT } from './format.js';
import { socialImages } from './social.js';
import { figureLines, keyMessages, longArticle, nationalFigures, posts, POST_MAX, quoteOf, shortArticle, type Block } from './text.js';
import { format } from '../i18n.js';

/**
 * `GET /kit/{code}`: the page a structure's communication officer works from. Plain server HTML under a strict
 * CSP (one stylesheet, one small script for the copy buttons and the character counts); every text block is
 * editable in place and copyable as text or HTML; the downloads are links to the files of the kit.
 */

const h = escapeHtml;

function blocksHtml(blocks: Block[], level: number): string {
  return blocks
    .map((block) => {
      if (block.kind === 'ul') return `<ul>${block.items.map((item) => `<li>${h(item)}</li>`).join('')}</ul>`;
      if (block.kind === 'h') return `<h${level}>${h(block.text)}</h${level}>`;
      return `<p>${h(block.text)}</p>`;
    })
    .join('\n');
}

function editable(id: string, title: string, content: string, t: (typeof KIT)[Lang]): string {
  return `<div class="block">
  <h3 id="${id}-title">${h(title)}</h3>
  <div class="tools" hidden>
    <button type="button" class="button" data-copy="text" data-target="${id}" aria-describedby="${id}-title">${t.copyText}</button>
    <button type="button" class="button secondary" data-copy="html" data-target="${id}" aria-describedby="${id}-title">${t.copyHtml}</button>
  </div>
  <div id="${id}" class="editable" contenteditable="true" role="textbox" aria-multiline="true" aria-label="${h(format(t.editable, { what: title }))}" spellcheck="true">
${content}
  </div>
</div>`;
}

function header(lang: Lang, switchHref: string): string {
  const t = KIT[lang];
  return `<header class="bar">
  <div class="bar-inner">
    <p class="brand">Services Publics <span class="plus">+</span></p>
    <a class="lang" href="${h(switchHref)}" hreflang="${t.otherLang}" lang="${t.otherLang}">${t.switchLang}</a>
  </div>
</header>`;
}

export function pageShell(lang: Lang, title: string, body: string, switchHref: string): string {
  const t = KIT[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${h(title)} – ${t.site}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/kit/assets/kit.css">
<script type="module" src="/kit/assets/kit.js"></script>
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
${header(lang, switchHref)}
<main id="main" class="page">
${body}
</main>
<footer class="page footer"><p>${t.footer}</p></footer>
</body>
</html>
`;
}

export function notFoundPage(lang: Lang, switchHref: string): string {
  const t = KIT[lang];
  return pageShell(lang, t.notFoundTitle, `<h1>${t.notFoundTitle}</h1>\n<p>${t.notFound}</p>\n<p><a href="/configurator">${t.configurator}</a></p>`, switchHref);
}

export function kitPage(data: KitData): string {
  const t = KIT[data.lang];
  const { structure } = data;
  const code = encodeURIComponent(structure.code);
  const q = data.lang === 'en' ? '?lang=en' : '';
  const file = (path: string) => `/kit/${code}/${path}${q}`;
  const en = data.lang === 'en';
  const place = [structure.network.name, structure.city].filter(Boolean).join(' · ');

  const toc = [
    ['messages', `${t.keyMessages} · ${t.keyFigures}`],
    ['articles', t.articles],
    ['posts', t.posts],
    ['words', t.words],
    ['downloads', t.downloads],
  ];

  const figures = figureLines(data);
  const messages = `<h4>${t.keyMessages}</h4>\n${blocksHtml([{ kind: 'ul', items: keyMessages(data) }], 4)}
<h4>${t.keyFigures}</h4>\n${blocksHtml([{ kind: 'ul', items: nationalFigures(data.lang) }], 4)}${
    figures.length
      ? `\n<h4>${h(format(t.ourFigures, { name: structure.name }))}</h4>\n<p>${h(format(t.updated, { date: formatDate(data.updatedAt ?? '', data.lang) }))}</p>\n${blocksHtml([{ kind: 'ul', items: figures }], 4)}`
      : ''
  }`;

  const postItems = posts(data)
    .map(
      (post) => `<li class="post">
  <label for="post-${post.id}">${h(post.label)}</label>
  <textarea id="post-${post.id}" rows="4" aria-describedby="post-${post.id}-count">${h(post.text)}</textarea>
  <p class="count" id="post-${post.id}-count" data-count-for="post-${post.id}">${format(t.characters, { count: post.text.length })}</p>
  <div class="tools" hidden><button type="button" class="button" data-copy="value" data-target="post-${post.id}" aria-describedby="post-${post.id}">${t.copyText}</button></div>
</li>`,
    )
    .join('\n');

  const words = data.engagements
    .map((e) => {
      const quote = quoteOf(data, e.number);
      const mine = commitmentsOf(data, e.number);
      return `<li class="engagement">
  <h3><span class="number">${e.number}</span> ${h(e.text)}</h3>
  ${quote ? `<figure class="quote"><blockquote><p>«\u00a0${h(quote.replace(/^«\s*|\s*»$/g, ''))}\u00a0»</p></blockquote><figcaption>${t.quoteLabel}</figcaption></figure>` : ''}
  <div class="mine"><p class="mine-title">${t.yourCommitments}</p>${mine.length ? `<ul>${mine.map((c) => `<li${en ? ' lang="fr"' : ''}>${h(c)}</li>`).join('')}</ul>` : `<p>${t.noCommitment}</p>`}</div>
</li>`;
    })
    .join('\n');

  const images = socialImages(data)
    .map(
      (image) => `<li class="image">
  <figure>
    <img src="${file(`social/${image.n}.png`)}" alt="${h(image.alt)}" width="1200" height="630" loading="lazy">
    <figcaption><span class="alt-label">${t.altText}</span> <span class="alt" id="alt-${image.n}">${h(image.alt)}</span></figcaption>
  </figure>
  <p><a href="${file(`social/${image.n}.png`)}" download="${h(`${structure.code}-${image.n}.png`)}">${t.download} <span class="visually-hidden">${h(image.alt.slice(0, 60))}…</span> (PNG)</a></p>
  <div class="tools" hidden><button type="button" class="button secondary" data-copy="text" data-target="alt-${image.n}" aria-describedby="alt-${image.n}">${t.copyAlt}</button></div>
</li>`,
    )
    .join('\n');

  const downloads = [
    [file('engagements.pdf'), t.engagementsA4],
    [file('engagements.pdf') + (q ? '&' : '?') + 'size=A3', t.engagementsA3],
    ...(data.figures.length ? [[file('results.pdf'), t.resultsPdf]] : []),
    [file('signature.html'), t.signature],
  ]
    .map(([href, label]) => `<li><a href="${h(href!)}">${label}</a></li>`)
    .join('\n');

  const body = `<h1>${h(format(t.kitTitle, { name: structure.name }))}</h1>
<p class="meta">${h(place)} · ${t.spCode} ${h(structure.code)}</p>
<p>${t.intro}</p>
${data.figures.length ? '' : `<div class="notice" id="no-results"><p>${t.noResults}</p></div>`}
<nav aria-label="${t.contents}"><ul class="toc">${toc.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join('')}</ul></nav>

<section id="messages" aria-labelledby="messages-title">
<h2 id="messages-title">${t.keyMessages} · ${t.keyFigures}</h2>
${editable('key-messages', t.messagesBlock, messages, t)}
</section>

<section id="articles" aria-labelledby="articles-title">
<h2 id="articles-title">${t.articles}</h2>
${editable('long-article', t.longArticle, blocksHtml(longArticle(data), 4).replace(/^<h4>/, '<h4 class="article-title">'), t)}
${editable('short-article', t.shortArticle, blocksHtml(shortArticle(data), 4), t)}
</section>

<section id="posts" aria-labelledby="posts-title">
<h2 id="posts-title">${t.posts}</h2>
<p>${format(t.postsHint, { max: POST_MAX })}</p>
<ul class="posts">
${postItems}
</ul>
</section>

<section id="words" aria-labelledby="words-title">
<h2 id="words-title">${t.words}</h2>
<p>${t.wordsHint}</p>
<ol class="engagements">
${words}
</ol>
</section>

<section id="downloads" aria-labelledby="downloads-title">
<h2 id="downloads-title">${t.downloads}</h2>
<ul class="downloads">
${downloads}
</ul>
<h3>${t.images}</h3>
<ul class="images">
${images}
</ul>
</section>
<p class="status" role="status" id="copy-status" data-copied="${h(t.copied)}" data-failed="${h(t.copyFailed)}"></p>`;
  return pageShell(data.lang, format(t.kitTitle, { name: structure.name }), body, `/kit/${code}${en ? '' : '?lang=en'}`);
}
