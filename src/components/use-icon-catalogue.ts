import { useEffect, useState } from 'react';
import type * as Catalogue from './icon-catalogue.ts';

// Loads lucide's full catalogue (icon-catalogue.ts) once, on demand, for whoever needs it first.
// The service worker precaches the chunk with the rest of the build, so it loads offline too.

export type IconCatalogue = typeof Catalogue;

let loaded: IconCatalogue | undefined;
let loading: Promise<IconCatalogue> | undefined;

export function loadIconCatalogue(): Promise<IconCatalogue> {
  loading ??= import('./icon-catalogue.ts').then(
    (catalogue) => (loaded = catalogue),
    (error: unknown) => {
      loading = undefined; // a failed fetch (offline before the worker cached it) may be retried
      throw error;
    },
  );
  return loading;
}

/** The catalogue once loaded, else undefined (and starts loading when `wanted`). */
export function useIconCatalogue(wanted: boolean): IconCatalogue | undefined {
  const [catalogue, setCatalogue] = useState(loaded);
  useEffect(() => {
    if (!wanted || catalogue !== undefined) return;
    let live = true;
    loadIconCatalogue().then(
      (c) => live && setCatalogue(c),
      () => undefined, // the fallback icon stays; the picker says it could not load
    );
    return () => {
      live = false;
    };
  }, [wanted, catalogue]);
  return catalogue;
}
