/** Hash routing hooks (the route grammar is in routes.ts). */
import { useEffect, useState } from 'react';
import { parseRoute, type Route } from './routes.js';

export { parseRoute, scenarioHref, type Route } from './routes.js';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => {
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
