/** Hash routing hooks (the route grammar is in routes.ts). */
import { useEffect, useState } from 'react';
import { parseRoute, type Route } from './routes.js';

export { parseRoute, scenarioHref, type Route } from './routes.js';

/** Asked before the route changes (the editor's unsaved-changes question); false stays. */
let leaveGuard: (() => boolean) | undefined;
let shownHash = typeof window === 'undefined' ? '' : window.location.hash;

/** Sets the guard; returns its release. */
export function setLeaveGuard(guard: () => boolean): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = undefined;
  };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => {
      if (window.location.hash === shownHash) return;
      if (leaveGuard && !leaveGuard()) {
        // Stay: put the address back without another hashchange.
        history.replaceState(null, '', shownHash === '' ? window.location.pathname : shownHash);
        return;
      }
      shownHash = window.location.hash;
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', on);
    return () => {
      window.removeEventListener('hashchange', on);
    };
  }, []);
  return route;
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}
