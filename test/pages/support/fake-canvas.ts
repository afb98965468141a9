// A 2D canvas for page tests: wx.createSelectorQuery() finds it, and its context records what is drawn.

export interface FakeCanvas {
  width: number;
  height: number;
  /** Context calls in order, e.g. 'scale(2,2)', 'lineTo(30,40)'. */
  drawn: string[];
  getContext(type: string): unknown;
  /** An image that loads (calls onload) a tick after its src is set. */
  createImage(): { src: string; onload: () => void; onerror: () => void };
}

/** The canvas's size in CSS pixels, as the selector query reports it. */
export const CANVAS_SIZE = { width: 345, height: 220 };

export function fakeCanvas(): FakeCanvas {
  const drawn: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, name) => {
      if (typeof name !== 'string') return undefined;
      return name in target ? target[name] : (...args: unknown[]) => void drawn.push(`${name}(${args.join(',')})`);
    },
    set: (target, name, value) => {
      if (typeof name === 'string') target[name] = value;
      return true;
    },
  });
  const createImage = () => {
    let src = '';
    const image = {
      onload: () => undefined,
      onerror: () => undefined,
      get src() {
        return src;
      },
      set src(value: string) {
        src = value;
        Promise.resolve().then(() => image.onload());
      },
    };
    return image;
  };
  return { width: 300, height: 150, drawn, getContext: () => ctx, createImage };
}

/** wx.createSelectorQuery(): every `select` finds a new canvas, appended to `canvases`. */
export const selectorQuery = (canvases: FakeCanvas[]) => () => {
  const query = {
    in: () => query,
    select: () => query,
    fields: () => query,
    exec(cb: (res: unknown[]) => void) {
      const node = fakeCanvas();
      canvases.push(node);
      Promise.resolve().then(() => cb([{ node, ...CANVAS_SIZE }]));
      return query;
    },
  };
  return query;
};

type Pad = { onTouchStart(e: unknown): void; onTouchMove(e: unknown): void; onTouchEnd(e: unknown): void };

/** One stroke through the points, as the canvas reports touches (x, y in CSS pixels) to the signature pad. */
export function stroke(pad: Pad, points: Array<[number, number]>): void {
  const [first, ...rest] = points;
  pad.onTouchStart({ touches: [{ x: first![0], y: first![1] }] });
  for (const [x, y] of rest) pad.onTouchMove({ touches: [{ x, y }] });
  pad.onTouchEnd({ touches: [] });
}

/** 张: enough strokes and line for a name. */
export function writeName(pad: Pad): void {
  stroke(pad, [[20, 40], [80, 40], [80, 90]]);
  stroke(pad, [[30, 60], [70, 60]]);
  stroke(pad, [[110, 30], [110, 120], [150, 150]]);
}
