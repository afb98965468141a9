// A labelled form field: the input goes in the slot; the field's error in Chinese shows under it.
Component({
  properties: {
    label: { type: String, value: '' },
    required: { type: Boolean, value: false },
    hint: { type: String, value: '' },
    error: { type: String, value: '' },
  },
});
