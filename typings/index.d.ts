/// <reference types="miniprogram-api-typings" />
import type { WhoAmI } from './models';

declare global {
  interface IAppOption {
    globalData: {
      /** Who the caller is, once `whoami` has answered. */
      me?: WhoAmI;
    };
  }
}
export {};
