// The popup's view of its tab, loaded once and again whenever the tab's findings change in
// storage (a page still loading, a permission just granted): the popup stays live while open.
import { useEffect, useState } from 'preact/hooks';
import { extensionApi } from '../content/runtime/runtime-api';
import type { Storage } from '../shared/browser';
import type { PopupView } from './load-view';

export function usePopupView(load: () => Promise<PopupView>): [PopupView | null, () => void] {
  const [view, setView] = useState<PopupView | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = () => setGeneration((n) => n + 1);

  useEffect(() => {
    let live = true;
    void load().then((next) => {
      if (live) setView(next);
    });
    return () => {
      live = false;
    };
  }, [load, generation]);

  useEffect(() => {
    const onChanged = (_changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'session') reload();
    };
    extensionApi().storage.onChanged.addListener(onChanged);
    return () => extensionApi().storage.onChanged.removeListener(onChanged);
  }, []);

  return [view, reload];
}
