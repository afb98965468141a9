// What happened to a case, newest first. Entries come formatted: {at, actorName, actionLabel, note}.
Component({
  properties: {
    entries: { type: Array, value: [] },
  },
});
