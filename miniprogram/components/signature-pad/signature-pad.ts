// A handwritten signature on a 2D canvas, sized to the device's pixel ratio. Undo and clear; an empty pad or a
// one-stroke scribble is refused. On confirm it exports a PNG and emits `sign` with {tempFilePath}.
// https://developers.weixin.qq.com/miniprogram/dev/component/canvas.html

interface Point {
  x: number;
  y: number;
}

/** The 2D context calls the pad makes. */
interface Context2D {
  scale(x: number, y: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  strokeStyle: string;
}

/** Kept on the instance, not in data: nothing here is rendered, and a canvas node cannot be cloned into data. */
interface PadState {
  canvas: WechatMiniprogram.Canvas | null;
  ctx: Context2D | null;
  width: number;
  height: number;
  strokes: Point[][];
}

type CanvasTouch = { touches: Point[] };

/** A real name takes several strokes and some length of line (in CSS pixels); a tick or a dash does not. */
const MIN_STROKES = 2;
const MIN_PATH_LENGTH = 120;

const padOf = (self: unknown): PadState => {
  const host = self as { pad?: PadState };
  host.pad ??= { canvas: null, ctx: null, width: 0, height: 0, strokes: [] };
  return host.pad;
};

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Strokes and total length of line drawn. */
function measure(strokes: Point[][]): { strokes: number; length: number } {
  let length = 0;
  for (const s of strokes) for (let i = 1; i < s.length; i++) length += distance(s[i - 1]!, s[i]!);
  return { strokes: strokes.length, length };
}

/** Why a drawing is not accepted as a signature, '' when it is. */
function signatureRefusal(strokes: Point[][]): string {
  const m = measure(strokes);
  if (!m.strokes) return '请先在框内签名';
  if (m.strokes < MIN_STROKES || m.length < MIN_PATH_LENGTH) return '签名过于简单，请用正楷完整写下您的姓名';
  return '';
}

const pixelRatio = (): number => {
  // wx.getWindowInfo since base library 2.20.1; getSystemInfoSync before it.
  const info = wx.getWindowInfo ? wx.getWindowInfo() : wx.getSystemInfoSync();
  return info.pixelRatio || 1;
};

Component({
  properties: {
    label: { type: String, value: '签名' },
    confirmText: { type: String, value: '确认签名' },
    /** The page is sending the signature: the buttons wait. */
    busy: { type: Boolean, value: false },
  },
  data: { strokes: 0, error: '' },
  lifetimes: {
    ready() {
      wx.createSelectorQuery()
        .in(this)
        .select('#pad')
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: WechatMiniprogram.Canvas; width: number; height: number } | null>) => {
          const found = res[0];
          if (!found?.node) {
            this.setData({ error: '签名板加载失败，请返回后重新进入' });
            return;
          }
          const pad = padOf(this);
          const dpr = pixelRatio();
          found.node.width = found.width * dpr;
          found.node.height = found.height * dpr;
          const ctx = found.node.getContext('2d') as Context2D;
          ctx.scale(dpr, dpr);
          Object.assign(pad, { canvas: found.node, ctx, width: found.width, height: found.height });
        });
    },
  },
  methods: {
    onTouchStart(e: CanvasTouch) {
      const p = e.touches[0];
      if (!p) return;
      padOf(this).strokes.push([{ x: p.x, y: p.y }]);
      if (this.data.error) this.setData({ error: '' });
    },

    onTouchMove(e: CanvasTouch) {
      const pad = padOf(this);
      const stroke = pad.strokes[pad.strokes.length - 1];
      const p = e.touches[0];
      if (!stroke || !p) return;
      const last = stroke[stroke.length - 1]!;
      stroke.push({ x: p.x, y: p.y });
      this.line([last, { x: p.x, y: p.y }]);
    },

    onTouchEnd() {
      const pad = padOf(this);
      // A tap leaves no line: it is not a stroke.
      if (pad.strokes[pad.strokes.length - 1]?.length === 1) pad.strokes.pop();
      if (pad.strokes.length !== this.data.strokes) this.setData({ strokes: pad.strokes.length });
    },

    line(points: Point[]) {
      const ctx = padOf(this).ctx;
      if (!ctx || points.length < 2) return;
      ctx.lineWidth = 4;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#000000';
      ctx.beginPath();
      ctx.moveTo(points[0]!.x, points[0]!.y);
      for (const p of points.slice(1)) ctx.lineTo(p.x, p.y);
      ctx.stroke();
    },

    redraw() {
      const pad = padOf(this);
      pad.ctx?.clearRect(0, 0, pad.width, pad.height);
      for (const s of pad.strokes) this.line(s);
      this.setData({ strokes: pad.strokes.length, error: '' });
    },

    onUndo() {
      padOf(this).strokes.pop();
      this.redraw();
    },

    onClear() {
      this.reset();
    },

    /** Empties the pad; the page calls it to sign the next form. */
    reset() {
      padOf(this).strokes = [];
      this.redraw();
    },

    onConfirm() {
      const pad = padOf(this);
      const refusal = signatureRefusal(pad.strokes);
      if (refusal || !pad.canvas) {
        this.setData({ error: refusal || '签名板加载失败，请返回后重新进入' });
        return;
      }
      // https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.canvasToTempFilePath.html
      wx.canvasToTempFilePath({
        canvas: pad.canvas,
        fileType: 'png',
        success: (res) => this.triggerEvent('sign', { tempFilePath: res.tempFilePath }),
        fail: () => this.setData({ error: '签名保存失败，请重试' }),
      });
    },
  },
});
