import { Spin } from 'antd';
import { type ComponentType, lazy, type LazyExoticComponent } from 'react';

/**
 * A page loaded with its route: its module (and the libraries only it uses) is a chunk of its
 * own, fetched the first time the page is shown, so the first screen does not wait for every
 * screen of the app. `load` is a dynamic import; `name` the page's named export.
 */
export function lazyPage<Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/**
 * What a page area shows while its chunk loads: nothing for the first 200 ms (a local chunk
 * usually comes sooner, and a flash of a spinner is worse than a blink), then a spinner where
 * the page will be. The shell and the workspace sidebar stay as they are.
 */
export function PageLoading() {
  return <Spin delay={200} className="page page-loading" data-testid="page-loading" />;
}
