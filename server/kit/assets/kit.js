// The kit page's only script: copy buttons (text, HTML, a post's edited text) and the posts' character counts.
// Loaded as a file (strict CSP, no inline script); without it the page still shows and lets one select every text.
const status = document.getElementById('copy-status');
const LIMIT = 280;

/** The HTML of an edited block, without the editing attributes the browser may have added. */
function cleanHtml(element) {
  const copy = element.cloneNode(true);
  for (const node of copy.querySelectorAll('*')) {
    for (const name of [...node.getAttributeNames()]) {
      if (!(node.localName === 'a' && name === 'href')) node.removeAttribute(name);
    }
  }
  return copy.innerHTML.replace(/\n\s*\n/g, '\n').trim();
}

async function writeClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (a page served over plain HTTP) or permission refused: the old way, from a selection.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

function announce(message, failed) {
  // Emptied first so that the same message, said twice, is announced twice.
  status.textContent = '';
  status.classList.toggle('failed', failed);
  setTimeout(() => (status.textContent = message), 50);
}

document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
  if (!button) return;
  const target = document.getElementById(button.dataset.target);
  if (!target) return;
  const kind = button.dataset.copy;
  const text = kind === 'html' ? cleanHtml(target) : kind === 'value' ? target.value : target.innerText.trim();
  const ok = await writeClipboard(text);
  announce(ok ? status.dataset.copied : status.dataset.failed, !ok);
});

for (const count of document.querySelectorAll('[data-count-for]')) {
  const area = document.getElementById(count.dataset.countFor);
  const template = count.textContent.replace(/^\d+/, '');
  const update = () => {
    const n = [...area.value].length;
    count.textContent = `${n}${template}`;
    count.classList.toggle('over', n > LIMIT);
  };
  area.addEventListener('input', update);
}

for (const tools of document.querySelectorAll('.tools[hidden]')) tools.hidden = false;
