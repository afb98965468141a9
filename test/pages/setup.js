// miniprogram-simulate knows only Component: a page becomes a component whose handlers are its methods
// (PLATFORM.md). Tests call onLoad(query) and the other lifecycle methods themselves.
// Behaviors pass through as WeChat's Page() takes them (their methods, page handlers included, merge in).
global.Page = ({ data, behaviors, ...rest }) => Component({ data, behaviors, methods: rest });

// The app object pages reach through getApp(); each test file starts with an empty one.
global.__testApp = { globalData: {} };
global.getApp = () => global.__testApp;
global.getCurrentPages = () => [];
