// Horizontal bars drawn with plain views: each row a label, a track with a bar `width`% wide, and the value in words.
Component({
  properties: {
    /** Bar[] (package-supervise/utils/statistics-view.ts). */
    bars: { type: Array, value: [] },
  },
});
