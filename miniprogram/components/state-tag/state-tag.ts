// A case's state as a coloured tag; the colour is chosen in the stylesheet from the state.
Component({
  properties: {
    state: { type: String, value: '' },
    label: { type: String, value: '' },
  },
});
