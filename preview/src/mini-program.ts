import * as jComponent from 'j-component';
import { type ManifestEntry, loaders, manifest, templates } from 'preview:app';
import { writeId } from './builtins';
import { describeError, reportProblem } from './problems';
import { SelectorQuery } from './wx/selector-query';

// The Mini Program's own code, registered with j-component as miniprogram-simulate does for the page tests:
// each page's and component's module runs once, its Component() or Page() call registered under its path with
// the template wcc compiled and a class prefix of its own. A page is a component whose functions are its methods
// (the router calls its lifecycle), as in the page tests' setup.

type Definition = Record<string, any>;

const register = jComponent.register as unknown as (definition: Definition) => string;

let loading: { entry: ManifestEntry; template: unknown } | undefined;
let app: Definition = { globalData: {} };

const behavior = jComponent.behavior as unknown as (definition: Definition) => string;

/**
 * What every component gets beyond j-component: its id on its element (see writeId), a createSelectorQuery that
 * knows canvas nodes, and the `ready` lifetime for a component rendered after its page was attached (j-component fires it only at attach, WeChat
 * whenever a component is first laid out: the signature pad sets its canvas up in `ready`).
 */
const previewBehavior = behavior({
  lifetimes: {
    created(this: Definition) {
      this.createSelectorQuery = () => new SelectorQuery(this._exparserNode);
    },
    attached(this: Definition) {
      writeId(this._exparserNode);
      Promise.resolve().then(() => {
        if (!this.previewReady) this._exparserNode.triggerLifeTime('ready');
      });
    },
    ready(this: Definition) {
      this.previewReady = true;
    },
  },
});

function Component(options: Definition): void {
  if (!loading) {
    reportProblem('Component() or Page() was called outside the loading of a page or component module');
    return;
  }
  const { entry, template } = loading;
  register({
    ...options,
    id: entry.path,
    path: entry.path,
    template,
    usingComponents: entry.using,
    tagName: entry.tagName,
    behaviors: [...(options.behaviors ?? []), previewBehavior],
    options: { ...options.options, classPrefix: entry.classPrefix },
  });
  loading = undefined;
}

function Page(options: Definition): void {
  const { data, behaviors, ...rest } = options;
  const methods: Definition = {};
  const fields: Definition = {};
  for (const [key, value] of Object.entries(rest)) (typeof value === 'function' ? methods : fields)[key] = value;
  Component({
    data,
    behaviors,
    methods,
    lifetimes: {
      created(this: Definition) {
        Object.assign(this, fields);
      },
    },
  });
}

function App(options: Definition): void {
  app = options;
  app.globalData ??= {};
}

/** Installs the Mini Program's globals, then loads app.ts and every page and component of the manifest. */
export function loadMiniProgram(globals: { getCurrentPages: () => unknown[] }): Definition {
  Object.assign(globalThis, { App, Page, Component, Behavior: behavior, getApp: () => app, getCurrentPages: globals.getCurrentPages });
  // wcc's runtime reads this as the WebView engine's version (miniprogram-simulate sets the same).
  Object.assign(window, { __webview_engine_version__: 0.02 });
  const gwx = templates();
  const run = (what: string, load: () => unknown) => {
    try {
      load();
    } catch (e) {
      reportProblem(`${what} failed to load: ${describeError(e)}`);
    }
  };
  run('app.ts', loaders.app!);
  for (const entry of manifest.entries) {
    loading = { entry, template: gwx(`${entry.path}.wxml`) };
    run(`${entry.path}.ts`, loaders[entry.path]!);
    if (loading) reportProblem(`${entry.path}.ts did not call ${entry.kind === 'page' ? 'Page' : 'Component'}()`);
    loading = undefined;
  }
  return app;
}
