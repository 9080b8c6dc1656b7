/** Hash routes: #/ (scenarios), #/users (admin), #/s/<id>[/v<n>][/edit|/history], #/compare?ids=a,b,c, #/login. */
export type Route =
  | { page: 'scenarios' }
  | { page: 'scenario'; id: string; version?: number; tab: 'dashboard' | 'edit' | 'history' }
  | { page: 'compare'; ids: string[] }
  | { page: 'users' };

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = h.split('?');
  const parts = path.split('/').filter((p) => p !== '');
  if (parts[0] === 's' && parts[1] !== undefined) {
    let version: number | undefined;
    let tab: 'dashboard' | 'edit' | 'history' = 'dashboard';
    for (const p of parts.slice(2)) {
      if (/^v\d+$/.test(p)) version = Number(p.slice(1));
      else if (p === 'edit' || p === 'history') tab = p;
    }
    return { page: 'scenario', id: parts[1], tab, ...(version !== undefined ? { version } : {}) };
  }
  if (parts[0] === 'users') return { page: 'users' };
  if (parts[0] === 'compare') {
    const ids = new URLSearchParams(query).get('ids');
    return { page: 'compare', ids: ids ? ids.split(',').filter((x) => x !== '') : [] };
  }
  return { page: 'scenarios' };
}

export function scenarioHref(id: string, version?: number, tab?: 'edit' | 'history'): string {
  return `#/s/${id}${version !== undefined ? `/v${String(version)}` : ''}${tab ? `/${tab}` : ''}`;
}
