import type { KitData } from './data.js';
import { format } from '../i18n.js';
import { escapeHtml } from '../http/html.js';
import { KIT } from './format.js';

/**
 * The e-mail signature block: what mail clients keep (Gmail and Outlook drop `<style>`, classes and web fonts):
 * a table layout, inline styles only, system fonts, absolute links, no image (often blocked by default), so the
 * SP+ mark is drawn with text and borders. The document's body holds only the block, ready to paste or import.
 */
export function signatureHtml(data: KitData): string {
  const name = escapeHtml(data.structure.name);
  const network = escapeHtml(data.structure.network.name);
  const font = 'font-family:Arial,Helvetica,sans-serif;';
  const link = `${font}color:#000091;text-decoration:underline;font-size:13px;`;
  const t = KIT[data.lang];
  return `<!doctype html>
<html lang="${data.lang}">
<head>
<meta charset="utf-8">
<title>${format(t.signatureTitle, { name })}</title>
</head>
<body>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;max-width:600px;${font}color:#161616;">
  <tr>
    <td style="border-left:4px solid #000091;padding:4px 0 4px 12px;vertical-align:top;">
      <p style="margin:0 0 2px 0;${font}font-size:15px;font-weight:bold;color:#161616;">${name}</p>
      <p style="margin:0 0 8px 0;${font}font-size:12px;color:#3a3a3a;">${network}</p>
      <p style="margin:0 0 2px 0;${font}font-size:14px;font-weight:bold;color:#000091;">Services Publics <span style="color:#e1000f;">+</span></p>
      <p style="margin:0 0 8px 0;${font}font-size:12px;color:#3a3a3a;">${t.signatureTagline}</p>
      <p style="margin:0;${font}font-size:13px;"><a href="${escapeHtml(data.links.results)}" style="${link}">${t.signatureResults}</a> &middot; <a href="${escapeHtml(data.links.form)}" style="${link}">${t.signatureOpinion}</a></p>
    </td>
  </tr>
</table>
</body>
</html>
`;
}
