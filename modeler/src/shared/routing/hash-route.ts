// Client-side routing on location.hash: `#/cases/abc?status=running` is path ['cases','abc'] and
// its query. Hash routes need nothing from the server and survive a reload.
import { useEffect, useState } from 'react';

export interface Route {
  readonly path: readonly string[];
  readonly query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [pathText = '', queryText = ''] = text.split('?', 2);
  const path = pathText.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
  return { path, query: new URLSearchParams(queryText) };
}

export function hrefFor(path: readonly string[], query: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const text = search.toString();
  return `#/${path.map((part) => encodeURIComponent(part)).join('/')}${text ? `?${text}` : ''}`;
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}
