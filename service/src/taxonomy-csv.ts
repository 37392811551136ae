/**
 * A taxonomy from CSV (RFC 4180 quoting): a header row naming the columns `id`, `label`,
 * `category`, `departmentId`, `departmentName` (optional) and `keywords` (optional, `|`-separated).
 */
import { HostError } from '../../src/adapter/errors.js';
import type { Taxonomy } from '../../src/core/model.js';

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

export function parseTaxonomyCsv(text: string): Omit<Taxonomy, 'version'> {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const col = (name: string) => header?.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase()) ?? -1;
  const [id, label, category, departmentId, departmentName, keywords] = ['id', 'label', 'category', 'departmentId', 'departmentName', 'keywords'].map(col);
  if (id! < 0 || label! < 0 || category! < 0 || departmentId! < 0)
    throw new HostError('invalid_request', 'The CSV needs a header with id, label, category and departmentId.', { retryable: false, details: { status: 422 } });
  const departments = new Map<string, string>();
  const causes = rows.map((r) => {
    const dep = r[departmentId!] ?? '';
    if (!departments.has(dep) || (departmentName! >= 0 && r[departmentName!])) departments.set(dep, (departmentName! >= 0 && r[departmentName!]) || departments.get(dep) || dep);
    const words = keywords! >= 0 ? (r[keywords!] ?? '').split('|').map((k) => k.trim()).filter(Boolean) : [];
    return { id: r[id!] ?? '', label: r[label!] ?? '', category: r[category!] ?? '', departmentId: dep, ...(words.length ? { keywords: words } : {}) };
  });
  return { departments: [...departments].map(([id, name]) => ({ id, name })), causes };
}
