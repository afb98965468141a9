// miniprogram-simulate knows only Component: a page becomes a component whose handlers are its methods
// (PLATFORM.md). Tests call onLoad(query) and the other lifecycle methods themselves.
global.Page = ({ data, ...rest }) => Component({ data, methods: rest });

// The app object pages reach through getApp(); each test file starts with an empty one.
global.__testApp = { globalData: {} };
global.getApp = () => global.__testApp;
global.getCurrentPages = () => [];
