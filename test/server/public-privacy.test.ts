import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PiiFinding } from '../../src/contract/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { admin, agentToken, submitTestimony } from '../helpers/admin.js';

/**
 * Publishes testimonies that carried e-mail addresses and flagged personal data, through every moderation
 * path, then reads every public GET route of the OpenAPI document (each structure, each testimony, each
 * filter, both languages) and asserts none of that data is anywhere in any answer.
 */
const CONTACT = 'claire.contact-secret@example.org';
const IN_STORY_EMAIL = 'perso.cachee@example.net';
const PHONE = '07 98 76 54 32';
const FILE_NUMBER = '4455667';
const REJECTED_EMAIL = 'jamais.publie@example.org';
const DETECTED_PHONE = '+33 6 11 22 33 44';
const DETECTED_EMAIL = 'detecte.serveur@example.fr';
const SECRETS = [CONTACT, IN_STORY_EMAIL, PHONE, FILE_NUMBER, REJECTED_EMAIL, DETECTED_PHONE, DETECTED_EMAIL, 'claire.contact-secret'];

describe('public routes never expose an e-mail address or flagged personal data', () => {
  let server: TestServer;
  const references: { reference: string; token: string }[] = [];
  const structures = ['CAF-69', 'CAF-69-VLB', 'CPAM-33', 'CNAF'];

  const at = (text: string, needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
  const flag = (reference: string, findings: PiiFinding[]) =>
    server.store.db.updateTable('testimonies').set({ pii_flags: JSON.stringify(findings) }).where('reference', '=', reference).execute();

  before(async () => {
    server = await startTestServer();
    const agent = await agentToken(server.store, ['CAF-69', 'CPAM-33']);

    // 1. Flagged e-mail, phone and file number (as the detector stores them), published as is: masked on publish.
    const title = `Dossier allocataire ${FILE_NUMBER} bloqué`;
    const body = `Écrivez-moi sur ${IN_STORY_EMAIL} ou au ${PHONE}, j’attends depuis deux mois une réponse sur mon dossier.`;
    const one = await submitTestimony(server.app, { title, body, email: CONTACT, contactConsent: true, structures: ['CAF-69', 'CPAM-33'] });
    await flag(one.reference, [
      { field: 'title', kind: 'file_number', ...at(title, FILE_NUMBER) },
      { field: 'body', kind: 'email', ...at(body, IN_STORY_EMAIL) },
      { field: 'body', kind: 'phone', ...at(body, PHONE) },
    ]);
    await admin(server.app, 'POST', `/api/v1/admin/testimonies/${one.reference}/publish`, agent, { tags: ['reactivity'] });
    await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${one.reference}/replies/CAF-69`, agent, { body: 'Nous regardons votre dossier.', signature: 'CAF du Rhône' });
    await admin(server.app, 'PUT', `/api/v1/admin/testimonies/${one.reference}/replies/CPAM-33`, agent, { body: 'Bien reçu.', signature: 'CPAM' });
    references.push(one);

    // 2. The story repeats the contact e-mail; nothing flagged by a detector.
    const two = await submitTestimony(server.app, {
      body: `Vous pouvez me répondre sur ${CONTACT.toUpperCase()} car je n’ai pas eu de nouvelles depuis ma visite.`,
      email: CONTACT,
      contactConsent: true,
      structures: ['CAF-69-VLB'],
    });
    await admin(server.app, 'POST', `/api/v1/admin/testimonies/${two.reference}/publish`, agent, {});
    references.push(two);

    // 3. Masked one finding at a time, then the agent's own edit that re-types the phone number, then published.
    const body3 = `Mon numéro est le ${PHONE} et mon e-mail ${IN_STORY_EMAIL} : personne ne m’a rappelé malgré mes relances.`;
    const three = await submitTestimony(server.app, { body: body3, structures: ['CPAM-33'] });
    await flag(three.reference, [
      { field: 'body', kind: 'phone', ...at(body3, PHONE) },
      { field: 'body', kind: 'email', ...at(body3, IN_STORY_EMAIL) },
    ]);
    await admin(server.app, 'POST', `/api/v1/admin/testimonies/${three.reference}/mask`, agent, { findings: [1] });
    await admin(server.app, 'POST', `/api/v1/admin/testimonies/${three.reference}/mask`, agent, {
      body: `Rappelez-moi au ${PHONE} : personne ne m’a rappelé malgré mes nombreuses relances auprès de l’accueil.`,
    });
    await admin(server.app, 'POST', `/api/v1/admin/testimonies/${three.reference}/publish`, agent, {});
    references.push(three);

    // 4. Flagged by the server's own detector at submission, published without any masking step.
    const detected = await submitTestimony(server.app, {
      body: `Je suis joignable au ${DETECTED_PHONE} ou sur ${DETECTED_EMAIL}, et personne ne m’a rappelé depuis.`,
      structures: ['CAF-69'],
    });
    const flags = await admin(server.app, 'GET', `/api/v1/admin/testimonies/${detected.reference}`, agent);
    assert.deepEqual(flags.json().piiFlags.map((f: PiiFinding) => f.kind).sort(), ['email', 'phone'], 'the detector flagged both');
    await admin(server.app, 'POST', `/api/v1/admin/testimonies/${detected.reference}/publish`, agent, {});
    references.push(detected);

    // 5. Published, then rejected; 5. still pending. Neither may show anything.
    const four = await submitTestimony(server.app, { email: REJECTED_EMAIL, contactConsent: true, title: `Écrire à ${REJECTED_EMAIL}` });
    await admin(server.app, 'POST', `/api/v1/admin/testimonies/${four.reference}/publish`, agent, { title: 'Titre sans donnée' });
    await admin(server.app, 'POST', `/api/v1/admin/testimonies/${four.reference}/reject`, agent, { reason: 'personal_data' });
    references.push(four);
    references.push(await submitTestimony(server.app, { email: REJECTED_EMAIL, contactConsent: true, body: `En attente, écrivez à ${REJECTED_EMAIL} svp, merci beaucoup.` }));
  });
  after(() => server.close());

  async function publicUrls(): Promise<string[]> {
    const doc = (await server.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const urls: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (path.startsWith('/api/v1/admin/') || !methods.get) continue;
      const expanded = path.includes('{reference}')
        ? references.map(({ reference, token }) => `${path.replace('{reference}', reference)}?token=${token}`)
        : path.includes('{code}')
          ? structures.map((code) => path.replace('{code}', code))
          : [path];
      for (const url of expanded) {
        const sep = url.includes('?') ? '&' : '?';
        urls.push(url, `${url}${sep}lang=en`);
        if (url.endsWith('/testimonies')) {
          for (const filter of ['feeling=negative', 'tag=reactivity', 'channel=phone', 'limit=50']) urls.push(`${url}?${filter}`);
        }
      }
    }
    return urls;
  }

  it('reads every public GET route, and the published testimonies are really in the answers', async () => {
    const urls = await publicUrls();
    assert.ok(urls.some((u) => u.includes('/testimonies?')) && urls.some((u) => u.includes('/improvements')), urls.join('\n'));
    const listing = (await server.app.inject({ url: '/api/v1/structures/CAF-69/testimonies?limit=50' })).body;
    assert.ok(listing.includes(references[0]!.reference), 'testimony 1 is published');
    assert.ok(listing.includes('[donnée masquée]'), 'with its personal data masked');
    const cpam = (await server.app.inject({ url: '/api/v1/structures/CPAM-33/testimonies?limit=50' })).body;
    assert.ok(cpam.includes(references[2]!.reference), 'testimony 3 is published');
  });

  it('finds no e-mail address and no flagged text in any of them', async () => {
    const urls = await publicUrls();
    let read = 0;
    for (const url of urls) {
      const res = await server.app.inject({ url });
      assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
      const text = res.body.toLowerCase();
      for (const secret of SECRETS) assert.ok(!text.includes(secret.toLowerCase()), `${url} exposes "${secret}"`);
      assert.doesNotMatch(res.body, /[\w.+-]+@[\w-]+\.[\w.]+/, `${url} holds an e-mail address`);
      read += 1;
    }
    assert.ok(read >= 40, `read ${read} answers`);
  });
});
