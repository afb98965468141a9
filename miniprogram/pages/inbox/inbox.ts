// The in-app inbox; filled by the notifications work. Until then it says there is nothing.
Page({
  data: {},
});
