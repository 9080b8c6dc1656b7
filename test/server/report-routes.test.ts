// Report downloads through app.request() on every store backend: content types, file names,
// the HTML report's own CSP, access rules (as reading the version: another user's private
// scenario is 404), and that the files are what they claim (HTML document, %PDF, XLSX zip with
// the appraisal's sources). The PDF case starts Debian's Chromium (/usr/bin/chromium).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/server/index.js';
import type { KyselyStore } from '../../src/store/index.js';
import { at, Client } from '../helpers/api-client.js';
import { ROOT } from '../helpers/run-cli.js';
import { BACKENDS } from '../helpers/store-backends.js';
import { testServer } from '../helpers/test-server.js';

const RAW = readFileSync(join(ROOT, 'scenarios/aktobe-raw-export.yaml'), 'utf8');

describe.each(BACKENDS)('report routes on $name', (backend) => {
  let store: KyselyStore;
  let app: ReturnType<typeof createApp>;
  let owner: Client;
  let other: Client;
  let anon: Client;
  let privateId: string;

  beforeAll(async () => {
    store = await backend.open();
    const server = await testServer(store, { now: () => new Date('2026-03-04T05:06:07Z') });
    app = server.app;
    anon = new Client(app);
    owner = await server.register('owner', 'editor');
    other = await server.register('other', 'editor');
    const created = await owner.post('/api/scenarios', {
      text: RAW,
      name: 'Raw export <private>',
      visibility: 'private',
    });
    expect(created.status).toBe(201);
    privateId = at(created.body, 'scenario', 'id') as string;
  });
  afterAll(async () => {
    await backend.dispose(store);
  });

  const path = (ext: string, version = 1, id = privateId) =>
    `/api/scenarios/${id}/versions/${version}/report.${ext}`;

  it('HTML: inline, text/html, its own CSP (no script, nothing loaded), the scenario in it', async () => {
    const r = await owner.get(path('html'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(
      'inline; filename="raw-export-private-v1.html"',
    );
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    expect(csp).not.toContain('script-src');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.text).toContain('scenario &quot;Raw export &lt;private&gt;&quot; version 1');
    expect(r.text).toContain('generated 2026-03-04T05:06:07.000Z');
    expect(r.text).not.toMatch(/<script/i);
  });

  it('XLSX: attachment with the spreadsheet type; About and Assumptions sheets', async () => {
    const res = await app.request(`http://localhost${path('xlsx')}`, {
      headers: { cookie: owner.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="raw-export-private-v1.xlsx"',
    );
    const bytes = await res.arrayBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    // One stage: one set of formula sheets (Inputs, Cash flow, Model table), no Project sheet.
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'About',
      'Inputs',
      'Cash flow',
      'Model table',
      'Stages',
      'Assumptions',
    ]);
    const appraisal = await owner.post('/api/appraise', RAW);
    const sources = at(appraisal.body, 'sources') as unknown[];
    expect(wb.getWorksheet('Assumptions')!.actualRowCount).toBe(1 + sources.length);
  });

  it('PDF: attachment, application/pdf, a PDF file', async () => {
    const res = await app.request(`http://localhost${path('pdf')}`, {
      headers: { cookie: owner.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="raw-export-private-v1.pdf"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  }, 120_000);

  it('same access as reading the version: 401 anonymous, 404 for another user’s private scenario, unknown version or id; 400 bad version', async () => {
    for (const ext of ['html', 'pdf', 'xlsx']) {
      expect((await anon.get(path(ext))).status).toBe(401);
      const hidden = await other.get(path(ext));
      expect(hidden.status).toBe(404);
      expect(at(hidden.body, 'error')).toBe('not_found');
      expect((await owner.get(path(ext, 9))).status).toBe(404);
      expect((await owner.get(path(ext, 1, 'nope'))).status).toBe(404);
    }
    const bad = await owner.get(`/api/scenarios/${privateId}/versions/0/report.html`);
    expect(bad.status).toBe(400);
    expect((await owner.get(`/api/scenarios/${privateId}/versions/1/report.docx`)).status).toBe(
      404,
    );
  });

  it('a shared scenario’s report is readable by every logged-in user', async () => {
    const list = at((await other.get('/api/scenarios')).body, 'scenarios') as {
      id: string;
      name: string;
      visibility: string;
    }[];
    const shared = list.find((s) => s.visibility === 'shared' && /raw/i.test(s.name));
    expect(shared).toBeDefined();
    const r = await other.get(path('html', 1, shared!.id));
    expect(r.status).toBe(200);
  });
});
