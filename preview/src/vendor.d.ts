// Types for what the preview uses of untyped packages and of its own generated module.

/** The generated module (cloudfunctions/src/local-runtime/preview/build.ts): the Mini Program, compiled. */
declare module 'preview:app' {
  export interface ManifestEntry {
    path: string;
    kind: 'page' | 'component';
    tagName: string;
    classPrefix: string;
    using: Record<string, string>;
    json: Record<string, unknown>;
  }
  export const manifest: { app: Record<string, unknown>; entries: ManifestEntry[] };
  /** Every WXSS, class-prefixed, rpx written as multiples of var(--rpx). */
  export const styles: string;
  /** Runs wcc's output and returns its `$gwx`: `$gwx('pages/home/home.wxml')` is that template's function. */
  export const templates: () => (wxmlPath: string) => unknown;
  /** Loads (once) the TypeScript module of 'app' or of an entry's path; it calls App, Page or Component. */
  export const loaders: Record<string, () => unknown>;
}

declare module '*.css' {
  const text: string;
  export default text;
}

/** The Mini Program component framework under j-component (miniprogram-simulate's stack). */
declare module 'miniprogram-exparser' {
  export interface ExparserNode {
    $$?: HTMLElement;
    __wxElement?: ExparserNode;
    id?: string;
    dataset?: Record<string, unknown>;
    shadowRoot?: { querySelector(selector: string): ExparserNode | null; querySelectorAll(selector: string): ExparserNode[] };
  }
  export interface ExparserEvent {
    readonly type: string;
  }
  export const Event: {
    create(
      name: string,
      detail: unknown,
      options: { originalEvent?: Event; bubbles: boolean; capturePhase: boolean; composed: boolean; extraFields?: Record<string, unknown> },
    ): ExparserEvent;
    dispatchEvent(target: ExparserNode, event: ExparserEvent): void;
  };
  export const Element: {
    getMethodCaller(node: ExparserNode): unknown;
  };
  export function addGlobalErrorListener(listener: (error: unknown, info: { type?: string; element?: unknown; method?: unknown }) => void): void;
}
