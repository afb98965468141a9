import type { ExparserNode } from 'miniprogram-exparser';

// wx.createSelectorQuery (and a component's this.createSelectorQuery), with the fields the project uses: a
// canvas 2D `node` for the signature pad, `size`, `rect`, `id`, `dataset`, `scrollOffset`. j-component's own
// query has no `node`.

interface Fields {
  id?: boolean;
  dataset?: boolean;
  rect?: boolean;
  size?: boolean;
  node?: boolean;
  scrollOffset?: boolean;
}

interface Request {
  scope: ExparserNode | undefined;
  selector: string;
  single: boolean;
  fields: Fields;
  callback?: (result: unknown) => void;
}

/** Elements that give a `node`: the canvas 2D element the wx-canvas built-in keeps (see builtins.ts). */
export const NODE_OF = new WeakMap<HTMLElement, unknown>();

function describe(node: ExparserNode, fields: Fields): Record<string, unknown> {
  const dom = node.$$;
  const out: Record<string, unknown> = {};
  if (fields.id) out.id = node.id ?? '';
  if (fields.dataset) out.dataset = { ...(node.dataset ?? {}) };
  if (dom && (fields.rect || fields.size)) {
    const r = dom.getBoundingClientRect();
    if (fields.rect) Object.assign(out, { left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    if (fields.size) Object.assign(out, { width: r.width, height: r.height });
  }
  if (dom && fields.scrollOffset) Object.assign(out, { scrollLeft: dom.scrollLeft, scrollTop: dom.scrollTop, scrollWidth: dom.scrollWidth, scrollHeight: dom.scrollHeight });
  if (fields.node) out.node = (dom && NODE_OF.get(dom)) ?? null;
  return out;
}

export class SelectorQuery {
  private readonly requests: Request[] = [];

  constructor(private scope: ExparserNode | undefined) {}

  in(component: { _exparserNode?: ExparserNode }): this {
    this.scope = component._exparserNode;
    return this;
  }

  select(selector: string) {
    return this.nodesRef(selector, true);
  }

  selectAll(selector: string) {
    return this.nodesRef(selector, false);
  }

  private nodesRef(selector: string, single: boolean) {
    const push = (fields: Fields, callback?: (result: unknown) => void) => {
      this.requests.push({ scope: this.scope, selector, single, fields, callback });
      return this;
    };
    return {
      fields: (fields: Fields, callback?: (result: unknown) => void) => push(fields, callback),
      boundingClientRect: (callback?: (result: unknown) => void) => push({ id: true, dataset: true, rect: true, size: true }, callback),
      scrollOffset: (callback?: (result: unknown) => void) => push({ id: true, dataset: true, scrollOffset: true }, callback),
      node: (callback?: (result: unknown) => void) => push({ node: true }, callback),
    };
  }

  exec(callback?: (results: unknown[]) => void): void {
    const requests = this.requests.splice(0);
    requestAnimationFrame(() => {
      const results = requests.map((r) => {
        const root = r.scope?.shadowRoot;
        const found = !root ? [] : r.single ? [root.querySelector(r.selector)].filter((n): n is ExparserNode => !!n) : root.querySelectorAll(r.selector);
        const described = found.map((n) => describe(n, r.fields));
        const result = r.single ? (described[0] ?? null) : described;
        r.callback?.(result);
        return result;
      });
      callback?.(results);
    });
  }
}
