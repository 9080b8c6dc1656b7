/** Whether the viewport is phone-narrow (≤ 760 px, the layout's breakpoint), kept current. */
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 760px)';

function subscribe(on: () => void): () => void {
  const m = window.matchMedia(QUERY);
  m.addEventListener('change', on);
  return () => {
    m.removeEventListener('change', on);
  };
}

export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}
